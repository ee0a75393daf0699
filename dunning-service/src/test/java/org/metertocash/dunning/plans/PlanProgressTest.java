package org.metertocash.dunning.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a plan stands: payments pay installments oldest first; a missed installment is found at the end of its day. */
class PlanProgressTest {

    private static final LocalDate MADE = LocalDate.of(2026, 11, 23);
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 15);
    // 300.00: 50.00 today, then 5 x 50.00 from 15 December
    private static final List<InstallmentSchedule.Installment> SCHEDULE = InstallmentSchedule.of(
            new BigDecimal("300.00"), new BigDecimal("50.00"), 5, MADE, FIRST);

    private static PlanProgress.Payment paid(String amount, LocalDate on) {
        return new PlanProgress.Payment(new BigDecimal(amount), on);
    }

    @Test
    void a_plan_kept_has_nothing_missed_and_the_installments_not_yet_due_are_deferred() {
        PlanProgress.Result result = PlanProgress.of(SCHEDULE, List.of(paid("50.00", MADE)), MADE.plusDays(1));
        assertThat(result.missed()).isEmpty();
        assertThat(result.completed()).isFalse();
        assertThat(result.notYetDue()).isEqualByComparingTo("250.00");
        assertThat(result.next()).hasValueSatisfying(i -> assertThat(i.dueDate()).isEqualTo(FIRST));
        assertThat(result.nextOwed()).isEqualByComparingTo("50.00");
        assertThat(result.installments().get(0).state()).isEqualTo(PlanProgress.State.PAID);
        assertThat(result.installments().get(1).state()).isEqualTo(PlanProgress.State.UPCOMING);
    }

    @Test
    void an_installment_is_due_on_its_day_and_missed_only_the_day_after() {
        List<PlanProgress.Payment> downOnly = List.of(paid("50.00", MADE));
        PlanProgress.Result onTheDay = PlanProgress.of(SCHEDULE, downOnly, FIRST);
        assertThat(onTheDay.missed()).isEmpty();
        assertThat(onTheDay.installments().get(1).state()).isEqualTo(PlanProgress.State.DUE);
        assertThat(onTheDay.notYetDue()).isEqualByComparingTo("200.00");

        PlanProgress.Result dayAfter = PlanProgress.of(SCHEDULE, downOnly, FIRST.plusDays(1));
        assertThat(dayAfter.missed()).hasValueSatisfying(missed -> {
            assertThat(missed.installment().dueDate()).isEqualTo(FIRST);
            assertThat(missed.amountUnpaid()).isEqualByComparingTo("50.00");
        });
        assertThat(dayAfter.installments().get(1).state()).isEqualTo(PlanProgress.State.MISSED);
    }

    @Test
    void a_down_payment_not_made_the_day_the_plan_is_made_is_missed_the_next_day() {
        assertThat(PlanProgress.of(SCHEDULE, List.of(), MADE.plusDays(1)).missed())
                .hasValueSatisfying(m -> assertThat(m.installment().number()).isZero());
    }

    @Test
    void a_partial_payment_leaves_the_rest_of_the_installment_unpaid() {
        PlanProgress.Result result = PlanProgress.of(SCHEDULE, List.of(paid("50.00", MADE), paid("30.00", FIRST)),
                FIRST.plusDays(1));
        assertThat(result.missed()).hasValueSatisfying(m -> assertThat(m.amountUnpaid()).isEqualByComparingTo("20.00"));
    }

    @Test
    void an_installment_paid_late_was_still_missed() {
        PlanProgress.Result result = PlanProgress.of(SCHEDULE, List.of(paid("50.00", MADE), paid("50.00",
                FIRST.plusDays(2))), FIRST.plusDays(3));
        assertThat(result.missed()).isPresent();
        assertThat(result.installments().get(1).state()).isEqualTo(PlanProgress.State.PAID);
    }

    @Test
    void paying_ahead_covers_the_next_installments_and_lowers_what_is_deferred() {
        PlanProgress.Result result = PlanProgress.of(SCHEDULE, List.of(paid("150.00", MADE)), MADE.plusDays(5));
        assertThat(result.missed()).isEmpty();
        assertThat(result.notYetDue()).isEqualByComparingTo("150.00");
        assertThat(result.next()).hasValueSatisfying(i -> assertThat(i.number()).isEqualTo(3));
        // two months on, installments 1 and 2 are covered by the payment made ahead
        assertThat(PlanProgress.of(SCHEDULE, List.of(paid("150.00", MADE)), FIRST.plusMonths(1).plusDays(1)).missed())
                .isEmpty();
    }

    @Test
    void a_plan_paid_in_full_is_complete_with_nothing_deferred() {
        PlanProgress.Result result = PlanProgress.of(SCHEDULE, List.of(paid("300.00", MADE)), MADE);
        assertThat(result.completed()).isTrue();
        assertThat(result.notYetDue()).isEqualByComparingTo("0");
        assertThat(result.next()).isEmpty();
    }
}
