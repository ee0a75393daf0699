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

class BillValidationTest {

    /** The primer's SAP defaults applied to average daily kWh. */
    private static final BillRules RULES = new BillRules(List.of(
            new BillRules.UsageBand(d("0"), d("70"), d("40")),
            new BillRules.UsageBand(d("100"), d("60"), d("30")),
            new BillRules.UsageBand(d("1000"), d("50"), d("20"))), true, true, d("600.00"), d("10.00"));

    private static final ServicePeriod THIRTY_DAYS = new ServicePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static RatedBill bill(String kwh, String total) {
        BillLine line = new BillLine(LineKind.ENERGY, "ENERGY", "Energy charge", d(kwh), RateUnit.CENTS_PER_KWH,
                d("10"), d(total));
        return new RatedBill(THIRTY_DAYS, 30, d(kwh), List.of(line), d(total), d("0.00"), d(total));
    }

    /** 30 days of history at the given kWh per day. */
    private static UsageHistory history(String kwhPerDay) {
        return new UsageHistory(1, d(kwhPerDay).multiply(d("30")), 30);
    }

    private static List<String> failed(RatedBill bill, String quality, UsageHistory history) {
        return BillValidation.failed(BillValidation.validate(bill, quality, history, RULES));
    }

    @Test
    void a_first_bill_within_the_amount_limits_is_clean_and_has_no_usage_comparison() {
        List<ValidationResult> results = BillValidation.validate(bill("1000", "150.00"), "ACTUAL", UsageHistory.NONE,
                RULES);
        assertThat(BillValidation.clean(results)).isTrue();
        assertThat(results).extracting(ValidationResult::rule).doesNotContain(BillValidation.HIGH_USAGE,
                BillValidation.LOW_USAGE);
    }

    @Test
    void under_100_kwh_a_day_usage_70_percent_above_history_passes_and_above_it_is_high() {
        // history 30 kWh/day: +70% is 51 kWh/day = 1530 kWh in 30 days
        assertThat(failed(bill("1530", "200.00"), "ACTUAL", history("30"))).isEmpty();
        assertThat(failed(bill("1531", "200.00"), "ACTUAL", history("30"))).containsExactly(BillValidation.HIGH_USAGE);
    }

    @Test
    void under_100_kwh_a_day_usage_40_percent_below_history_passes_and_below_it_is_low() {
        // 30 kWh/day −40% is 18 kWh/day = 540 kWh
        assertThat(failed(bill("540", "100.00"), "ACTUAL", history("30"))).isEmpty();
        assertThat(failed(bill("539", "100.00"), "ACTUAL", history("30"))).containsExactly(BillValidation.LOW_USAGE);
    }

    @Test
    void the_band_follows_the_history_average_daily_usage() {
        // 100 kWh/day: +60%/−30% (160 and 70 kWh/day); 1000 kWh/day: +50%/−20%
        assertThat(failed(bill("4800", "500.00"), "ACTUAL", history("100"))).isEmpty();
        assertThat(failed(bill("4801", "500.00"), "ACTUAL", history("100"))).containsExactly(BillValidation.HIGH_USAGE);
        assertThat(failed(bill("2099", "500.00"), "ACTUAL", history("100"))).containsExactly(BillValidation.LOW_USAGE);
        assertThat(failed(bill("45001", "500.00"), "ACTUAL", history("1000"))).containsExactly(BillValidation.HIGH_USAGE);
        assertThat(failed(bill("23999", "500.00"), "ACTUAL", history("1000"))).containsExactly(BillValidation.LOW_USAGE);
        assertThat(failed(bill("24000", "500.00"), "ACTUAL", history("1000"))).isEmpty();
    }

    @Test
    void zero_usage_an_estimated_read_and_amounts_out_of_limits_are_each_flagged() {
        assertThat(failed(bill("0", "10.00"), "ACTUAL", UsageHistory.NONE)).containsExactly(BillValidation.ZERO_USAGE);
        assertThat(failed(bill("900", "120.00"), "ESTIMATED", UsageHistory.NONE))
                .containsExactly(BillValidation.ESTIMATED_READ);
        assertThat(failed(bill("5000", "600.01"), "ACTUAL", UsageHistory.NONE))
                .containsExactly(BillValidation.AMOUNT_ABOVE_MAXIMUM);
        assertThat(failed(bill("5000", "600.00"), "ACTUAL", UsageHistory.NONE)).isEmpty();
        assertThat(failed(bill("50", "9.99"), "ACTUAL", UsageHistory.NONE))
                .containsExactly(BillValidation.AMOUNT_BELOW_MINIMUM);
    }

    @Test
    void a_bill_without_lines_is_empty() {
        RatedBill empty = new RatedBill(THIRTY_DAYS, 30, d("500"), List.of(), d("0.00"), d("0.00"), d("0.00"));
        BillRules noLimits = new BillRules(RULES.usageBands(), true, true, null, null);
        assertThat(BillValidation.failed(BillValidation.validate(empty, "ACTUAL", UsageHistory.NONE, noLimits)))
                .containsExactly(BillValidation.EMPTY_BILL);
    }

    @Test
    void rules_switched_off_are_not_checked() {
        BillRules off = new BillRules(List.of(), false, false, null, null);
        assertThat(BillValidation.failed(BillValidation.validate(bill("0", "0.00"), "ESTIMATED", history("30"), off)))
                .isEmpty();
    }
}
