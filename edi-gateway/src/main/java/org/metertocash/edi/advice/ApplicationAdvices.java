package org.metertocash.edi.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiAcknowledgement;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.ack.ApplicationAdvice;

/**
 * A partner's 824 Application Advice about our transactions: the syntax was fine (the 997 said so) but the content
 * was not. Each OTI loop is matched to our outbound transaction to that partner by the reference it quotes (OTI03,
 * our BGN02), or else by our GS06 and ST02 (OTI08, OTI09), and linked to it ({@link EdiAcknowledgement}, kind 824).
 *
 * <ul>
 * <li>OTI01 TR (rejected): ours becomes REJECTED, {@code TransactionRejected} is published (with the enrollment when
 * ours carried one, so the enrollment is rejected too) and {@value #REJECTED} is raised for operations to correct
 * and resend. A second 824 rejecting the same transaction publishes nothing more.</li>
 * <li>OTI01 TE (accepted with errors): the partner applied it, so nothing is rejected; {@value #ACCEPTED_WITH_ERRORS}
 * is raised so the errors are looked at.</li>
 * <li>Other codes (TA accepted, TC accepted with change): recorded only.</li>
 * </ul>
 * An 824 none of whose advices matches a transaction of ours is FAILED with {@value #UNMATCHED}.
 */
@ApplicationScoped
public class ApplicationAdvices implements InboundHandler {

    /** A partner's 824 rejected the content of one of our transactions. */
    public static final String REJECTED = "EDI_TRANSACTION_REJECTED_BY_PARTNER";
    /** A partner's 824 accepted one of our transactions but reported errors in it. */
    public static final String ACCEPTED_WITH_ERRORS = "EDI_TRANSACTION_ACCEPTED_WITH_ERRORS";
    /** A partner's 824 (or an advice in it) matches nothing we sent. */
    public static final String UNMATCHED = "EDI_UNMATCHED_ADVICE";

