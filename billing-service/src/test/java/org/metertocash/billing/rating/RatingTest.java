package org.metertocash.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metertocash.billing.rating.Plans.AEP_TNC_2023_09;
import static org.metertocash.billing.rating.Plans.CNP_2023_09;
import static org.metertocash.billing.rating.Plans.ONCOR_2023_09;
import static org.metertocash.billing.rating.Plans.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bills worked by hand, one component type at a time; each expected figure's arithmetic is in the comments. */
class RatingTest {

    private static final TaxSchedule DALLAS = new TaxSchedule("dallas", List.of(
            new TaxRate("city-sales-tax", "City sales tax", d("1.0")),
            new TaxRate("gross-receipts", "Gross receipts tax reimbursement", d("1.997")),
            new TaxRate("puc-assessment", "PUC assessment", d("0.1667"))));

    private static ServicePeriod period(String start, String end) {
        return new ServicePeriod(LocalDate.parse(start), LocalDate.parse(end));
    }

    private static RatedBill monthly(RatePlan plan, List<TduTariff> tariffs, ServicePeriod period, int cycleDays,
            String kwh, TaxSchedule taxes) {
        return Rating.rate(new RatingRequest(plan, tariffs, period, cycleDays, new Usage.Monthly(d(kwh)), taxes));
    }

    private static List<String> amounts(RatedBill bill) {
        return bill.lines().stream().map(line -> line.code() + " " + line.amount().toPlainString()).toList();
    }

    @Test
    void a_flat_plan_with_a_base_charge_bills_energy_base_tdu_charges_and_each_tax_on_its_own_line() {
        RatedBill bill = monthly(Plans.flat("ONCOR", "10.0", "5.00"), List.of(ONCOR_2023_09),
                period("2023-10-01", "2023-10-31"), 30, "1000", DALLAS);

        assertThat(amounts(bill)).containsExactly(
                "ENERGY 100.00",                 // 1000 kWh × 10.0¢
                "BASE_CHARGE 5.00",
                "TDU_CUSTOMER_CHARGE 4.23",
                "TDU_DELIVERY_CHARGE 50.34",     // 1000 × 5.0339¢ = 50.339
                "TAX_CITY_SALES_TAX 1.60",       // 159.57 × 1%     = 1.5957
                "TAX_GROSS_RECEIPTS 3.19",       // 159.57 × 1.997% = 3.1866129
                "TAX_PUC_ASSESSMENT 0.27");      // 159.57 × 0.1667% = 0.26600319
        assertThat(bill.chargesTotal()).isEqualByComparingTo("159.57");
        assertThat(bill.taxTotal()).isEqualByComparingTo("5.06");
        assertThat(bill.total()).isEqualByComparingTo("164.63");
        assertThat(bill.total().scale()).isEqualTo(2);
        assertThat(bill.days()).isEqualTo(30);
        BillLine delivery = bill.lines(LineKind.TDU_DELIVERY_CHARGE).get(0);
        assertThat(delivery.quantity()).isEqualByComparingTo("1000");
        assertThat(delivery.rate()).isEqualByComparingTo("5.0339");
        assertThat(delivery.unit()).isEqualTo(RateUnit.CENTS_PER_KWH);
        BillLine tax = bill.lines(LineKind.TAX).get(1);
        assertThat(tax.quantity()).isEqualByComparingTo("159.57");
        assertThat(tax.unit()).isEqualTo(RateUnit.PERCENT);
        assertThat(tax.description()).isEqualTo("Gross receipts tax reimbursement");
    }

    @Test
    void at_1999_kwh_the_minimum_usage_fee_applies_and_only_the_first_credit() {
        RatedBill bill = monthly(Plans.banded(), List.of(CNP_2023_09), period("2023-10-01", "2023-10-31"), 30, "1999",
                TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 229.89",                 // 1999 × 11.5¢ = 229.885
                "BASE_CHARGE 9.95",
                "FEE_MIN_USAGE 8.00",            // ≤ 1999
                "CREDIT_USAGE_1000 -35.00",      // ≥ 1000
                "TDU_CUSTOMER_CHARGE 4.39",
                "TDU_DELIVERY_CHARGE 109.33");   // 1999 × 5.4694¢ = 109.333306
        assertThat(bill.total()).isEqualByComparingTo("326.56"); // 229.89 + 9.95 + 8 − 35 + 4.39 + 109.33
    }

