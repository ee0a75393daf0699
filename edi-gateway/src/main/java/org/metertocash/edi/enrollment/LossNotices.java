package org.metertocash.edi.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.TransactionSet;

/**
 * 814_06: another retailer's switch (or move-in) takes a premise we serve; our service ends on DTM*151. Published
 * as {@link LossNoticeReceived} for enrollment-service to end the enrollment. A loss notice for a premise we never
 * enrolled is held ({@link KnownPremises}).
 */
@ApplicationScoped
public class LossNotices {

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Inject
    KnownPremises premises;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set) {
        inbound.transactionSet = "814_06";
        if (!premises.requireKnown(inbound, inbound.esiId)) {
            return;
        }
        LocalDate end;
        try {
            end = set.dtm("151").map(d -> LocalDate.parse(d, Enrollment814.CCYYMMDD)).orElse(null);
        } catch (DateTimeParseException e) {
            end = null;
        }
        if (end == null) {
            Inbound814.fail(log, workQueue, inbound, "a loss notice needs the last day of service in DTM*151");
            return;
        }
        log.details(inbound, Map.of("kind", "LOSS_NOTICE", "serviceEndDate", end.toString()));
        inbound.producedEventId = outbox.publish(new LossNoticeReceived(inbound.esiId, end, inbound.bgnReference,
                inbound.id), new Cause(correlation(inbound), null));
        inbound.status = TransactionStatus.PROCESSED;
    }

    /** Market-initiated transactions start a flow of their own: the inbound transaction's id correlates it. */
    static UUID correlation(EdiTransaction inbound) {
        return inbound.correlationId != null ? inbound.correlationId : inbound.id;
    }
}
