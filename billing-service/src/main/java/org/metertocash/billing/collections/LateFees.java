package org.metertocash.billing.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.events.PoisonRecordException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Charges the late fees collections assesses ({@code LateFeeAssessed}) to the account's receivables ledger: a FEE
 * posting whose reference is the fee id, so a fee is charged once however often it is delivered or announced (the
 * inbox drops a redelivered event; the {@link LateFee} row and the ledger's own once-per-reference rule stop the
 * same fee announced again). A fee billing cannot charge — an account it does not have, another premise's account,
 * an amount that is not a positive whole-cent sum or exceeds 5 % of the past-due balance — is kept as NOT_CHARGED
 * with the reason and an {@value #NOT_CHARGED} work item; nothing is posted. The work item can be retried once the
 * cause is fixed (the account opened, say), and a later announcement of the same fee is charged then too.
 */
@ApplicationScoped
public class LateFees {

    /** A late fee billing did not charge: reference = fee id, {@code details.reasonCode} = why. */
    public static final String NOT_CHARGED = "LATE_FEE_NOT_CHARGED";
    /** How the fee reads on the ledger and the bill: the rule that allows it. */
    public static final String DESCRIPTION = "Late fee (16 TAC §25.480(c))";

    /** 16 TAC §25.480(c): a late fee is at most 5 % of the past-due balance it is assessed on. */
    static final BigDecimal MAXIMUM_SHARE = new BigDecimal("0.05");

    private static final Logger LOG = Logger.getLogger(LateFees.class);

    @Inject
    Ledger ledger;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /** Why a fee is not charged. */
    record Refusal(String code, String reason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void assessed(LateFeeAssessed fee, ConsumedEvent envelope) {
        if (fee.feeId() == null) {
            throw new PoisonRecordException("a late fee without a feeId cannot be charged exactly once");
        }
        LateFee record = LateFee.findById(fee.feeId(), LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.status == LateFee.Status.CHARGED) {
            if (!sameFee(record, fee)) {
                LOG.warnf("Late fee %s announced again as %s on %s; it was charged as %s on %s and stands",
                        fee.feeId(), fee.amount(), fee.accountNumber(), record.amount, record.accountNumber);
            }
            return;
        }
        if (record == null) {
            record = new LateFee();
            record.feeId = fee.feeId();
            record.recordedAt = clock.instant();
        }
        // a fee not charged yet takes the details of its latest announcement
        record.accountNumber = trimmed(fee.accountNumber());
        record.esiId = trimmed(fee.esiId());
        record.amount = fee.amount();
        record.pastDueAmount = fee.pastDueAmount();
        record.assessedOn = fee.assessedOn();
        record.eventId = envelope.id();
        record.correlationId = envelope.correlationId() != null ? envelope.correlationId() : envelope.id();
        charge(record, Origin.of(envelope));
        if (!record.isPersistent()) {
            record.persist();
        }
    }

    /**
     * Charges the recorded fee, or records why it is not charged and raises the work item. Joins the caller's
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void charge(LateFee record, Origin origin) {
        BillingAccount account = record.accountNumber == null ? null : BillingAccount.findById(record.accountNumber);
        Optional<Refusal> refusal = refusal(record, account);
        record.updatedAt = clock.instant();
        if (refusal.isPresent()) {
            record.status = LateFee.Status.NOT_CHARGED;
            record.reasonCode = refusal.get().code();
            record.reason = refusal.get().reason();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("feeId", record.feeId.toString());
            details.put("reasonCode", record.reasonCode);
            details.put("accountNumber", String.valueOf(record.accountNumber));
            details.put("amount", String.valueOf(record.amount));
            details.put("pastDueAmount", String.valueOf(record.pastDueAmount));
            details.put("assessedOn", String.valueOf(record.assessedOn));
            details.put("eventId", record.eventId.toString());
            workQueue.raise(NOT_CHARGED, account != null ? account.esiId : record.esiId, record.feeId.toString(),
                    "Late fee " + record.feeId + " of " + record.amount + " on account " + record.accountNumber
                            + " was not charged: " + record.reason,
                    details);
            return;
        }
        Posting posting = ledger.fee(account.accountNumber, record.amount, record.feeId.toString(), DESCRIPTION,
                origin);
        record.status = LateFee.Status.CHARGED;
        record.postingId = posting.id();
        record.reasonCode = null;
        record.reason = null;
        workQueue.closeByReference(NOT_CHARGED, record.feeId.toString(), origin.actor(),
                "charged: ledger posting " + posting.id());
    }

    /** Why the fee cannot be charged, if it cannot. */
    static Optional<Refusal> refusal(LateFee fee, BillingAccount account) {
        if (account == null) {
            return Optional.of(new Refusal("UNKNOWN_ACCOUNT", "billing has no account " + fee.accountNumber));
        }
        if (fee.esiId != null && !fee.esiId.equals(account.esiId)) {
            return Optional.of(new Refusal("OTHER_PREMISE", "account " + account.accountNumber + " is the account of "
                    + account.esiId + ", not of " + fee.esiId));
        }
        if (fee.amount == null || fee.amount.signum() <= 0 || fee.amount.stripTrailingZeros().scale() > 2) {
            return Optional.of(new Refusal("INVALID_AMOUNT", "the fee must be a positive amount in whole cents, not "
                    + fee.amount));
        }
        if (fee.pastDueAmount == null || fee.pastDueAmount.signum() <= 0) {
            return Optional.of(new Refusal("INVALID_AMOUNT", "a late fee is assessed on a past-due balance, not on "
                    + fee.pastDueAmount));
        }
        // 16 TAC §25.480(c): at most 5 % of the past-due balance (to the cent, half-up, the platform's money rule)
        BigDecimal maximum = fee.pastDueAmount.multiply(MAXIMUM_SHARE).setScale(2, RoundingMode.HALF_UP);
        if (fee.amount.compareTo(maximum) > 0) {
            return Optional.of(new Refusal("ABOVE_FIVE_PERCENT", "a late fee is at most 5 % of the past-due balance "
                    + "(16 TAC §25.480(c)): " + maximum + " on " + fee.pastDueAmount + ", not " + fee.amount));
        }
        return Optional.empty();
    }

    private static boolean sameFee(LateFee record, LateFeeAssessed fee) {
        return record.amount != null && fee.amount() != null && record.amount.compareTo(fee.amount()) == 0
                && record.accountNumber != null && record.accountNumber.equals(trimmed(fee.accountNumber()));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
