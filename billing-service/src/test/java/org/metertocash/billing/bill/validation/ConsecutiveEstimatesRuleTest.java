package org.metertocash.billing.bill.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.rating.BillLine;
import org.metertocash.billing.rating.LineKind;
import org.metertocash.billing.rating.RateUnit;
import org.metertocash.billing.rating.RatedBill;
import org.metertocash.billing.rating.ServicePeriod;

/** CONSECUTIVE_ESTIMATES: a run of estimated reads longer than the allowance is held; an actual read ends the run. */
class ConsecutiveEstimatesRuleTest {

    private static final ServicePeriod JUNE = new ServicePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
    private static final RatedBill BILL = new RatedBill(JUNE, 30, d("900"), List.of(new BillLine(LineKind.ENERGY,
            "ENERGY", "Energy charge", d("900"), RateUnit.CENTS_PER_KWH, d("10"), d("90.00"))), d("90.00"), d("0.00"),
            d("90.00"));

    /** Both estimate rules on, as shipped: every estimate is flagged, and a run beyond 2 as well. */
    private static final BillRules BOTH = new BillRules(List.of(), true, true, null, null, 2, null);
    /** Only the run of estimates is checked: occasional estimates post. */
    private static final BillRules ONLY_RUNS = new BillRules(List.of(), true, false, null, null, 2, null);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A history of three posted bills whose newest {@code estimatedBefore} were billed on estimates. */
    private static UsageHistory history(int estimatedBefore) {
        return new UsageHistory(3, d("2700"), 90, estimatedBefore);
    }

    private static ValidationResult rule(List<ValidationResult> results) {
        return results.stream().filter(r -> r.rule().equals(BillValidation.CONSECUTIVE_ESTIMATES)).findFirst()
                .orElseThrow();
    }

    @Test
    void with_an_allowance_of_two_the_first_and_second_estimates_in_a_row_pass_and_the_third_is_flagged() {
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "ESTIMATED", history(0), ONLY_RUNS))).isEmpty();
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "ESTIMATED", history(1), ONLY_RUNS))).isEmpty();
        List<ValidationResult> third = BillValidation.validate(BILL, "ESTIMATED", history(2), ONLY_RUNS);
        assertThat(BillValidation.failed(third)).containsExactly(BillValidation.CONSECUTIVE_ESTIMATES);
        assertThat(rule(third).detail()).isEqualTo("3 estimated read(s) in a row, this one included (allowance 2)");
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "EST", history(7), ONLY_RUNS)))
                .containsExactly(BillValidation.CONSECUTIVE_ESTIMATES);
    }

    @Test
    void an_actual_read_ends_the_run_however_long_it_was() {
        List<ValidationResult> actual = BillValidation.validate(BILL, "ACTUAL", history(5), ONLY_RUNS);
        assertThat(BillValidation.clean(actual)).isTrue();
        assertThat(rule(actual).detail()).isEqualTo("reading quality ACTUAL: no estimated reads in a row (allowance 2)");
        // the estimate after an actual read starts a new run of one
        assertThat(rule(BillValidation.validate(BILL, "ESTIMATED", history(0), ONLY_RUNS)).detail())
                .startsWith("1 estimated read(s) in a row");
    }

    @Test
    void with_both_rules_on_every_estimate_is_flagged_and_a_third_in_a_row_twice() {
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "ESTIMATED", history(1), BOTH)))
                .containsExactly(BillValidation.ESTIMATED_READ);
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "ESTIMATED", history(2), BOTH)))
                .containsExactly(BillValidation.ESTIMATED_READ, BillValidation.CONSECUTIVE_ESTIMATES);
    }

    @Test
    void an_allowance_of_zero_flags_every_estimate_and_a_rule_switched_off_is_not_checked() {
        BillRules none = ONLY_RUNS.withConsecutiveEstimatesAllowance(0);
        assertThat(BillValidation.failed(BillValidation.validate(BILL, "ESTIMATED", history(0), none)))
                .containsExactly(BillValidation.CONSECUTIVE_ESTIMATES);
        BillRules off = ONLY_RUNS.withConsecutiveEstimatesAllowance(null);
        assertThat(BillValidation.validate(BILL, "ESTIMATED", history(9), off)).extracting(ValidationResult::rule)
                .doesNotContain(BillValidation.CONSECUTIVE_ESTIMATES, BillValidation.ESTIMATED_READ);
    }
}