    @Inject
    TransactionLog log;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Override
    public String transactionSet() {
        return ApplicationAdvice.SET_ID;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        ApplicationAdvice advice = ApplicationAdvice.read(set);
        inbound.transactionSet = ApplicationAdvice.SET_ID;
        String partner = interchange.senderId();
        List<Map<String, Object>> described = new ArrayList<>();
        List<ApplicationAdvice.Advice> unmatched = new ArrayList<>();
        EdiTransaction last = null;
        for (ApplicationAdvice.Advice item : advice.advices()) {
            Map<String, Object> description = describe(item);
            described.add(description);
            Optional<EdiTransaction> original = original(item, partner);
            if (original.isEmpty()) {
                unmatched.add(item);
                description.put("matched", false);
                continue;
            }
            EdiTransaction ours = original.get();
            description.put("transactionId", ours.id.toString());
            apply(inbound, item, ours, partner);
            last = ours;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", advice.purpose());
        details.put("reference", advice.reference());
        details.put("advices", described);
        log.details(inbound, details);
        if (last == null) {
            log.fail(inbound, TransactionStatus.FAILED, "UNMATCHED",
                    "no transaction of ours to " + partner + " matches the 824's advices: " + references(unmatched));
            workQueue.raise(UNMATCHED, inbound.esiId, inbound.id.toString(),
                    "824 " + advice.reference() + " from " + partner + " advises on transactions we never sent it: "
                            + references(unmatched),
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
            return;
        }
        if (!unmatched.isEmpty()) {
            workQueue.raise(UNMATCHED, inbound.esiId, inbound.id.toString(),
                    "824 " + advice.reference() + " from " + partner + " also advises on transactions we never sent "
                            + "it: " + references(unmatched),
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
        }
        if (inbound.esiId == null) {
            inbound.esiId = last.esiId;
        }
        inbound.enrollmentId = last.enrollmentId;
        inbound.correlationId = last.correlationId;
        inbound.status = TransactionStatus.PROCESSED;
    }

    private void apply(EdiTransaction inbound, ApplicationAdvice.Advice item, EdiTransaction ours, String partner) {
        boolean alreadyRejected = EdiAcknowledgement.count("transactionId = ?1 and kind = ?2 and code = ?3",
                ours.id, EdiAcknowledgement.ADVICE, ApplicationAdvice.REJECTED) > 0;
        EdiAcknowledgement link = log.acknowledgement(EdiAcknowledgement.ADVICE, Direction.INBOUND, inbound, ours,
                partner, item.code(), item.errors());
        link.groupControlNumber = item.groupControlNumber();
        link.reference = item.reference() == null || item.reference().length() > 30 ? null : item.reference();
        Optional<ApplicationAdvice.TechnicalError> reason = item.reason();
        String code = reason.map(ApplicationAdvice.TechnicalError::code).orElse("UNSPECIFIED");
        String text = reason.map(ApplicationAdvice.TechnicalError::message).orElse(null);
        String what = ours.transactionSet + " " + (ours.bgnReference != null ? ours.bgnReference : "ST02 " + ours.st02);
        Map<String, Object> workDetails = new LinkedHashMap<>();
        workDetails.put("transactionId", ours.id.toString());
        workDetails.put("adviceId", inbound.id.toString());
        workDetails.put("code", item.code());
        workDetails.put("reasonCode", code);
        if (text != null) {
            workDetails.put("reasonText", text);
        }
        if (item.rejected()) {
            ours.status = TransactionStatus.REJECTED;
            ours.updatedAt = inbound.updatedAt;
            String esiId = ours.esiId != null ? ours.esiId : item.esiId().orElse(null);
            // the event is keyed by the ESI ID: a rejected transaction without one is left to the work item
            if (!alreadyRejected && esiId != null) {
                link.eventId = outbox.publish(new TransactionRejected(esiId, ours.transactionSet,
                        ours.bgnReference != null ? ours.bgnReference : ours.st02, code, text, ours.enrollmentId,
                        inbound.id), new Cause(ours.correlationId, ours.producedEventId));
                inbound.producedEventId = link.eventId;
            }
            workQueue.raise(REJECTED, esiId, ours.id.toString(),
                    "824 from " + partner + " rejected our " + what + ": " + code + (text == null ? "" : " " + text),
                    workDetails);
        } else if (item.acceptedWithErrors()) {
            workQueue.raise(ACCEPTED_WITH_ERRORS, ours.esiId, ours.id.toString(),
                    "824 from " + partner + " accepted our " + what + " with errors: " + code
                            + (text == null ? "" : " " + text),
                    workDetails);
        }
    }

    /** Our transaction the advice is about: by the reference it quotes, else by GS06 and ST02. */
    private static Optional<EdiTransaction> original(ApplicationAdvice.Advice item, String partner) {
        if (item.reference() != null && !item.reference().isBlank()) {
            List<EdiTransaction> byReference = EdiTransaction.list(
                    "direction = ?1 and receiverId = ?2 and bgnReference = ?3 order by createdAt desc",
                    Direction.OUTBOUND, partner, item.reference());
            if (item.transactionSetId() != null) {
                byReference = byReference.stream().filter(t -> t.setId.equals(item.transactionSetId())).toList();
            }
            if (!byReference.isEmpty()) {
                return Optional.of(byReference.get(0));
            }
        }
        if (item.groupControlNumber() != null && item.transactionControlNumber() != null) {
            return EdiTransaction.<EdiTransaction> find(
                    "direction = ?1 and receiverId = ?2 and gs06 = ?3 and st02 = ?4", Direction.OUTBOUND, partner,
                    item.groupControlNumber().replaceFirst("^0+(?=.)", ""), item.transactionControlNumber())
                    .firstResultOptional();
        }
        return Optional.empty();
    }

    private static Map<String, Object> describe(ApplicationAdvice.Advice item) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("code", item.code());
        description.put("referenceQualifier", item.referenceQualifier());
        description.put("reference", item.reference());
        if (item.groupControlNumber() != null) {
            description.put("gs06", item.groupControlNumber());
        }
        if (item.transactionControlNumber() != null) {
            description.put("st02", item.transactionControlNumber());
        }
        if (item.transactionSetId() != null) {
            description.put("st01", item.transactionSetId());
        }
        description.put("errors", item.errors());
        return description;
    }

    private static String references(List<ApplicationAdvice.Advice> advices) {
        return advices.stream().map(a -> a.reference() + (a.transactionControlNumber() == null ? ""
                : " (GS06 " + a.groupControlNumber() + ", ST02 " + a.transactionControlNumber() + ")")).toList()
                .toString();
    }
}