    @Test
    void at_exactly_2000_kwh_there_is_no_minimum_usage_fee_and_both_credits_stack() {
        RatedBill bill = monthly(Plans.banded(), List.of(CNP_2023_09), period("2023-10-01", "2023-10-31"), 30, "2000",
                TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 230.00",
                "BASE_CHARGE 9.95",
                "CREDIT_USAGE_1000 -35.00",
                "CREDIT_USAGE_2000 -15.00",
                "TDU_CUSTOMER_CHARGE 4.39",
                "TDU_DELIVERY_CHARGE 109.39");   // 2000 × 5.4694¢ = 109.388
        assertThat(bill.total()).isEqualByComparingTo("303.73");
    }

    @Test
    void at_2001_kwh_both_credits_stay_and_a_half_cent_rounds_up() {
        RatedBill bill = monthly(Plans.banded(), List.of(CNP_2023_09), period("2023-10-01", "2023-10-31"), 30, "2001",
                TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 230.12",                 // 2001 × 11.5¢ = 230.115, half-up
                "BASE_CHARGE 9.95",
                "CREDIT_USAGE_1000 -35.00",
                "CREDIT_USAGE_2000 -15.00",
                "TDU_CUSTOMER_CHARGE 4.39",
                "TDU_DELIVERY_CHARGE 109.44");   // 2001 × 5.4694¢ = 109.442694
        assertThat(bill.total()).isEqualByComparingTo("303.90");
    }

    @Test
    void a_credit_for_low_usage_applies_up_to_and_including_its_maximum() {
        RatedBill at500 = monthly(Plans.banded(), List.of(CNP_2023_09), period("2023-10-01", "2023-10-31"), 30, "500",
                TaxSchedule.NONE);
        RatedBill at501 = monthly(Plans.banded(), List.of(CNP_2023_09), period("2023-10-01", "2023-10-31"), 30, "501",
                TaxSchedule.NONE);
        assertThat(amounts(at500)).contains("CREDIT_LOW_USE -15.00", "FEE_MIN_USAGE 8.00")
                .doesNotContain("CREDIT_USAGE_1000 -35.00");
        assertThat(amounts(at501)).contains("FEE_MIN_USAGE 8.00").noneMatch(line -> line.startsWith("CREDIT_"));
    }

