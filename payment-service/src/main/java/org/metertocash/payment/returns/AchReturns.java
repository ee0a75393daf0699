package org.metertocash.payment.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.payment.autopay.AutopayDebit;
import org.metertocash.payment.autopay.Mandate;
import org.metertocash.payment.autopay.MandateHistory;
import org.metertocash.payment.autopay.Mandates;
import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.intake.AchReturnsProcessing;
import org.metertocash.payment.files.nacha.AchAddenda;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Processes the returns and notifications of change the bank sends back for our auto-draft debits — the
 * {@link AchReturnsProcessing} the payment-file intake hands a NACHA file's new entries to, in the transaction that
 * records them. Each entry is matched to the debit by the original entry trace number it quotes, and handled once per
 * network key (original trace and code), whichever file brings it:
 *
 * <ul>
 * <li><b>return</b> (R01 insufficient funds, R02 account closed, R03 no account, …): the debit's payment becomes
 * RETURNED and {@code PaymentReturned} (reason code and description) goes out through the outbox — billing reverses
 * the payment and charges its returned-payment fee. After {@code payment.returns.suspend-after} returns within
 * {@code payment.returns.suspend-within}, or one return whose reason forbids debiting again, the mandate is SUSPENDED
 * with an {@value Mandates#AUTOPAY_SUSPENDED} work item;</li>
 * <li><b>notification of change</b> (C01 account number, C02 routing number, C03 both, C05 account type, …): the
 * mandate is corrected (the account number encrypted again) and the change recorded in its history;</li>
 * <li>an entry that matches no debit of ours, or nothing left to return, is kept with an
 * {@value #ACH_RETURN_UNMATCHED} work item; a NOC that cannot be applied with an {@value #AUTOPAY_NOC_NOT_APPLIED}
 * one.</li>
 * </ul>
 */
@ApplicationScoped
public class AchReturns implements AchReturnsProcessing {

    /** A return or NOC that matches no debit (or nothing left to return): reference = its network key. */
    public static final String ACH_RETURN_UNMATCHED = "ACH_RETURN_UNMATCHED";
    /** A notification of change that did not change the mandate: reference = its network key. */
    public static final String AUTOPAY_NOC_NOT_APPLIED = "AUTOPAY_NOC_NOT_APPLIED";

    private static final Logger LOG = Logger.getLogger(AchReturns.class);
    private static final String BANK = "bank";

    @Inject
    Mandates mandates;

    @Inject
    ReturnsConfig config;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public void received(UUID fileId, List<AchEntry> entries, Cause cause) {
        Set<String> seen = new HashSet<>();
        for (AchEntry entry : entries) {
            if (!seen.add(entry.idempotencyKey())) {
                continue;
            }
            if (entry.returnAddenda() == null && entry.changeAddenda() == null) {
                unmatchedEntry(fileId, entry);
                continue;
            }
            if (AchReturn.count("networkKey", entry.idempotencyKey()) > 0) {
                LOG.debugf("%s was processed before: nothing done again", entry.idempotencyKey());
                continue;
            }
            if (entry.returnAddenda() != null) {
                returned(fileId, entry, entry.returnAddenda(), cause);
            } else {
                changed(fileId, entry, entry.changeAddenda());
            }
        }
    }

    private void returned(UUID fileId, AchEntry entry, AchAddenda.Return r, Cause cause) {
        Instant now = clock.instant();
        AchReturn record = record(fileId, entry, AchReturn.Kind.RETURN, r.originalTraceNumber(), r.reasonCode(),
                r.reasonDescription(), now);
        AutopayDebit debit = AutopayDebit.<AutopayDebit> find("traceNumber", r.originalTraceNumber())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (debit == null) {
            unmatched(record, entry, "no auto-draft debit of ours has trace number " + r.originalTraceNumber());
            return;
        }
        record.debitId = debit.id;
        record.mandateId = debit.mandateId;
        record.paymentId = debit.paymentId;
        Payment payment = debit.paymentId == null ? null
                : Payment.findById(debit.paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (debit.status != AutopayDebit.Status.SENT || payment == null
                || (payment.status != PaymentStatus.POSTED && payment.status != PaymentStatus.APPLIED_FROM_SUSPENSE)) {
            unmatched(record, entry, "debit " + debit.id + " is " + debit.status
                    + (payment == null ? "" : " and its payment " + payment.status) + ": nothing left to return");
            return;
        }
        payment.status = PaymentStatus.RETURNED;
        payment.statusChangedAt = now;
        debit.status = AutopayDebit.Status.RETURNED;
        debit.statusReason = r.reasonCode() + " " + r.reasonDescription();
        debit.statusChangedAt = now;
        BigDecimal amount = entry.amount() != null ? entry.amount() : payment.amount;
        record.outcome = AchReturn.Outcome.RETURNED;
        record.outcomeDetail = "payment " + payment.id + " of $" + payment.amount.toPlainString() + " returned"
                + (amount.compareTo(payment.amount) == 0 ? "" : "; the return is for $" + amount.toPlainString());
        record.persist();
        outbox.publish(new PaymentReturned(record.id, payment.id, payment.appliedAccountNumber, payment.appliedEsiId,
                amount, r.reasonCode(), r.reasonDescription(), now), cause);
        LOG.infof("Auto-draft payment %s of account %s returned %s (%s), trace %s", payment.id,
                payment.appliedAccountNumber, r.reasonCode(), r.reasonDescription(), r.originalTraceNumber());

        Mandate mandate = Mandate.findById(debit.mandateId, LockModeType.PESSIMISTIC_WRITE);
        MandateHistory.record(mandate.id, MandateHistory.Event.RETURN_RECEIVED, r.reasonCode(), "debit " + debit.id
                + " of $" + debit.amount.toPlainString() + " (trace " + debit.traceNumber + ") returned: "
                + r.reasonDescription(), BANK, now);
        suspendIfDue(mandate, r);
    }

    private void suspendIfDue(Mandate mandate, AchAddenda.Return r) {
        if (mandate.status != Mandate.Status.ACTIVE) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastReturnCode", r.reasonCode());
        details.put("lastReturnTrace", r.originalTraceNumber());
        if (config.suspendImmediately().contains(r.reasonCode())) {
            mandates.suspend(mandate, r.reasonCode(), "return " + r.reasonCode() + " (" + r.reasonDescription()
                    + ") forbids debiting this authorisation again", details);
            return;
        }
        Instant since = clock.instant().minus(config.suspendWithin());
        long returns = AchReturn.count("kind = ?1 and outcome = ?2 and mandateId = ?3 and receivedAt >= ?4",
                AchReturn.Kind.RETURN, AchReturn.Outcome.RETURNED, mandate.id, since);
        if (returns >= config.suspendAfter()) {
            details.put("returns", returns);
            details.put("within", config.suspendWithin().toString());
            mandates.suspend(mandate, r.reasonCode(), returns + " returned debits within "
                    + config.suspendWithin().toDays() + " days (the limit is " + config.suspendAfter() + "), the last "
                    + r.reasonCode() + " (" + r.reasonDescription() + ")", details);
        }
    }

    private void changed(UUID fileId, AchEntry entry, AchAddenda.NotificationOfChange c) {
        Instant now = clock.instant();
        AchReturn record = record(fileId, entry, AchReturn.Kind.NOC, c.originalTraceNumber(), c.changeCode(),
                c.changeDescription(), now);
        AutopayDebit debit = AutopayDebit.<AutopayDebit> find("traceNumber", c.originalTraceNumber()).firstResult();
        if (debit == null) {
            unmatched(record, entry, "no auto-draft debit of ours has trace number " + c.originalTraceNumber());
            return;
        }
        record.debitId = debit.id;
        record.mandateId = debit.mandateId;
        Mandate mandate = Mandate.findById(debit.mandateId, LockModeType.PESSIMISTIC_WRITE);
        Mandates.Correction correction;
        if (mandate.status == Mandate.Status.CANCELLED) {
            correction = new Mandates.Correction(false, "the mandate is cancelled");
            MandateHistory.record(mandate.id, MandateHistory.Event.NOC_NOT_APPLIED, c.changeCode(),
                    correction.detail(), BANK, now);
        } else {
            correction = mandates.correct(mandate, c.changeCode(), c.correctedData(), BANK);
        }
        record.outcome = correction.applied() ? AchReturn.Outcome.NOC_APPLIED : AchReturn.Outcome.NOC_NOT_APPLIED;
        record.outcomeDetail = correction.detail();
        record.persist();
        if (!correction.applied() && mandate.status != Mandate.Status.CANCELLED) {
            Map<String, Object> details = details(record, entry);
            details.put("mandateId", mandate.id.toString());
            details.put("accountNumber", mandate.accountNumber);
            workQueue.raise(AUTOPAY_NOC_NOT_APPLIED, mandate.esiId, record.networkKey, "Notification of change "
                    + c.changeCode() + " (" + c.changeDescription() + ") for the auto-draft of account "
                    + mandate.accountNumber + " was not applied: " + correction.detail()
                    + "; correct the mandate before its next debit", details);
        }
    }

    private AchReturn record(UUID fileId, AchEntry entry, AchReturn.Kind kind, String originalTrace, String code,
            String description, Instant now) {
        AchReturn record = new AchReturn();
        record.id = UUID.randomUUID();
        record.kind = kind;
        record.networkKey = entry.idempotencyKey();
        record.originalTraceNumber = originalTrace;
        record.code = code;
        record.description = description;
        record.amount = entry.amount() != null ? entry.amount() : Cents.zero();
        record.fileId = fileId;
        record.lineNumber = entry.lineNumber();
        record.receivedAt = now;
        return record;
    }

    private void unmatched(AchReturn record, AchEntry entry, String why) {
        record.outcome = AchReturn.Outcome.UNMATCHED;
        record.outcomeDetail = why;
        record.persist();
        workQueue.raise(ACH_RETURN_UNMATCHED, null, record.networkKey, (record.kind == AchReturn.Kind.RETURN
                ? "Return " : "Notification of change ") + record.code + " (" + record.description + ") of $"
                + record.amount.toPlainString() + " for " + maskedParty(entry) + " was not applied: " + why,
                details(record, entry));
        LOG.warnf("%s %s for trace %s not applied: %s", record.kind, record.code, record.originalTraceNumber, why);
    }

    private void unmatchedEntry(UUID fileId, AchEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", fileId == null ? null : fileId.toString());
        details.put("lineNumber", entry.lineNumber());
        details.put("traceNumber", entry.traceNumber());
        details.put("reasonCode", "NOT_A_RETURN");
        workQueue.raise(ACH_RETURN_UNMATCHED, null, entry.idempotencyKey(), "Entry with trace " + entry.traceNumber()
                + " on line " + entry.lineNumber() + " is neither a return nor a notification of change", details);
    }

    private static Map<String, Object> details(AchReturn record, AchEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("achReturnId", record.id.toString());
        details.put("kind", record.kind.name());
        details.put("reasonCode", record.code);
        details.put("description", record.description);
        details.put("originalTraceNumber", record.originalTraceNumber);
        details.put("amount", record.amount.toPlainString());
        details.put("fileId", record.fileId == null ? null : record.fileId.toString());
        details.put("lineNumber", record.lineNumber);
        details.put("individualId", entry.individualId());
        details.put("bankAccount", entry.accountNumber() == null ? null : entry.accountNumber().toString());
        details.put("debitId", record.debitId == null ? null : record.debitId.toString());
        details.put("outcome", record.outcome.name());
        return details;
    }

    private static String maskedParty(AchEntry entry) {
        return (entry.individualName() == null || entry.individualName().isBlank() ? "" : entry.individualName().trim()
                + ", ") + "account " + (entry.individualId() == null ? "?" : entry.individualId().trim())
                + ", bank account " + entry.accountNumber();
    }
}
