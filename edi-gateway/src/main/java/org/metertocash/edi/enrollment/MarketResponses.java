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
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * The market's answers to our 814s: to an enrollment request, ASI*WQ accepts (814_05, with the scheduled start in
 * DTM*150), ASI*U rejects (814_02 for a switch, 814_17 for a move-in, reason in REF*7G); to a move-out (814_24)
 * the 814_25 accepts (last day in DTM*151) or rejects; to a cancel (814_08) the 814_09. An answer is matched to our request by
 * BGN06 (our BGN02), or else by the ESI ID's open request, and published in the transaction that logs it.
 */
@ApplicationScoped
public class MarketResponses {

    public static final String UNMATCHED = "EDI_UNMATCHED_RESPONSE";
    public static final String NOT_APPLICABLE = "EDI_TRANSACTION_FAILED";
    public static final String CANCEL_REFUSED = "EDI_CANCEL_REFUSED";

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    /** Applies a syntactically valid inbound 814; leaves it PROCESSED or FAILED (with a work item). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set) {
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
        if ("814_24".equals(ours.transactionSet)) {
            if (!moveOutResponse(inbound, set, ours, action, details, cause)) {
                return;
            }
            answered(inbound, ours, details);
            return;
        }
        if ("814_08".equals(ours.transactionSet)) {
            cancelResponse(inbound, set, ours, action, details);
            answered(inbound, ours, details);
            return;
        }
        switch (action) {
            case "WQ" -> {
                LocalDate scheduled = date(set.dtm("150"));
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
                inbound.transactionSet = "814_16".equals(ours.transactionSet) ? "814_17" : "814_02";
                String[] reason = reason(set, details);
                inbound.producedEventId = outbox.publish(new MarketEnrollmentRejected(ours.enrollmentId, inbound.esiId,
                        inbound.bgnReference, ours.bgnReference, reason[0], reason[1], inbound.id), cause);
            }
            default -> {
                fail(inbound, "ASI01 " + action + " is neither an accept (WQ) nor a reject (U)");
                return;
            }
        }
        answered(inbound, ours, details);
    }

    private void answered(EdiTransaction inbound, EdiTransaction ours, Map<String, Object> details) {
        log.details(inbound, details);
        inbound.enrollmentId = ours.enrollmentId;
        inbound.correlationId = ours.correlationId;
        inbound.status = TransactionStatus.PROCESSED;
        ours.status = TransactionStatus.ANSWERED;
        ours.answeredBy = inbound.id;
        ours.updatedAt = inbound.updatedAt;
    }

    /** 814_25: the market's answer to our 814_24 move-out. */
    private boolean moveOutResponse(EdiTransaction inbound, TransactionSet set, EdiTransaction ours, String action,
            Map<String, Object> details, Cause cause) {
        inbound.transactionSet = "814_25";
        switch (action) {
            case "WQ" -> {
                LocalDate end = date(set.dtm("151"));
                if (end == null) {
                    fail(inbound, "a move-out accept (ASI*WQ) needs the last day of service in DTM*151");
                    return false;
                }
                details.put("serviceEndDate", end.toString());
                inbound.producedEventId = outbox.publish(new MoveOutCompleted(ours.enrollmentId, inbound.esiId, end,
                        inbound.bgnReference, ours.bgnReference, inbound.id), cause);
            }
            case "U" -> {
                String[] reason = reason(set, details);
                inbound.producedEventId = outbox.publish(new MoveOutRejected(ours.enrollmentId, inbound.esiId,
                        reason[0], reason[1], ours.bgnReference, inbound.id), cause);
            }
            default -> {
                fail(inbound, "ASI01 " + action + " is neither an accept (WQ) nor a reject (U)");
                return false;
            }
        }
        return true;
    }

    /** 814_09: the market's answer to our 814_08 cancel; a refused cancel is for operations to follow up. */
    private void cancelResponse(EdiTransaction inbound, TransactionSet set, EdiTransaction ours, String action,
            Map<String, Object> details) {
        inbound.transactionSet = "814_09";
        if ("U".equals(action)) {
            String[] reason = reason(set, details);
            workQueue.raise(CANCEL_REFUSED, inbound.esiId, inbound.id.toString(),
                    "The market refused our cancel " + ours.bgnReference + ": " + reason[0]
                            + (reason[1] == null ? "" : " " + reason[1]),
                    Map.of("transactionId", inbound.id.toString(), "cancel", ours.id.toString()));
        } else {
            details.put("cancelAccepted", true);
        }
    }

    /** REF*7G code and text, recorded in the details. */
    private static String[] reason(TransactionSet set, Map<String, Object> details) {
        Optional<Segment> reason = set.all("REF").filter(r -> r.element(1).equals("7G")).findFirst();
        String code = reason.map(r -> r.element(2)).filter(c -> !c.isBlank()).orElse("UNSPECIFIED");
        String text = reason.map(r -> r.element(3)).filter(t -> !t.isBlank()).orElse(null);
        details.put("reasonCode", code);
        if (text != null) {
            details.put("reasonText", text);
        }
        return new String[] { code, text };
    }

    private static LocalDate date(Optional<String> value) {
        try {
            return value.map(d -> LocalDate.parse(d, Enrollment814.CCYYMMDD)).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
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
