package org.metertocash.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metertocash.billing.rating.Plans.AEP_TNC_2023_09;
import static org.metertocash.billing.rating.Plans.CNP_2023_09;
import static org.metertocash.billing.rating.Plans.ONCOR_2023_09;
import static org.metertocash.billing.rating.Plans.TNMP_2023_09;
import static org.metertocash.billing.rating.Plans.d;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

/** EFL averages, each figure worked by hand in its comment: (every component at Q kWh) / Q, to 0.1¢ half-up. */
class ElectricityFactsLabelTest {

    private static List<String> printed(RatePlan plan, TduTariff tariff) {
        return ElectricityFactsLabel.averages(plan, tariff).stream()
                .map(a -> a.kwh() + ": " + a.centsPerKwh().toPlainString()).toList();
    }

    @Test
    void the_primers_worked_example_is_16_0_cents_at_1000_kwh() {
        ElectricityFactsLabel.Average at1000 = ElectricityFactsLabel.average(Plans.flat("ONCOR", "10.0", "5.00"),
                ONCOR_2023_09, d("1000"));
        // 100.00 + 5.00 + 4.23 + 50.339 = 159.569 → 15.9569¢
        assertThat(at1000.totalDollars()).isEqualByComparingTo("159.569");
        assertThat(at1000.unroundedCentsPerKwh()).isEqualByComparingTo("15.9569");
        assertThat(at1000.centsPerKwh()).isEqualByComparingTo("16.0");
        assertThat(at1000.centsPerKwh().scale()).isEqualTo(1);
        assertThat(at1000.components()).extracting(c -> c.code() + " " + c.amount().stripTrailingZeros().toPlainString())
                .containsExactly("ENERGY 100", "BASE_CHARGE 5", "TDU_CUSTOMER_CHARGE 4.23", "TDU_DELIVERY_CHARGE 50.339");
        assertThat(printed(Plans.flat("ONCOR", "10.0", "5.00"), ONCOR_2023_09)).containsExactly(
                "500: 16.9",     // 50 + 5 + 4.23 + 25.1695 = 84.3995 → 16.8799
                "1000: 16.0",
                "2000: 15.5");   // 200 + 5 + 4.23 + 100.678 = 309.908 → 15.4954
    }

