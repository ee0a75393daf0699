package org.metertocash.edi.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * The market's answers to our 814 requests: ASI*WQ accepts (814_05, with the scheduled start in DTM*150), ASI*U
 * rejects (814_02 for a switch, 814_17 for a move-in, reason in REF*7G). An answer is matched to our request by
 * BGN06 (our BGN02), or else by the ESI ID's open request, and published in the transaction that logs it.
 */
@ApplicationScoped
public class MarketResponses implements InboundHandler {

    public static final String UNMATCHED = "EDI_UNMATCHED_RESPONSE";
    public static final String NOT_APPLICABLE = "EDI_TRANSACTION_FAILED";

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Override
    public String transactionSet() {
        return "814";
    }

    /** Applies a syntactically valid inbound 814; leaves it PROCESSED or FAILED (with a work item). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        Segment bgn = set.first("BGN").orElseThrow();
        Segment asi = set.first("ASI").orElseThrow();
        String action = asi.element(1);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", bgn.element(1));
        details.put("action", action);
        details.put("maintenanceType", asi.element(2));
        log.details(inbound, details);
        if (!"11".equals(bgn.element(1))) {
            fail(inbound, "BGN01 " + bgn.element(1) + " is not a response (11): only market responses are expected");
            return;
        }
        if (inbound.esiId == null) {
            fail(inbound, "REF*Q5 (ESI ID) is missing");
            return;
        }
        Optional<EdiTransaction> request = original(inbound);
        if (request.isEmpty()) {
            inbound.transactionSet = "814";
            log.fail(inbound, TransactionStatus.FAILED, "UNMATCHED",
                    "no 814 request of ours with BGN02 " + inbound.originalReference + " or open for ESI ID "
                            + inbound.esiId);
            workQueue.raise(UNMATCHED, inbound.esiId, inbound.id.toString(),
                    "814 response " + inbound.bgnReference + " (BGN06 " + inbound.originalReference
                            + ") matches no request we sent",
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
            return;
        }
        EdiTransaction ours = request.get();
        Cause cause = new Cause(ours.correlationId, ours.producedEventId);
        switch (action) {
            case "WQ" -> {
                Optional<String> start = set.dtm("150");
                LocalDate scheduled;
                try {
                    scheduled = start.map(d -> LocalDate.parse(d, Enrollment814.CCYYMMDD)).orElse(null);
                } catch (DateTimeParseException e) {
                    scheduled = null;
                }
                if (scheduled == null) {
                    fail(inbound, "an accept (ASI*WQ) needs the scheduled start date in DTM*150");
                    return;
                }
                inbound.transactionSet = "814_05";
                details.put("scheduledStartDate", scheduled.toString());
                inbound.producedEventId = outbox.publish(new MarketEnrollmentAccepted(ours.enrollmentId, inbound.esiId,
                        inbound.bgnReference, ours.bgnReference, scheduled, inbound.id), cause);
            }
            case "U" -> {
                Optional<Segment> reason = set.all("REF").filter(r -> r.element(1).equals("7G")).findFirst();
                String code = reason.map(r -> r.element(2)).filter(c -> !c.isBlank()).orElse("UNSPECIFIED");
                String text = reason.map(r -> r.element(3)).filter(t -> !t.isBlank()).orElse(null);
                inbound.transactionSet = "814_16".equals(ours.transactionSet) ? "814_17" : "814_02";
                details.put("reasonCode", code);
                if (text != null) {
                    details.put("reasonText", text);
                }
                inbound.producedEventId = outbox.publish(new MarketEnrollmentRejected(ours.enrollmentId, inbound.esiId,
                        inbound.bgnReference, ours.bgnReference, code, text, inbound.id), cause);
            }
            default -> {
                fail(inbound, "ASI01 " + action + " is neither an accept (WQ) nor a reject (U)");
                return;
            }
        }
        log.details(inbound, details);
        inbound.enrollmentId = ours.enrollmentId;
        inbound.correlationId = ours.correlationId;
        inbound.status = TransactionStatus.PROCESSED;
        ours.status = TransactionStatus.ANSWERED;
        ours.answeredBy = inbound.id;
        ours.updatedAt = inbound.updatedAt;
    }

    private Optional<EdiTransaction> original(EdiTransaction inbound) {
        if (inbound.originalReference != null) {
            Optional<EdiTransaction> byReference = EdiTransaction.<EdiTransaction> find(
                    "direction = ?1 and bgnReference = ?2 and setId = '814'", Direction.OUTBOUND,
                    inbound.originalReference).firstResultOptional();
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        List<EdiTransaction> open = EdiTransaction.list(
                "direction = ?1 and esiId = ?2 and transactionSet in ('814_01', '814_16') and status in ?3 "
                        + "order by createdAt desc",
                Direction.OUTBOUND, inbound.esiId, List.of(TransactionStatus.QUEUED, TransactionStatus.SENT));
        return open.stream().findFirst();
    }

    private void fail(EdiTransaction inbound, String reason) {
        log.fail(inbound, TransactionStatus.FAILED, "NOT_APPLICABLE", reason);
        workQueue.raise(NOT_APPLICABLE, inbound.esiId, inbound.id.toString(),
                "814 " + inbound.bgnReference + " could not be applied: " + reason,
                Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
    }
}
