package org.metertocash.dunning.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.dunning.collections.policy.Snapshot;

import io.quarkus.panache.common.Sort;

/**
 * Keeps the account's items as collections sees them, each once by its own id whatever the order and number of
 * deliveries, and hands them to the snapshot. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    Clock clock;

    // ------------------------------------------------------------------------------------------------ bills

    /** Records a posted bill once; returns whether anything changed. */
    public boolean billPosted(BillPosted event) {
        LedgerBill bill = LedgerBill.findById(event.billId());
        if (bill != null && bill.posted) {
            return false;
        }
        if (bill == null) {
            bill = new LedgerBill();
            bill.billId = event.billId();
            bill.recordedAt = clock.instant();
        }
        bill.accountNumber = event.accountNumber();
        bill.esiId = event.esiId();
        bill.issueDate = event.issueDate();
        bill.dueDate = event.dueDate();
        bill.amountDue = event.amountDue();
        bill.posted = true; // a cancellation that came first stays: the bill counts for nothing
        bill.persist();
        return true;
    }

    /** Records a bill's cancellation once (before its bill, if so it arrives); returns whether anything changed. */
    public boolean billCancelled(BillCancelled event) {
        LedgerBill bill = LedgerBill.findById(event.billId());
        if (bill != null && bill.cancelled) {
            return false;
        }
        if (bill == null) {
            bill = new LedgerBill();
            bill.billId = event.billId();
            bill.accountNumber = event.accountNumber();
            bill.esiId = event.esiId();
            bill.posted = false;
            bill.recordedAt = clock.instant();
        }
        bill.cancelled = true;
        bill.cancelledOn = event.cancelledOn();
        bill.amountReversed = event.amountReversed();
        bill.persist();
        return true;
    }

    // --------------------------------------------------------------------------------------------- payments

    /**
     * Records a posted payment once. {@code accountNumber} null means no account in collections matched: the payment
     * is kept with {@code unmatchedReason} and counts for nothing. Returns whether it was new.
     */
    public boolean paymentPosted(UUID paymentId, String accountNumber, String esiId, BigDecimal amount,
            LocalDate receivedOn, String unmatchedReason) {
        LedgerPayment payment = LedgerPayment.findById(paymentId);
        if (payment != null && payment.posted) {
            return false;
        }
        if (payment == null) {
            payment = new LedgerPayment();
            payment.paymentId = paymentId;
            payment.recordedAt = clock.instant();
        }
        payment.accountNumber = accountNumber != null ? accountNumber : payment.accountNumber;
        payment.esiId = esiId;
        payment.amount = amount;
        payment.receivedOn = receivedOn;
        payment.posted = true; // a return that came first stays: the payment counts for nothing
        payment.unmatchedReason = payment.accountNumber == null ? unmatchedReason : null;
        payment.persist();
        return true;
    }

    /** Records a payment's return once (before its payment, if so it arrives); returns the payment's account. */
    public Optional<String> paymentReturned(UUID returnId, UUID paymentId, String accountNumber, String esiId,
            BigDecimal amount, LocalDate on) {
        LedgerPayment payment = LedgerPayment.findById(paymentId);
        if (payment == null) {
            payment = new LedgerPayment();
            payment.paymentId = paymentId;
            payment.accountNumber = accountNumber;
            payment.esiId = esiId;
            payment.amount = amount;
            payment.receivedOn = on;
            payment.posted = false;
            payment.recordedAt = clock.instant();
        }
        if (!payment.returned) {
            payment.returned = true;
            payment.returnedAt = clock.instant();
            payment.returnId = returnId;
        }
        payment.persist();
        return Optional.ofNullable(payment.accountNumber);
    }

    // -------------------------------------------------------------------------------------------- late fees

    /** Records a late fee on a bill; the database refuses a second one for the same bill (§25.480(c)). */
    public LateFee lateFeeAssessed(String accountNumber, UUID billId, BigDecimal amount, BigDecimal pastDueAmount,
            LocalDate on) {
        LateFee fee = new LateFee();
        fee.feeId = UUID.randomUUID();
        fee.accountNumber = accountNumber;
        fee.billId = billId;
        fee.amount = amount;
        fee.pastDueAmount = pastDueAmount;
        fee.assessedOn = on;
        fee.persist();
        return fee;
    }

    // ---------------------------------------------------------------------------------------------- pre-pay

    public void prepayDailyBalance(PrepayDailyBalance event) {
        PrepayBalance row = prepay(event.accountNumber(), event.esiId());
        reported(row, event.balance(), event.serviceDate());
        // a daily balance back at or above the threshold ends the low balance; only billing's warning starts one
        row.low = row.low && (row.lowThreshold == null || row.balance == null
                || row.balance.compareTo(row.lowThreshold) < 0);
    }

    public void prepayBalanceLow(PrepayBalanceLow event) {
        PrepayBalance row = prepay(event.accountNumber(), event.esiId());
        row.lowThreshold = event.lowBalanceThreshold();
        reported(row, event.balance(), event.serviceDate());
        row.low = row.balance == null || row.balance.compareTo(row.lowThreshold) < 0;
    }

    public void prepayBelowDisconnection(PrepayBalanceBelowDisconnection event) {
        PrepayBalance row = prepay(event.accountNumber(), event.esiId());
        if (row.belowDisconnectionOn == null || event.serviceDate().isAfter(row.belowDisconnectionOn)) {
            row.belowDisconnectionOn = event.serviceDate();
        }
        reported(row, event.balance(), event.serviceDate());
        row.low = row.lowThreshold == null || row.balance == null || row.balance.compareTo(row.lowThreshold) < 0;
    }

    public void prepayReconnectEligible(PrepayReconnectEligible event) {
        PrepayBalance row = prepay(event.accountNumber(), event.esiId());
        if (row.reconnectEligibleOn == null || event.eligibleOn().isAfter(row.reconnectEligibleOn)) {
            row.reconnectEligibleOn = event.eligibleOn();
        }
        reported(row, event.balance(), event.eligibleOn());
        row.low = row.lowThreshold != null && row.balance != null && row.balance.compareTo(row.lowThreshold) < 0;
    }

    private PrepayBalance prepay(String accountNumber, String esiId) {
        PrepayBalance row = PrepayBalance.findById(accountNumber);
        if (row == null) {
            row = new PrepayBalance();
            row.accountNumber = accountNumber;
            row.esiId = esiId;
            row.persist();
        }
        row.updatedAt = clock.instant();
        return row;
    }

    /** The latest report wins: one of an earlier day that arrives late does not overwrite it. */
    private static void reported(PrepayBalance row, BigDecimal balance, LocalDate on) {
        if (balance != null && (row.balanceOn == null || !on.isBefore(row.balanceOn))) {
            row.balance = balance;
            row.balanceOn = on;
        }
    }

    // ------------------------------------------------------------------------------------- for the snapshot

    public List<Snapshot.Bill> bills(String accountNumber) {
        return LedgerBill.<LedgerBill> list("accountNumber = ?1 and posted = true", Sort.by("dueDate").and("billId"),
                accountNumber).stream()
                .map(b -> new Snapshot.Bill(b.billId, b.issueDate, b.dueDate, b.amountDue, b.cancelled)).toList();
    }

    public List<Snapshot.Payment> payments(String accountNumber) {
        return LedgerPayment.<LedgerPayment> list("accountNumber = ?1 and posted = true", Sort.by("receivedOn")
                .and("paymentId"), accountNumber).stream()
                .map(p -> new Snapshot.Payment(p.paymentId, p.amount, p.receivedOn, p.returned)).toList();
    }

    public List<Snapshot.LateFee> lateFees(String accountNumber) {
        return LateFee.<LateFee> list("accountNumber", Sort.by("assessedOn").and("feeId"), accountNumber).stream()
                .map(f -> new Snapshot.LateFee(f.feeId, f.billId, f.amount, f.assessedOn)).toList();
    }

    public Snapshot.Prepay prepay(String accountNumber) {
        PrepayBalance row = PrepayBalance.findById(accountNumber);
        return row == null ? Snapshot.Prepay.NONE
                : new Snapshot.Prepay(row.balance, row.low, row.belowDisconnectionOn, row.reconnectEligibleOn);
    }
}
