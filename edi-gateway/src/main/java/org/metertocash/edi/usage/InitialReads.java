package org.metertocash.edi.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.edi.usage.Usage867.Purpose;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.TransactionSet;

/**
 * 867_04, the initial meter read: the wires utility read the meter on the first day of our service, which
 * completes the switch or move-in. Published as {@link MarketEnrollmentCompleted} for our latest enrollment request
 * (814_01 / 814_16) for the ESI ID, in that request's flow (its correlation, caused by its request-sent event), with
 * the service start from DTM*150. An initial read for a premise we never enrolled is held; one without a start date,
 * a cancel or replace of an initial read, or a read applied before is FAILED with a
 * {@value UsageReports#USAGE_INVALID} work item.
 */
@ApplicationScoped
public class InitialReads {

    public static final String INITIAL_READ = "867_04";

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Inject
    KnownPremises premises;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Usage867 usage) {
        inbound.transactionSet = INITIAL_READ;
        Map<String, Object> details = UsageReports.heading(usage);
        details.put("meters", usage.loops().stream().map(l -> l.meterNumber().orElse("")).filter(m -> !m.isEmpty())
                .distinct().toList());
        log.details(inbound, details);
        if (!premises.requireKnown(inbound, usage.esiId())) {
            return;
        }
        Optional<LocalDate> start = set.dtm("150").flatMap(InitialReads::date);
        String problem = null;
        if (usage.purpose().orElse(null) != Purpose.ORIGINAL) {
            problem = "BPT01 " + usage.purposeCode() + ": only an original initial read (00) confirms a service start";
        } else if (start.isEmpty()) {
            problem = "no service start date (DTM*150)";
        } else if (EdiTransaction.count("direction = ?1 and transactionSet = ?2 and senderId = ?3 "
                + "and bgnReference = ?4 and status = ?5", Direction.INBOUND, INITIAL_READ, inbound.senderId,
                inbound.bgnReference, TransactionStatus.PROCESSED) > 0) {
            problem = "initial read " + inbound.bgnReference + " was already applied";
        }
        if (problem != null) {
            details.put("problems", List.of(problem));
            log.details(inbound, details);
            log.fail(inbound, TransactionStatus.FAILED, "NOT_APPLICABLE", problem);
            workQueue.raise(UsageReports.USAGE_INVALID, inbound.esiId, inbound.id.toString(),
                    INITIAL_READ + " " + inbound.bgnReference + " for ESI ID " + inbound.esiId + " was not applied: "
                            + problem,
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
            return;
        }
        // requireKnown found a request of ours: the latest one is the enrollment this start completes
        EdiTransaction ours = EdiTransaction.<EdiTransaction> find("direction = ?1 and esiId = ?2 "
                + "and transactionSet in ('814_01', '814_16') order by createdAt desc", Direction.OUTBOUND,
                inbound.esiId).firstResult();
        details.put("serviceStartDate", start.get().toString());
        details.put("enrollmentId", String.valueOf(ours.enrollmentId));
        Cause cause = new Cause(ours.correlationId != null ? ours.correlationId : inbound.id, ours.producedEventId);
        inbound.producedEventId = outbox.publish(new MarketEnrollmentCompleted(ours.enrollmentId, inbound.esiId,
                start.get(), inbound.bgnReference, inbound.id), cause);
        log.details(inbound, details);
        inbound.enrollmentId = ours.enrollmentId;
        inbound.correlationId = cause.correlationId();
        inbound.status = TransactionStatus.PROCESSED;
        inbound.updatedAt = clock.instant();
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value, CCYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
