package org.metertocash.payment.suspense;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.metertocash.payment.accounts.PayableAccount;
import org.metertocash.payment.posting.AccountMatching;
import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentAction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.payment.posting.PaymentStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * The suspense queue: payments that matched no payable account (UNAPPLIED) wait here for an analyst, who applies
 * one to the right account — it is posted then, {@code PaymentPosted} — or refunds it to the payer (REFUNDED, never
 * announced: billing never had the money). Every action is audited with who, when and the analyst's note, and
 * closes the payment's {@value PaymentPosting#UNAPPLIED_CASH} work item. Both are idempotent by effect: asking again
 * for what was already done answers with the payment as it is and does nothing; asking for something else is 409.
 */
@ApplicationScoped
public class UnappliedCash {

    @Inject
    PaymentPosting posting;

    @Inject
    AccountMatching matching;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /** Applies an unapplied payment to an account named by the analyst: posted and announced. */
    @Transactional
    public Payment apply(UUID paymentId, String accountNumber, String actor, String note, Cause cause) {
        Payment payment = lock(paymentId);
        PayableAccount account = PayableAccount.findById(accountNumber);
        if (account == null) {
            throw ProblemException.invalid("accountNumber", "is not a payable account");
        }
        if (payment.status == PaymentStatus.APPLIED_FROM_SUSPENSE && accountNumber.equals(payment.appliedAccountNumber)) {
            return payment;
        }
        requireUnapplied(payment, "applied to account " + accountNumber);
        Instant now = clock.instant();
        audit(payment, PaymentAction.Action.APPLY, PaymentStatus.APPLIED_FROM_SUSPENSE, accountNumber, actor, note, now);
        posting.announce(payment, account, PaymentStatus.APPLIED_FROM_SUSPENSE, now, cause);
        workQueue.closeByReference(PaymentPosting.UNAPPLIED_CASH, payment.id.toString(), actor,
                "applied to account " + accountNumber + ": " + note);
        return payment;
    }

    /** Refunds an unapplied payment to the payer: it leaves suspense and is never announced. */
    @Transactional
    public Payment refund(UUID paymentId, String actor, String note) {
        Payment payment = lock(paymentId);
        if (payment.status == PaymentStatus.REFUNDED) {
            return payment;
        }
        requireUnapplied(payment, "refunded");
        Instant now = clock.instant();
        audit(payment, PaymentAction.Action.REFUND, PaymentStatus.REFUNDED, null, actor, note, now);
        payment.status = PaymentStatus.REFUNDED;
        payment.statusChangedAt = now;
        workQueue.closeByReference(PaymentPosting.UNAPPLIED_CASH, payment.id.toString(), actor, "refunded: " + note);
        return payment;
    }

    /**
     * Matches an unapplied payment again by what the payer named (its account may have been opened since); posts it
     * when it matches now. Returns whether it left suspense.
     */
    @Transactional
    public boolean rematch(UUID paymentId, String actor, Cause cause) {
        Payment payment = Payment.findById(paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || payment.status != PaymentStatus.UNAPPLIED) {
            return payment != null;
        }
        AccountMatching.Match match = matching.match(payment.accountNumber, payment.esiId);
        if (!match.matched()) {
            payment.unappliedReason = match.reason();
            payment.unappliedDetail = match.detail();
            return false;
        }
        Instant now = clock.instant();
        audit(payment, PaymentAction.Action.APPLY, PaymentStatus.APPLIED_FROM_SUSPENSE, match.account().accountNumber,
                actor, "matched again: the account named by the payer is payable now", now);
        posting.announce(payment, match.account(), PaymentStatus.APPLIED_FROM_SUSPENSE, now, cause);
        return true;
    }

    private static Payment lock(UUID paymentId) {
        Payment payment = Payment.findById(paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw ProblemException.notFound("No payment " + paymentId);
        }
        return payment;
    }

    private static void requireUnapplied(Payment payment, String wanted) {
        if (payment.status != PaymentStatus.UNAPPLIED) {
            throw ProblemException.conflict("payment-not-in-suspense", "Payment " + payment.id + " cannot be " + wanted
                    + ": it is " + payment.status
                    + (payment.appliedAccountNumber == null ? "" : " (account " + payment.appliedAccountNumber + ")"));
        }
    }

    private static void audit(Payment payment, PaymentAction.Action action, PaymentStatus to, String accountNumber,
            String actor, String note, Instant at) {
        PaymentAction entry = new PaymentAction();
        entry.paymentId = payment.id;
        entry.action = action;
        entry.fromStatus = payment.status;
        entry.toStatus = to;
        entry.accountNumber = accountNumber;
        entry.actor = actor;
        entry.note = note;
        entry.at = at;
        entry.persist();
    }
}
