package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a plan's schedule stands on a day, from the payments counted towards it (returned payments left out). Payments
 * pay the installments oldest first. An installment is missed when, at the end of its due date, the payments received
 * by then did not cover it and every installment before it — even if it was paid late since; a plan paid in full is
 * complete and has nothing missed. Pure.
 */
public final class PlanProgress {

    /** A payment counted towards the plan: how much, and the business day it was received. */
    public record Payment(BigDecimal amount, LocalDate receivedOn) {
    }

    /** One installment with what has been paid towards it so far, and its state on the day asked. */
    public record InstallmentProgress(InstallmentSchedule.Installment installment, BigDecimal paid, State state) {
    }

    /** An installment's state. */
    public enum State {
        PAID, PARTLY_PAID, DUE, UPCOMING, MISSED
    }

    /** The first installment missed, and how much of what was due by its due date was unpaid at the end of it. */
    public record Missed(InstallmentSchedule.Installment installment, BigDecimal amountUnpaid) {
    }

    /**
     * @param installments each with its payments
     * @param paid all the payments counted
     * @param missed the first missed installment, if any
     * @param completed every installment is paid
     * @param notYetDue the part of the plan due after the day that has not been paid ahead
     * @param next the first installment not yet paid in full, and what is still owed on it
     */
    public record Result(List<InstallmentProgress> installments, BigDecimal paid, Optional<Missed> missed,
            boolean completed, BigDecimal notYetDue, Optional<InstallmentSchedule.Installment> next,
            BigDecimal nextOwed) {
    }

    public static Result of(List<InstallmentSchedule.Installment> schedule, List<Payment> payments, LocalDate today) {
        BigDecimal paidTotal = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<InstallmentProgress> progress = new ArrayList<>();
        Optional<Missed> missed = Optional.empty();
        Optional<InstallmentSchedule.Installment> next = Optional.empty();
        BigDecimal nextOwed = BigDecimal.ZERO;
        BigDecimal cumulativeDue = BigDecimal.ZERO;
        BigDecimal dueThroughToday = BigDecimal.ZERO;
        BigDecimal dueLater = BigDecimal.ZERO;
        BigDecimal planTotal = BigDecimal.ZERO;
        for (InstallmentSchedule.Installment installment : schedule) {
            BigDecimal before = cumulativeDue;
            cumulativeDue = cumulativeDue.add(installment.amount());
            planTotal = planTotal.add(installment.amount());
            BigDecimal paid = paidTotal.subtract(before).max(BigDecimal.ZERO).min(installment.amount());
            LocalDate due = installment.dueDate();
            if (due.isAfter(today)) {
                dueLater = dueLater.add(installment.amount());
            } else {
                dueThroughToday = dueThroughToday.add(installment.amount());
            }
            if (due.isBefore(today) && missed.isEmpty()) {
                // the end of the due date has passed: did what had been received by then cover it?
                BigDecimal receivedByDue = payments.stream().filter(p -> !p.receivedOn().isAfter(due))
                        .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (receivedByDue.compareTo(cumulativeDue) < 0) {
                    missed = Optional.of(new Missed(installment, cumulativeDue.subtract(receivedByDue)));
                }
            }
            State state;
            if (paid.compareTo(installment.amount()) >= 0) {
                state = State.PAID;
            } else if (due.isBefore(today)) {
                state = State.MISSED;
            } else {
                state = paid.signum() > 0 ? State.PARTLY_PAID : due.isEqual(today) ? State.DUE : State.UPCOMING;
            }
            if (state != State.PAID && next.isEmpty()) {
                next = Optional.of(installment);
                nextOwed = installment.amount().subtract(paid);
            }
            progress.add(new InstallmentProgress(installment, paid, state));
        }
        // what was paid beyond the installments due so far has been paid ahead on the later ones
        BigDecimal paidAhead = paidTotal.subtract(dueThroughToday).max(BigDecimal.ZERO);
        BigDecimal notYetDue = dueLater.subtract(paidAhead).max(BigDecimal.ZERO);
        boolean completed = paidTotal.compareTo(planTotal) >= 0;
        return new Result(List.copyOf(progress), paidTotal, completed ? Optional.empty() : missed, completed, notYetDue,
                next, nextOwed);
    }

    private PlanProgress() {
    }
}
