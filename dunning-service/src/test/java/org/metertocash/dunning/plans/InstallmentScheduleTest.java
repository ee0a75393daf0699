package org.metertocash.dunning.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The schedule of a deferred payment plan: down payment at once, equal monthly installments, cents to the last. */
class InstallmentScheduleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void the_down_payment_is_due_today_then_equal_installments_a_month_apart() {
        List<InstallmentSchedule.Installment> schedule = InstallmentSchedule.of(usd("300.00"), usd("50.00"), 5, TODAY,
                LocalDate.of(2026, 12, 15));
        assertThat(schedule).containsExactly(
                new InstallmentSchedule.Installment(0, TODAY, usd("50.00")),
                new InstallmentSchedule.Installment(1, LocalDate.of(2026, 12, 15), usd("50.00")),
                new InstallmentSchedule.Installment(2, LocalDate.of(2027, 1, 15), usd("50.00")),
                new InstallmentSchedule.Installment(3, LocalDate.of(2027, 2, 15), usd("50.00")),
                new InstallmentSchedule.Installment(4, LocalDate.of(2027, 3, 15), usd("50.00")),
                new InstallmentSchedule.Installment(5, LocalDate.of(2027, 4, 15), usd("50.00")));
    }

    @Test
    void the_last_installment_takes_the_cents_left_over_and_the_schedule_adds_up_to_the_amount() {
        // 100.00 / 3 = 33.333… → 33.33 each (half up), the last 33.34
        assertThat(InstallmentSchedule.of(usd("100.00"), BigDecimal.ZERO, 3, TODAY, TODAY.plusDays(20)))
                .extracting(InstallmentSchedule.Installment::amount)
                .containsExactly(usd("33.33"), usd("33.33"), usd("33.34"));
        // 200.00 / 3 = 66.666… → 66.67 each (half up), the last 66.66
        List<InstallmentSchedule.Installment> rounded = InstallmentSchedule.of(usd("250.00"), usd("50.00"), 3, TODAY,
                TODAY.plusDays(20));
        assertThat(rounded).extracting(InstallmentSchedule.Installment::amount)
                .containsExactly(usd("50.00"), usd("66.67"), usd("66.67"), usd("66.66"));
        assertThat(rounded.stream().map(InstallmentSchedule.Installment::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("250.00");
    }

    @Test
    void without_a_down_payment_there_is_no_installment_zero() {
        assertThat(InstallmentSchedule.of(usd("90"), BigDecimal.ZERO, 2, TODAY, TODAY.plusDays(10)))
                .extracting(InstallmentSchedule.Installment::number).containsExactly(1, 2);
    }

    @Test
    void a_plan_due_on_the_31st_stays_at_the_end_of_each_month() {
        assertThat(InstallmentSchedule.of(usd("90.00"), BigDecimal.ZERO, 3, TODAY, LocalDate.of(2027, 1, 31)))
                .extracting(InstallmentSchedule.Installment::dueDate)
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    }

    @Test
    void numbers_that_cannot_make_a_schedule_are_refused_with_the_reason() {
        assertThat(InstallmentSchedule.problem(usd("0.05"), BigDecimal.ZERO, 10)).contains("too small");
        assertThat(InstallmentSchedule.problem(usd("100"), usd("100"), 2)).contains("less than");
        assertThat(InstallmentSchedule.problem(usd("100.001"), BigDecimal.ZERO, 2)).contains("whole cents");
        assertThat(InstallmentSchedule.problem(usd("100"), BigDecimal.ZERO, 0)).contains("at least 1");
        assertThat(InstallmentSchedule.problem(usd("100"), usd("10"), 3)).isNull();
        assertThatThrownBy(() -> InstallmentSchedule.of(usd("0.05"), BigDecimal.ZERO, 10, TODAY, TODAY.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
