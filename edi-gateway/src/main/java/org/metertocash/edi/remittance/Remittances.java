package org.metertocash.edi.remittance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.RemittanceReceived;
import org.metertocash.edi.enrollment.MarketResponses;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;

/**
 * Inbound 820 remittance advices: published as RemittanceReceived, with their lines, when the lines add up to the
 * payment (BPR02). One whose lines do not add up is FAILED with an {@value #UNBALANCED} work item and nothing is
 * published: money that cannot be reconciled line by line is for a person to research. The trace number (TRN02)
 * is logged as the transaction's reference; a second remittance from the same sender with a trace number already
 * applied is FAILED too, so a payment is never announced twice.
 */
@ApplicationScoped
public class Remittances implements InboundHandler {

    public static final String UNBALANCED = "EDI_REMITTANCE_UNBALANCED";
    static final String SET = "820";

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Override
    public String transactionSet() {
        return SET;
    }

    /** Applies a syntactically valid inbound 820; leaves it PROCESSED or FAILED (with a work item). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        inbound.transactionSet = SET;
        Remittance820.Reading reading = Remittance820.read(set);
        if (reading.problem() != null) {
            fail(inbound, MarketResponses.NOT_APPLICABLE, "NOT_APPLICABLE", reading.problem(), Map.of());
            return;
        }
        Remittance820.Remittance remittance = reading.remittance();
        inbound.bgnReference = remittance.traceNumber();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("traceNumber", remittance.traceNumber());
        details.put("payerId", remittance.payerId());
        details.put("payeeId", remittance.payeeId());
        details.put("paymentDate", remittance.paymentDate().toString());
        details.put("totalAmount", remittance.totalAmount().toPlainString());
        details.put("linesTotal", remittance.linesTotal().toPlainString());
        details.put("lines", remittance.lines().size());
        log.details(inbound, details);
        if (!remittance.balanced()) {
            fail(inbound, UNBALANCED, "UNBALANCED", "the remittance lines add up to "
                    + remittance.linesTotal().toPlainString() + " but the payment (BPR02) is "
                    + remittance.totalAmount().toPlainString(), details);
            return;
        }
        boolean applied = EdiTransaction.count("direction = ?1 and setId = ?2 and senderId = ?3 and bgnReference = ?4 "
                + "and status = ?5 and id <> ?6", Direction.INBOUND, SET, inbound.senderId, remittance.traceNumber(),
                TransactionStatus.PROCESSED, inbound.id) > 0;
        if (applied) {
            fail(inbound, MarketResponses.NOT_APPLICABLE, "DUPLICATE_TRACE", "a remittance from " + inbound.senderId
                    + " with trace number " + remittance.traceNumber() + " was already applied", details);
            return;
        }
        Cause cause = Cause.newFlow();
        inbound.correlationId = cause.correlationId();
        inbound.producedEventId = outbox.publish(new RemittanceReceived(remittance.payerId(), remittance.payeeId(),
                remittance.traceNumber(), remittance.paymentDate(), remittance.totalAmount(),
                List.copyOf(remittance.lines()), remittance.subjectKey(), inbound.id), cause);
        inbound.status = TransactionStatus.PROCESSED;
    }

    private void fail(EdiTransaction inbound, String workItemType, String code, String reason,
            Map<String, Object> details) {
        log.fail(inbound, TransactionStatus.FAILED, code, reason);
        Map<String, Object> item = new LinkedHashMap<>(details);
        item.put("transactionId", inbound.id.toString());
        item.put("fileId", inbound.fileId.toString());
        workQueue.raise(workItemType, inbound.esiId, inbound.id.toString(),
                "820 " + (inbound.bgnReference == null ? inbound.st02 : inbound.bgnReference) + " from "
                        + inbound.senderId + " could not be applied: " + reason,
                item);
    }
}