    @Test
    void fees_and_credits_count_only_inside_their_bands_at_the_edges() {
        RatePlan banded = Plans.banded();
        assertThat(printed(banded, CNP_2023_09)).containsExactly(
                "500: 18.4",     // 57.50 + 9.95 + 8 (≤1999) − 15 (≤500) + 4.39 + 27.347 = 92.187 → 18.4374
                "1000: 15.7",    // 115 + 9.95 + 8 − 35 + 4.39 + 54.694 = 157.034 → 15.7034
                "2000: 15.2");   // 230 + 9.95 − 35 − 15 + 4.39 + 109.388 = 303.728 → 15.1864 (no fee at 2000)
        ElectricityFactsLabel.Average at1999 = ElectricityFactsLabel.average(banded, CNP_2023_09, d("1999"));
        ElectricityFactsLabel.Average at2000 = ElectricityFactsLabel.average(banded, CNP_2023_09, d("2000"));
        ElectricityFactsLabel.Average at2001 = ElectricityFactsLabel.average(banded, CNP_2023_09, d("2001"));
        // 229.885 + 9.95 + 8 − 35 + 4.39 + 109.333306 = 326.558306 → 16.3360833…
        assertThat(at1999.totalDollars()).isEqualByComparingTo("326.558306");
        assertThat(at1999.unroundedCentsPerKwh().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("16.336083");
        assertThat(at1999.centsPerKwh()).isEqualByComparingTo("16.3");
        assertThat(at2000.totalDollars()).isEqualByComparingTo("303.728");
        assertThat(at2000.unroundedCentsPerKwh()).isEqualByComparingTo("15.1864");
        // 230.115 + 9.95 − 35 − 15 + 4.39 + 109.442694 = 303.897694 → 15.1872910…
        assertThat(at2001.totalDollars()).isEqualByComparingTo("303.897694");
        assertThat(at2001.unroundedCentsPerKwh().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("15.187291");
        assertThat(at2001.centsPerKwh()).isEqualByComparingTo("15.2");
        assertThat(at1999.components()).extracting(ElectricityFactsLabel.Component::code)
                .contains("FEE_MIN_USAGE").doesNotContain("CREDIT_USAGE_2000");
        assertThat(at2000.components()).extracting(ElectricityFactsLabel.Component::code)
                .contains("CREDIT_USAGE_1000", "CREDIT_USAGE_2000").doesNotContain("FEE_MIN_USAGE");
    }

    @Test
    void a_tiered_plan_with_a_daily_charge_counts_thirty_days() {
        assertThat(printed(Plans.tiered(), AEP_TNC_2023_09)).containsExactly(
                "500: 20.9",     // 65 + 9.00 (30 × $0.30) + 4.79 + 25.6325 = 104.4225 → 20.8845
                "1000: 19.5",    // 130 + 9 + 4.79 + 51.265 = 195.055 → 19.5055
                "2000: 16.8");   // 130 + 90 + 9 + 4.79 + 102.53 = 336.32 → 16.816
    }

    @Test
    void a_time_of_use_plan_blends_its_rates_by_the_disclosed_shares() {
        RatePlan freeNights = new RatePlan("FREE-NIGHTS", "TNMP", new EnergyCharge.TimeOfUse(List.of(
                new EnergyCharge.TouPeriod("NIGHT", d("0"), d("0.35"),
                        List.of(new EnergyCharge.TouWindow(Plans.EVERY_DAY, 21, 6))),
                new EnergyCharge.TouPeriod("DAY", d("14.5"), d("0.65"),
                        List.of(new EnergyCharge.TouWindow(Plans.EVERY_DAY, 6, 21))))),
                d("4.95"), null, List.of(), List.of());
        assertThat(printed(freeNights, TNMP_2023_09)).containsExactly(
                "500: 18.0",     // 500 × 0.65 × 14.5¢ = 47.125; + 4.95 + 7.85 + 30.2325 = 90.1575 → 18.0315
                "1000: 16.8",    // 94.25 + 4.95 + 7.85 + 60.465 = 167.515 → 16.7515
                "2000: 16.1");   // 188.5 + 4.95 + 7.85 + 120.93 = 322.23 → 16.1115
    }

    @Test
    void the_printed_average_rounds_half_up() {
        // 100 + 11.931 + 4.23 + 50.339 = 166.5 → exactly 16.65¢: half-up 16.7 (half-even would print 16.6)
        ElectricityFactsLabel.Average average = ElectricityFactsLabel.average(Plans.flat("ONCOR", "10.0", "11.931"),
                ONCOR_2023_09, d("1000"));
        assertThat(average.unroundedCentsPerKwh()).isEqualByComparingTo("16.65");
        assertThat(average.centsPerKwh()).isEqualByComparingTo("16.7");
    }

    @Test
    void the_label_matches_a_thirty_day_bill_of_the_same_usage_before_taxes() {
        RatedBill bill = Rating.rate(new RatingRequest(Plans.banded(), List.of(CNP_2023_09),
                new ServicePeriod(java.time.LocalDate.parse("2023-10-01"), java.time.LocalDate.parse("2023-10-31")),
                30, new Usage.Monthly(d("1999")), TaxSchedule.NONE));
        BigDecimal efl = ElectricityFactsLabel.average(Plans.banded(), CNP_2023_09, d("1999")).totalDollars();
        assertThat(bill.chargesTotal()).isEqualByComparingTo(efl.setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void a_label_needs_usage_and_the_plans_own_tdu() {
        assertThatThrownBy(() -> ElectricityFactsLabel.average(Plans.banded(), CNP_2023_09, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElectricityFactsLabel.average(Plans.banded(), ONCOR_2023_09, d("1000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
