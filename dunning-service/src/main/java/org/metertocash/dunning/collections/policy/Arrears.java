package org.metertocash.dunning.collections.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's arrears as of a day, first in first out: payments and credits pay the oldest charges first (bills by
 * due date, late fees by the day they were assessed). A bill's unpaid remainder is past due from
 * {@code pastDueDaysAfterDue} days after its due date (16 TAC §25.480(b): the day after). Late fees count in the
 * balance but are not past due themselves: the customer sees them on the next bill.
 *
 * @param pastDue  the unpaid remainders of the bills that are past due
 * @param balance  everything owed (bills and fees less payments and credits; negative: in credit)
 * @param bills    each bill that is not cancelled and not a credit, oldest first, with its unpaid remainder
 */
public record Arrears(BigDecimal pastDue, BigDecimal balance, List<BillArrears> bills) {

    /** One bill's share of the arrears. */
    public record BillArrears(UUID billId, LocalDate dueDate, LocalDate pastDueOn, BigDecimal amount,
            BigDecimal unpaid, boolean pastDue) {
    }

    private record Charge(LocalDate date, int order, UUID id, BigDecimal amount, Snapshot.Bill bill) {
    }

    /** The arrears of these items as of {@code today}. */
    public static Arrears of(List<Snapshot.Bill> bills, List<Snapshot.Payment> payments,
            List<Snapshot.LateFee> fees, LocalDate today, int pastDueDaysAfterDue) {
        BigDecimal credit = BigDecimal.ZERO;
        List<Charge> charges = new ArrayList<>();
        for (Snapshot.Bill bill : bills) {
            if (bill.cancelled() || bill.amount() == null) {
                continue;
            }
            if (bill.amount().signum() < 0) {
                credit = credit.add(bill.amount().negate());
            } else if (bill.amount().signum() > 0) {
                charges.add(new Charge(bill.dueDate(), 0, bill.billId(), bill.amount(), bill));
            }
        }
        for (Snapshot.LateFee fee : fees) {
            charges.add(new Charge(fee.assessedOn(), 1, fee.feeId(), fee.amount(), null));
        }
        for (Snapshot.Payment payment : payments) {
            if (!payment.returned()) {
                credit = credit.add(payment.amount());
            }
        }
        charges.sort(Comparator.comparing(Charge::date).thenComparingInt(Charge::order).thenComparing(Charge::id));
        BigDecimal owed = charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remainingCredit = credit;
        BigDecimal pastDue = BigDecimal.ZERO;
        List<BillArrears> billArrears = new ArrayList<>();
        for (Charge charge : charges) {
            BigDecimal paid = charge.amount().min(remainingCredit);
            remainingCredit = remainingCredit.subtract(paid);
            if (charge.bill() == null) {
                continue;
            }
            BigDecimal unpaid = charge.amount().subtract(paid);
            LocalDate pastDueOn = charge.bill().dueDate().plusDays(pastDueDaysAfterDue);
            boolean isPastDue = !today.isBefore(pastDueOn) && unpaid.signum() > 0;
            if (isPastDue) {
                pastDue = pastDue.add(unpaid);
            }
            billArrears.add(new BillArrears(charge.id(), charge.bill().dueDate(), pastDueOn, charge.amount(), unpaid,
                    isPastDue));
        }
        return new Arrears(pastDue, owed.subtract(credit), List.copyOf(billArrears));
    }

    /** The oldest bill with an unpaid remainder that is past due: the delinquency a notice answers for. */
    public Optional<BillArrears> oldestPastDue() {
        return bills.stream().filter(BillArrears::pastDue).findFirst();
    }

    /** The first bill with an unpaid remainder that is not past due yet. */
    public Optional<BillArrears> nextFallingDue() {
        return bills.stream().filter(b -> !b.pastDue() && b.unpaid().signum() > 0).findFirst();
    }
}
