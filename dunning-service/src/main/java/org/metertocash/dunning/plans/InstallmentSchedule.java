package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of a deferred payment plan: the down payment (number 0) due the day the plan is made, then
 * {@code count} equal installments a month apart from the first due date. Each installment is the deferred balance
 * less the down payment, divided by the count and rounded to the cent half up; the last one takes what is left, so the
 * schedule adds up to the plan's amount to the cent. Pure.
 */
public final class InstallmentSchedule {

    /** One payment due under the plan; number 0 is the down payment. */
    public record Installment(int number, LocalDate dueDate, BigDecimal amount) {
    }

    /**
     * @throws IllegalArgumentException when the numbers cannot make a schedule (see {@link #problem})
     */
    public static List<Installment> of(BigDecimal amount, BigDecimal downPayment, int count, LocalDate madeOn,
            LocalDate firstInstallmentDue) {
        String problem = problem(amount, downPayment, count);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<Installment> schedule = new ArrayList<>();
        if (downPayment.signum() > 0) {
            schedule.add(new Installment(0, madeOn, downPayment.setScale(2, RoundingMode.UNNECESSARY)));
        }
        BigDecimal deferred = amount.subtract(downPayment);
        BigDecimal each = each(deferred, count);
        BigDecimal scheduled = BigDecimal.ZERO;
        for (int n = 1; n <= count; n++) {
            BigDecimal due = n < count ? each : deferred.subtract(scheduled);
            // counted from the first due date each time, so a plan due on the 31st stays at month end
            schedule.add(new Installment(n, firstInstallmentDue.plusMonths(n - 1L), due.setScale(2)));
            scheduled = scheduled.add(due);
        }
        return List.copyOf(schedule);
    }

    /** Why these numbers cannot make a schedule, or null when they can. */
    public static String problem(BigDecimal amount, BigDecimal downPayment, int count) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            return "amount must be a positive amount in whole cents";
        }
        if (downPayment == null || downPayment.signum() < 0 || downPayment.stripTrailingZeros().scale() > 2) {
            return "downPayment must be zero or a positive amount in whole cents";
        }
        if (downPayment.compareTo(amount) >= 0) {
            return "downPayment must be less than the amount deferred";
        }
        if (count < 1) {
            return "installments must be at least 1";
        }
        BigDecimal deferred = amount.subtract(downPayment);
        BigDecimal each = each(deferred, count);
        BigDecimal last = deferred.subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
        if (each.signum() <= 0 || last.signum() <= 0) {
            return "the amount after the down payment (" + deferred.toPlainString() + ") is too small for "
                    + count + " installments of at least one cent";
        }
        return null;
    }

    private static BigDecimal each(BigDecimal deferred, int count) {
        return deferred.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private InstallmentSchedule() {
    }
}
