package org.metertocash.edi.acknowledgement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.monitoring.TimelinessMonitor;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiAcknowledgement;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.ack.FunctionalAcknowledgement;

/**
 * A partner's 997 about a functional group of ours. It is matched to our outbound group by the partner (its ISA06
 * is the receiver of ours) and AK1-02 (our GS06), and to our transactions by ST02 (AK2-02). Each of ours is marked
 * acknowledged with the AK5 code (or, without an AK2 loop for it, the code AK9 implies); a rejected one is REJECTED
 * — the partner will not process it — and raises {@value #REJECTED} for operations to correct and resend. A 997
 * matching no group of ours is FAILED with {@value #UNMATCHED}. A 997 is never acknowledged itself.
 */
@ApplicationScoped
public class ReceivedAcknowledgements implements InboundHandler {

    /** A partner's 997 rejected one of our transactions. */
    public static final String REJECTED = "EDI_ACKNOWLEDGEMENT_REJECTED";
    /** A partner's 997 (or part of it) matches nothing we sent. */
    public static final String UNMATCHED = "EDI_UNMATCHED_ACKNOWLEDGEMENT";

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Override
    public String transactionSet() {
        return FunctionalAcknowledgement.SET_ID;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        FunctionalAcknowledgement ack = FunctionalAcknowledgement.read(set);
        inbound.transactionSet = FunctionalAcknowledgement.SET_ID;
        String partner = interchange.senderId();
        String gs06 = withoutLeadingZeros(ack.groupControlNumber());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("functionalId", ack.functionalId());
        details.put("groupControlNumber", ack.groupControlNumber());
        details.put("groupCode", ack.groupCode());
        details.put("included", ack.included());
        details.put("received", ack.received());
        details.put("accepted", ack.accepted());
        if (!ack.groupErrorCodes().isEmpty()) {
            details.put("groupErrorCodes", ack.groupErrorCodes());
        }
        details.put("transactions", ack.transactions().stream()
                .map(t -> Map.of("setId", t.setId(), "controlNumber", t.controlNumber(), "code", t.code()))
                .toList());
        List<EdiTransaction> ours = EdiTransaction.list(
                "direction = ?1 and receiverId = ?2 and gs06 = ?3 and setId <> ?4 order by st02", Direction.OUTBOUND,
                partner, gs06, FunctionalAcknowledgement.SET_ID);
        if (ours.isEmpty()) {
            log.details(inbound, details);
            log.fail(inbound, TransactionStatus.FAILED, "UNMATCHED",
                    "no group of ours to " + partner + " with GS06 " + ack.groupControlNumber());
            workQueue.raise(UNMATCHED, null, inbound.id.toString(),
                    "997 from " + partner + " acknowledges group " + ack.groupControlNumber()
                            + ", which we never sent to it",
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
            return;
        }
        for (EdiTransaction transaction : ours) {
            String code = ack.codeFor(transaction.st02);
            FunctionalAcknowledgement.TransactionResponse response = ack.responseTo(transaction.st02).orElse(null);
            Map<String, Object> errors = AcknowledgementErrors.of(response, ack);
            EdiAcknowledgement link = log.acknowledgement(EdiAcknowledgement.FUNCTIONAL, Direction.INBOUND, inbound,
                    transaction, partner, code, errors);
            link.functionalId = ack.functionalId();
            link.groupControlNumber = ack.groupControlNumber();
            link.groupCode = ack.groupCode();
            if (!FunctionalAcknowledgement.isAccepted(code)) {
                reject(transaction, inbound, code, errors, partner);
            }
            // a late 997 ends the wait it was raised for
            workQueue.closeByReference(TimelinessMonitor.ACKNOWLEDGEMENT_OVERDUE, transaction.id.toString(),
                    WorkQueue.SYSTEM, "997 " + inbound.id + " received from " + partner + " (AK5 " + code + ")");
        }
        Set<String> matched = ours.stream().map(t -> t.st02).collect(Collectors.toSet());
        List<String> unmatched = new ArrayList<>();
        ack.transactions().stream().map(FunctionalAcknowledgement.TransactionResponse::controlNumber)
                .filter(st02 -> !matched.contains(st02)).forEach(unmatched::add);
        if (!unmatched.isEmpty()) {
            details.put("unmatchedControlNumbers", unmatched);
            workQueue.raise(UNMATCHED, null, inbound.id.toString(),
                    "997 from " + partner + " for group " + ack.groupControlNumber()
                            + " acknowledges transaction sets we did not send in it: " + unmatched,
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
        }
        log.details(inbound, details);
        // one premise's acknowledgement is found under its ESI ID too
        Set<String> esiIds = ours.stream().map(t -> t.esiId).filter(e -> e != null).collect(Collectors.toSet());
        if (esiIds.size() == 1 && inbound.esiId == null) {
            inbound.esiId = esiIds.iterator().next();
        }
        if (ours.size() == 1) {
            inbound.enrollmentId = ours.get(0).enrollmentId;
            inbound.correlationId = ours.get(0).correlationId;
        }
        inbound.status = TransactionStatus.PROCESSED;
    }

    private void reject(EdiTransaction transaction, EdiTransaction inbound, String code, Map<String, Object> errors,
            String partner) {
        // only a transaction still waiting for the partner is rejected: one already answered keeps its answer
        if (transaction.status == TransactionStatus.QUEUED || transaction.status == TransactionStatus.SENT) {
            transaction.status = TransactionStatus.REJECTED;
            transaction.updatedAt = inbound.updatedAt;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("transactionId", transaction.id.toString());
        item.put("acknowledgementId", inbound.id.toString());
        item.put("code", code);
        if (errors != null) {
            item.put("errors", errors);
        }
        workQueue.raise(REJECTED, transaction.esiId, transaction.id.toString(),
                "997 from " + partner + " rejected our " + transaction.transactionSet + " "
                        + (transaction.bgnReference != null ? transaction.bgnReference : "ST02 " + transaction.st02)
                        + " (AK5 " + code + (errors == null ? "" : " " + errors) + ")",
                item);
    }

    static String withoutLeadingZeros(String number) {
        if (number == null) {
            return "";
        }
        String trimmed = number.trim().replaceFirst("^0+(?=.)", "");
        return trimmed;
    }
}
