package org.metertocash.billing.product;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.product.ProductDefinition.BandTerms;
import org.metertocash.billing.product.ProductDefinition.EnergyChargeTerms;
import org.metertocash.billing.product.ProductDefinition.EnergyStructure;
import org.metertocash.billing.product.ProductDefinition.PeriodTerms;
import org.metertocash.billing.product.ProductDefinition.PrepayTerms;
import org.metertocash.billing.product.ProductDefinition.TierTerms;
import org.metertocash.billing.product.ProductDefinition.WindowTerms;
import org.metertocash.billing.rating.EnergyCharge;
import org.metertocash.billing.rating.RatePlan;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.problem.FieldError;

class ProductValidationTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final List<DayOfWeek> ALL_DAYS = List.of(DayOfWeek.values());

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static ProductDefinition product(BillingType type, EnergyChargeTerms energy, List<BandTerms> fees,
            List<BandTerms> credits, PrepayTerms prepay) {
        return new ProductDefinition("SAVER-12", "Saver 12", type, 12, "ONCOR", energy, d("5.00"), null, fees,
                credits, prepay);
    }

    private static EnergyChargeTerms flat(String cents) {
        return new EnergyChargeTerms(EnergyStructure.FLAT, d(cents), null, null);
    }

    private static EnergyChargeTerms tiered(TierTerms... tiers) {
        return new EnergyChargeTerms(EnergyStructure.TIERED, null, List.of(tiers), null);
    }

    private static EnergyChargeTerms tou(PeriodTerms... periods) {
        return new EnergyChargeTerms(EnergyStructure.TIME_OF_USE, null, null, List.of(periods));
    }

    private static PeriodTerms period(String name, String share, WindowTerms... windows) {
        return new PeriodTerms(name, d("10"), d(share), List.of(windows));
    }

    private static WindowTerms window(List<DayOfWeek> days, int from, int to) {
        return new WindowTerms(days, from, to);
    }

    private static List<FieldError> check(ProductDefinition p) {
        return ProductValidation.check(p, Set.of("ONCOR", "CNP")::contains, d("10.00"), d("75.00"));
    }

    private static List<String> fields(ProductDefinition p) {
        return check(p).stream().map(FieldError::field).toList();
    }

    @Test
    void a_sound_time_of_use_product_passes_and_becomes_its_rate_plan() {
        ProductDefinition p = product(BillingType.POSTPAY, tou(
                period("DAY", "0.5", window(WEEKDAYS, 6, 22)),
                period("NIGHT", "0.3", window(List.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), 22, 6)),
                period("WEEKEND", "0.2", window(List.of(SATURDAY), 6, 24), window(List.of(SUNDAY), 0, 22))),
                List.of(new BandTerms("MIN-USAGE", "Minimum usage fee", d("8.00"), null, d("1999"))),
                List.of(new BandTerms("USAGE-1000", null, d("35"), d("1000"), null)), null);
        assertThat(check(p)).isEmpty();
        RatePlan plan = p.ratePlan();
        assertThat(plan.energy()).isInstanceOf(EnergyCharge.TimeOfUse.class);
        assertThat(((EnergyCharge.TimeOfUse) plan.energy()).periodByHourOfWeek()[5 * 24 + 3]).isEqualTo(1); // Sat 03:00 NIGHT
        assertThat(plan.fees().get(0).appliesTo(d("1999"))).isTrue();
        assertThat(plan.fees().get(0).appliesTo(d("2000"))).isFalse();
    }

    @Test
    void overlapping_and_gapped_tiers_are_named() {
        List<FieldError> overlap = check(product(BillingType.POSTPAY, tiered(new TierTerms(d("0"), d("1000"), d("13")),
                new TierTerms(d("900"), null, d("9"))), null, null, null));
        assertThat(overlap).extracting(FieldError::field).containsExactly("energyCharge.tiers[1].fromKwh");
        assertThat(overlap.get(0).reason()).contains("overlaps tier 0");

        List<FieldError> gap = check(product(BillingType.POSTPAY, tiered(new TierTerms(d("0"), d("1000"), d("13")),
                new TierTerms(d("1100"), null, d("9"))), null, null, null));
        assertThat(gap).extracting(FieldError::reason).containsExactly("leaves a gap: tier 0 ends at 1000 kWh");
    }

    @Test
    void tiers_start_at_zero_and_only_the_last_is_open_ended() {
        assertThat(fields(product(BillingType.POSTPAY, tiered(new TierTerms(d("100"), d("1000"), d("13")),
                new TierTerms(d("1000"), d("2000"), d("9"))), null, null, null)))
                .containsExactly("energyCharge.tiers[0].fromKwh", "energyCharge.tiers[1].toKwh");
        assertThat(fields(product(BillingType.POSTPAY, tiered(new TierTerms(d("0"), null, d("13")),
                new TierTerms(d("1000"), null, d("9"))), null, null, null)))
                .containsExactly("energyCharge.tiers[0].toKwh");
    }

    @Test
    void negative_rates_and_charges_are_refused() {
        assertThat(fields(product(BillingType.POSTPAY, flat("-0.1"), null, null, null)))
                .containsExactly("energyCharge.centsPerKwh");
        ProductDefinition negativeBase = new ProductDefinition("X", "X", BillingType.POSTPAY, 0, "ONCOR", flat("10"),
                d("-5"), d("-0.10"), null, null, null);
        assertThat(fields(negativeBase)).containsExactly("baseCharge", "dailyCharge");
        assertThat(fields(product(BillingType.POSTPAY, tiered(new TierTerms(d("0"), null, d("-1"))), null, null,
                null))).containsExactly("energyCharge.tiers[0].centsPerKwh");
        assertThat(fields(product(BillingType.POSTPAY, flat("10"), List.of(new BandTerms("F", null, d("-8"), null,
                null)), List.of(new BandTerms("C", null, d("0"), null, null)), null)))
                .containsExactly("fees[0].amount", "credits[0].amount");
    }

    @Test
    void usage_shares_add_up_to_one() {
        List<FieldError> errors = check(product(BillingType.POSTPAY, tou(
                period("DAY", "0.6", window(ALL_DAYS, 6, 22)),
                period("NIGHT", "0.3", window(ALL_DAYS, 22, 6))), null, null, null));
        assertThat(errors).containsExactly(new FieldError("energyCharge.periods", "usage shares add up to 0.9, not 1"));
    }

    @Test
    void a_schedule_leaving_hours_in_no_period_names_them() {
        List<FieldError> errors = check(product(BillingType.POSTPAY, tou(
                period("DAY", "0.7", window(WEEKDAYS, 6, 22)),
                period("NIGHT", "0.3", window(ALL_DAYS, 22, 6))), null, null, null));
        assertThat(errors).containsExactly(new FieldError("energyCharge.periods",
                "no period covers SATURDAY 06:00–22:00, SUNDAY 06:00–22:00"));
    }

    @Test
    void a_schedule_covering_an_hour_twice_names_the_window() {
        List<FieldError> errors = check(product(BillingType.POSTPAY, tou(
                period("DAY", "0.7", window(ALL_DAYS, 6, 22)),
                period("NIGHT", "0.3", window(ALL_DAYS, 21, 6))), null, null, null));
        assertThat(errors).extracting(FieldError::field).containsExactly("energyCharge.periods[1].schedule[0]");
        assertThat(errors.get(0).reason()).contains("MONDAY 21:00–22:00", "SUNDAY 21:00–22:00");
    }

    @Test
    void a_window_needs_days_and_hours_that_are_hours() {
        assertThat(fields(product(BillingType.POSTPAY, tou(
                period("ALL", "1", new WindowTerms(List.of(), 0, 24), window(ALL_DAYS, 24, 25),
                        window(ALL_DAYS, 5, 5))), null, null, null)))
                .containsExactly("energyCharge.periods[0].schedule[0].days",
                        "energyCharge.periods[0].schedule[1].fromHour", "energyCharge.periods[0].schedule[1].toHour",
                        "energyCharge.periods[0].schedule[2].toHour");
    }

    @Test
    void a_band_whose_minimum_is_above_its_maximum_is_refused() {
        assertThat(check(product(BillingType.POSTPAY, flat("10"), List.of(new BandTerms("MIN", null, d("8"),
                d("2000"), d("1999"))), null, null))).extracting(FieldError::field).containsExactly("fees[0].maxKwh");
        assertThat(fields(product(BillingType.POSTPAY, flat("10"), null, List.of(
                new BandTerms("C", null, d("35"), d("1000"), null), new BandTerms("C", null, d("15"), d("2000"), null)),
                null))).containsExactly("credits[1].code");
    }

    @Test
    void prepay_balances_are_capped_by_25_498() {
        assertThat(check(product(BillingType.PREPAY, flat("10"), null, null,
                new PrepayTerms(d("20"), d("10.00"), d("75.00"))))).isEmpty();
        assertThat(fields(product(BillingType.PREPAY, flat("10"), null, null,
                new PrepayTerms(d("20"), d("10.01"), d("75.01")))))
                .containsExactly("prepay.disconnectionBalance", "prepay.connectionBalance");
        assertThat(fields(product(BillingType.PREPAY, flat("10"), null, null,
                new PrepayTerms(d("5"), d("10"), d("10")))))
                .containsExactly("prepay.connectionBalance", "prepay.lowBalanceThreshold");
        assertThat(fields(product(BillingType.PREPAY, flat("10"), null, null, null))).containsExactly("prepay");
        assertThat(fields(product(BillingType.POSTPAY, flat("10"), null, null,
                new PrepayTerms(d("20"), d("10"), d("75"))))).containsExactly("prepay");
    }

    @Test
    void every_field_at_fault_is_named_at_once() {
        ProductDefinition p = new ProductDefinition("bad code", " ", null, -1, "NOWHERE",
                new EnergyChargeTerms(EnergyStructure.FLAT, d("10"), List.of(new TierTerms(d("0"), null, d("1"))),
                        null), null, null, null, null, null);
        assertThat(fields(p)).containsExactly("code", "name", "billingType", "termMonths", "tdu",
                "energyCharge.tiers");
        assertThat(fields(new ProductDefinition("OK", "ok", BillingType.POSTPAY, 0, "CNP", null, null, null, null,
                null, null))).containsExactly("energyCharge.type");
    }
}
