package org.metertocash.payment.posting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.accounts.PayableAccount;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Posts payments, from any channel, exactly once per idempotency key. A payment that matches a payable account (see
 * {@link AccountMatching}) is POSTED and announced as {@code PaymentPosted} through the outbox in the same
 * transaction; one that matches none is kept as UNAPPLIED in suspense with an {@value #UNAPPLIED_CASH} work item and
 * announced only when an analyst applies it. Giving a key again returns the payment it already posted (REPEATED),
 * or, when the details differ, that payment untouched (KEY_CONFLICT) for the caller to report.
 *
 * <p>{@link #postAll} takes a whole batch (a payment file's chunk) in one transaction, reading the existing keys and
 * the accounts with one query each and writing the new payments with one JDBC batch ({@link PaymentRows}): the
 * payments it returns are plain objects, not entities of the persistence context; load one ({@code Payment.findById})
 * to change it. Callers posting very large batches should post them in chunks of a few thousand.
 */
@ApplicationScoped
public class PaymentPosting {

    /** Money that matches no payable account: reference = payment id, {@code details.reasonCode} = why. */
    public static final String UNAPPLIED_CASH = "UNAPPLIED_CASH";

    /** What became of one instruction. */
    public enum Outcome {
        /** Posted to an account and announced. */
        POSTED,
        /** Kept in suspense: no payable account matches. */
        UNAPPLIED,
        /** The key was posted before with the same details: that payment, nothing new. */
        REPEATED,
        /** The key was posted before with other details: that payment, untouched; the instruction is refused. */
        KEY_CONFLICT
    }

    /** One instruction's payment and outcome. */
    public record Result(Payment payment, Outcome outcome) {
    }

    @Inject
    PaymentRules rules;

    @Inject
    AccountMatching matching;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    PaymentRows rows;

    /** Posts one payment (see {@link #postAll}). */
    @Transactional
    public Result post(PaymentInstruction instruction, Cause cause) {
        return postAll(List.of(instruction), cause).get(0);
    }

    /**
     * Posts a batch in the caller's transaction (or a new one): all or nothing. Every instruction must meet
     * {@link PaymentRules} — the caller checks and reports bad input first; a rule broken here is a programming
     * error and fails the whole batch.
     */
    @Transactional
    public List<Result> postAll(List<PaymentInstruction> instructions, Cause cause) {
        for (PaymentInstruction instruction : instructions) {
            List<FieldError> errors = rules.check(instruction);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("payment " + instruction.idempotencyKey()
                        + " breaks the payment rules: " + errors);
            }
        }
        Map<String, Payment> byKey = rows.existing(instructions);
        List<PaymentInstruction> toMatch = instructions.stream().filter(i -> !byKey.containsKey(i.idempotencyKey()))
                .toList();
        AccountMatching.Accounts accounts = matching.forPayments(toMatch);
        Instant now = clock.instant();
        Cause flow = cause == null ? Cause.newFlow() : cause;
        List<Result> results = new ArrayList<>(instructions.size());
        List<Payment> fresh = new ArrayList<>(toMatch.size());
        List<Map.Entry<Payment, PayableAccount>> posted = new ArrayList<>();
        List<Payment> unapplied = new ArrayList<>();
        for (PaymentInstruction instruction : instructions) {
            Payment known = byKey.get(instruction.idempotencyKey());
            if (known != null) {
                results.add(new Result(known, instruction.describes(known) ? Outcome.REPEATED : Outcome.KEY_CONFLICT));
                continue;
            }
            Payment payment = newPayment(instruction, now);
            AccountMatching.Match match = accounts.match(instruction.accountNumber(), instruction.esiId());
            if (match.matched()) {
                place(payment, match.account(), PaymentStatus.POSTED, now);
                posted.add(Map.entry(payment, match.account()));
                results.add(new Result(payment, Outcome.POSTED));
            } else {
                payment.status = PaymentStatus.UNAPPLIED;
                payment.unappliedReason = match.reason();
                payment.unappliedDetail = match.detail();
                unapplied.add(payment);
                results.add(new Result(payment, Outcome.UNAPPLIED));
            }
            fresh.add(payment);
            byKey.put(instruction.idempotencyKey(), payment);
        }
        // payments first (one JDBC batch, in the order given), then their events (one statement for all:
        // Outbox.publishAll, in the same order), then the work items
        rows.insert(fresh);
        outbox.publishAll(posted.stream().map(entry -> event(entry.getKey(), entry.getValue())).toList(), flow);
        raiseUnapplied(unapplied);
        return results;
    }

    /**
     * Puts a payment on an account and announces it ({@code PaymentPosted}, keyed by the account's premise) in the
     * caller's transaction: at intake (POSTED) or from suspense (APPLIED_FROM_SUSPENSE). The event names the account
     * the money was applied to, so billing applies it there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Payment payment, PayableAccount account, PaymentStatus status, Instant at, Cause cause) {
        place(payment, account, status, at);
        publish(payment, account, cause);
    }

    private static void place(Payment payment, PayableAccount account, PaymentStatus status, Instant at) {
        payment.status = status;
        payment.statusChangedAt = at;
        payment.appliedAccountNumber = account.accountNumber;
        payment.appliedEsiId = account.esiId;
        payment.postedAt = at;
        payment.unappliedReason = null;
        payment.unappliedDetail = null;
    }

    private void publish(Payment payment, PayableAccount account, Cause cause) {
        outbox.publish(event(payment, account), cause);
    }

    private static PaymentPosted event(Payment payment, PayableAccount account) {
        return new PaymentPosted(payment.id, account.accountNumber, account.esiId, payment.amount,
                payment.channel.name(), payment.externalReference, payment.receivedAt, payment.postedAt);
    }

    private Payment newPayment(PaymentInstruction instruction, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.idempotencyKey = instruction.idempotencyKey();
        payment.source = instruction.source();
        payment.sourceFileId = instruction.fileId();
        payment.sourceLine = instruction.lineNumber();
        payment.accountNumber = instruction.accountNumber();
        payment.esiId = instruction.esiId();
        payment.amount = instruction.amount().setScale(2);
        payment.currency = instruction.currency();
        payment.channel = instruction.channel();
        payment.externalReference = instruction.externalReference();
        if (instruction.instrument() != null) {
            payment.instrumentType = instruction.instrument().type();
            payment.instrumentLast4 = instruction.instrument().last4();
        }
        payment.receivedAt = instruction.receivedAt();
        payment.receivedOn = LocalDate.ofInstant(instruction.receivedAt(), clock.getZone());
        payment.recordedAt = now;
        payment.submittedBy = instruction.submittedBy();
        payment.statusChangedAt = now;
        return payment;
    }

    private void raiseUnapplied(List<Payment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        // Raising a work item queries for an open one first; with the default flush mode each query would flush and
        // dirty-check every entity of a large batch (quadratic). The references are the new payments' ids, which no
        // open item can have yet, so the pending inserts need not be visible to those queries.
        FlushModeType before = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            payments.forEach(this::raiseUnapplied);
        } finally {
            em.setFlushMode(before);
        }
    }

    private void raiseUnapplied(Payment payment) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("paymentId", payment.id.toString());
        details.put("reasonCode", payment.unappliedReason.name());
        details.put("accountNumber", payment.accountNumber);
        details.put("esiId", payment.esiId);
        details.put("amount", payment.amount.toPlainString());
        details.put("channel", payment.channel.name());
        details.put("externalReference", payment.externalReference);
        details.put("receivedAt", payment.receivedAt.toString());
        details.put("source", payment.source.name());
        String esiId = payment.esiId != null && payment.esiId.length() <= 22 ? payment.esiId : null;
        workQueue.raise(UNAPPLIED_CASH, esiId, payment.id.toString(),
                "Payment of $" + payment.amount.toPlainString() + " (" + payment.channel
                        + (payment.externalReference == null ? "" : ", reference " + payment.externalReference)
                        + ") is in suspense: " + payment.unappliedDetail,
                details);
    }
}
