package org.metertocash.dunning.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
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

    @Inject
    EntityManager em;

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

    /** A new payment matched to an account in collections, as {@link #insertPostedPayments} records it. */
    public record PostedPayment(UUID paymentId, String accountNumber, String esiId, BigDecimal amount,
            LocalDate receivedOn) {
    }

    /** Which of these payment ids collections already keeps a row for (posted, or returned before it arrived). */
    public Set<UUID> knownPayments(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Set.of();
        }
        em.flush(); // rows persisted earlier in the transaction count
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select payment_id from ledger_payment where payment_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", paymentIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Records new payments, each matched to an account, with one statement: what {@link #paymentPosted} writes for a
     * payment it has never seen. The caller makes sure none of them is known ({@link #knownPayments}); one that is
     * breaks the primary key and fails the transaction rather than counting twice.
     */
    public void insertPostedPayments(List<PostedPayment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        int n = payments.size();
        UUID[] ids = new UUID[n];
        String[] accounts = new String[n];
        String[] esiIds = new String[n];
        String[] amounts = new String[n];
        String[] receivedOn = new String[n];
        for (int i = 0; i < n; i++) {
            PostedPayment payment = payments.get(i);
            ids[i] = payment.paymentId();
            accounts[i] = payment.accountNumber();
            esiIds[i] = payment.esiId();
            amounts[i] = payment.amount().toPlainString();
            receivedOn[i] = payment.receivedOn().toString();
        }
        OffsetDateTime recordedAt = clock.instant().atOffset(ZoneOffset.UTC);
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ledger_payment (payment_id, account_number, esi_id, amount, received_on, posted,
                        returned, recorded_at)
                    select payment_id, account_number, esi_id, amount::numeric, received_on::date, true, false, ?
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::text[])
                      as t(payment_id, account_number, esi_id, amount, received_on)""")) {
                insert.setObject(1, recordedAt);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("varchar", accounts));
                insert.setArray(4, connection.createArrayOf("varchar", esiIds));
                insert.setArray(5, connection.createArrayOf("text", amounts));
                insert.setArray(6, connection.createArrayOf("text", receivedOn));
                insert.executeUpdate();
            }
        });
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
            row.updatedAt = clock.instant(); // before persist: the insert carries the row as it is now
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