    @Test
    void a_tiered_plan_charges_each_block_at_its_rate_and_a_daily_charge_for_every_day() {
        RatedBill bill = monthly(Plans.tiered(), List.of(AEP_TNC_2023_09), period("2023-10-01", "2023-11-01"), 31,
                "1500", TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY_TIER_1 130.00",          // first 1000 kWh × 13.0¢
                "ENERGY_TIER_2 45.00",           // next 500 kWh × 9.0¢
                "DAILY_CHARGE 9.30",             // 31 days × $0.30
                "TDU_CUSTOMER_CHARGE 4.79",
                "TDU_DELIVERY_CHARGE 76.90");    // 1500 × 5.1265¢ = 76.8975
        assertThat(bill.lines(LineKind.ENERGY)).extracting(BillLine::quantity)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("1000"), d("500"));
        assertThat(bill.lines(LineKind.DAILY_CHARGE).get(0).quantity()).isEqualByComparingTo("31");
        assertThat(bill.total()).isEqualByComparingTo("265.99");
    }

    @Test
    void usage_within_the_first_tier_is_one_energy_line() {
        RatedBill bill = monthly(Plans.tiered(), List.of(AEP_TNC_2023_09), period("2023-10-01", "2023-11-01"), 31,
                "1000", TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly("ENERGY_TIER_1 130.00", "DAILY_CHARGE 9.30",
                "TDU_CUSTOMER_CHARGE 4.79", "TDU_DELIVERY_CHARGE 51.27"); // 1000 × 5.1265¢ = 51.265
    }

    @Test
    void a_partial_cycle_prorates_the_base_charge_and_the_tdu_customer_charge_by_days() {
        RatedBill bill = monthly(Plans.flat("ONCOR", "10.0", "9.95"), List.of(ONCOR_2023_09),
                period("2023-10-01", "2023-10-13"), 30, "400", TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 40.00",
                "BASE_CHARGE 3.98",              // 9.95 × 12/30
                "TDU_CUSTOMER_CHARGE 1.69",      // 4.23 × 12/30 = 1.692
                "TDU_DELIVERY_CHARGE 20.14");    // 400 × 5.0339¢ = 20.1356
        assertThat(bill.lines(LineKind.BASE_CHARGE).get(0).quantity()).isEqualByComparingTo("0.4");
        assertThat(bill.lines(LineKind.BASE_CHARGE).get(0).description()).contains("12 of 30 days");
        assertThat(bill.total()).isEqualByComparingTo("65.81");
    }

    @Test
    void a_period_longer_than_the_cycle_pays_the_base_and_customer_charges_once() {
        RatedBill bill = monthly(Plans.flat("ONCOR", "10.0", "9.95"), List.of(ONCOR_2023_09),
                period("2023-10-01", "2023-11-03"), 30, "1000", TaxSchedule.NONE);
        assertThat(amounts(bill)).contains("BASE_CHARGE 9.95", "TDU_CUSTOMER_CHARGE 4.23");
    }

    @Test
    void a_tariff_change_in_the_period_splits_the_tdu_charges_by_days_with_half_cents_rounded_up() {
        TduTariff march2024 = Plans.tariff("ONCOR", "2024-03-01", "4.50", "5.2000");
        // 15 Feb – 16 Mar 2024: 15 days (15–29 Feb, a leap year) on the old tariff, 15 (1–15 Mar) on the new
        RatedBill bill = monthly(Plans.flat("ONCOR", "10.0", null), List.of(ONCOR_2023_09, march2024),
                period("2024-02-15", "2024-03-16"), 30, "900", TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 90.00",
                "TDU_CUSTOMER_CHARGE 2.12",      // 4.23 × 15/30 = 2.115, half-up
                "TDU_CUSTOMER_CHARGE 2.25",      // 4.50 × 15/30
                "TDU_DELIVERY_CHARGE 22.65",     // 450 kWh × 5.0339¢ = 22.65255
                "TDU_DELIVERY_CHARGE 23.40");    // 450 kWh × 5.2¢
        assertThat(bill.lines(LineKind.TDU_DELIVERY_CHARGE).get(0).description())
                .contains("tariff of 2023-09-01", "15 of 30 days");
        assertThat(bill.total()).isEqualByComparingTo("140.42");
    }

    @Test
    void an_uneven_split_is_exact_until_each_line_is_rounded_and_unrelated_versions_are_ignored() {
        TduTariff march2023 = Plans.tariff("ONCOR", "2023-03-01", "3.42", "4.0000");
        TduTariff march2024 = Plans.tariff("ONCOR", "2024-03-01", "4.50", "5.2000");
        TduTariff september2024 = Plans.tariff("ONCOR", "2024-09-01", "9.99", "9.9999");
        List<TduTariff> versions = new ArrayList<>(List.of(september2024, CNP_2023_09, march2024, march2023,
                ONCOR_2023_09));
        // 20 Feb – 21 Mar 2024: 10 days on the 2023-09-01 version, 20 on the 2024-03-01 one
        RatedBill bill = monthly(Plans.flat("ONCOR", "10.0", null), versions, period("2024-02-20", "2024-03-21"), 30,
                "1000", TaxSchedule.NONE);
        assertThat(amounts(bill)).containsExactly(
                "ENERGY 100.00",
                "TDU_CUSTOMER_CHARGE 1.41",      // 4.23 × 10/30
                "TDU_CUSTOMER_CHARGE 3.00",      // 4.50 × 20/30
                "TDU_DELIVERY_CHARGE 16.78",     // 1000 × 10/30 kWh × 5.0339¢ = 16.7796666…
                "TDU_DELIVERY_CHARGE 34.67");    // 1000 × 20/30 kWh × 5.2¢ = 34.6666…
        assertThat(bill.lines(LineKind.TDU_DELIVERY_CHARGE)).extracting(BillLine::quantity)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("333.3333"), d("666.6667"));
        assertThat(bill.amount(LineKind.TDU_DELIVERY_CHARGE)).isEqualByComparingTo("51.45");
        assertThat(bill.total()).isEqualByComparingTo("155.86");

        Collections.reverse(versions);
        assertThat(monthly(Plans.flat("ONCOR", "10.0", null), versions, period("2024-02-20", "2024-03-21"), 30, "1000",
                TaxSchedule.NONE)).isEqualTo(bill);
    }

    @Test
    void a_tariff_effective_on_the_period_end_is_not_used_and_one_effective_on_the_start_is() {
        TduTariff march2024 = Plans.tariff("ONCOR", "2024-03-01", "4.50", "5.2000");
        RatedBill endingOnIt = monthly(Plans.flat("ONCOR", "10.0", null), List.of(ONCOR_2023_09, march2024),
                period("2024-02-01", "2024-03-01"), 29, "100", TaxSchedule.NONE);
        RatedBill startingOnIt = monthly(Plans.flat("ONCOR", "10.0", null), List.of(ONCOR_2023_09, march2024),
                period("2024-03-01", "2024-04-01"), 31, "100", TaxSchedule.NONE);
        assertThat(amounts(endingOnIt)).contains("TDU_CUSTOMER_CHARGE 4.23").hasSize(3);
        assertThat(amounts(startingOnIt)).contains("TDU_CUSTOMER_CHARGE 4.50").hasSize(3);
    }

    @Test
    void taxes_are_charged_on_the_rounded_lines_and_never_on_a_negative_base() {
        RatePlan generousCredit = new RatePlan("CREDIT", "ONCOR", new EnergyCharge.Flat(d("1.0")), null, null,
                List.of(), List.of(new BandedCharge("WELCOME", "Welcome credit", d("100"), null, null)));
        RatedBill bill = monthly(generousCredit, List.of(ONCOR_2023_09), period("2023-10-01", "2023-10-31"), 30, "100",
                DALLAS);
        // 1.00 − 100.00 + 4.23 + 5.03 (100 × 5.0339¢ = 5.0339) = −89.74: no tax on a credit balance
        assertThat(bill.chargesTotal()).isEqualByComparingTo("-89.74");
        assertThat(bill.lines(LineKind.TAX)).extracting(BillLine::amount)
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("0"));
        assertThat(bill.total()).isEqualByComparingTo("-89.74");
    }

    @Test
    void the_same_inputs_give_the_same_bill() {
        RatingRequest request = new RatingRequest(Plans.banded(), List.of(CNP_2023_09),
                period("2023-10-01", "2023-10-31"), 30, new Usage.Monthly(d("1234.5")), TaxSchedule.NONE);
        RatedBill first = Rating.rate(request);
        assertThat(Rating.rate(request)).isEqualTo(first);
        assertThat(Rating.rate(new RatingRequest(Plans.banded(), List.of(CNP_2023_09),
                period("2023-10-01", "2023-10-31"), 30, new Usage.Monthly(d("1234.6")), TaxSchedule.NONE)))
                .isNotEqualTo(first);
    }

    @Test
    void a_period_before_any_tariff_of_the_plans_tdu_cannot_be_rated() {
        assertThatThrownBy(() -> monthly(Plans.flat("ONCOR", "10.0", null), List.of(ONCOR_2023_09, CNP_2023_09),
                period("2023-08-01", "2023-08-31"), 30, "100", TaxSchedule.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ONCOR delivery tariff");
    }
}
