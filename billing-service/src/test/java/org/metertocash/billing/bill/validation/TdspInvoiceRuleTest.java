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

/**
 * TDSP_INVOICE_MISMATCH: the bill's TDU pass-through lines (customer charge and delivery charge) against the wires
 * utility's invoice for the period, within the tolerance; no invoice yet passes.
 */
class TdspInvoiceRuleTest {

    private static final ServicePeriod MAY = new ServicePeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
    /** 1000 kWh: energy 100.00, base 5.00, TDU customer charge 4.00, TDU delivery 50.00 (TDU lines: 54.00). */
    private static final RatedBill BILL = new RatedBill(MAY, 31, d("1000"), List.of(
            line(LineKind.ENERGY, "100.00"), line(LineKind.BASE_CHARGE, "5.00"),
            line(LineKind.TDU_CUSTOMER_CHARGE, "4.00"), line(LineKind.TDU_DELIVERY_CHARGE, "50.00")),
            d("159.00"), d("0.00"), d("159.00"));
    private static final BillRules RULES = new BillRules(List.of(), true, true, null, null, null, d("0.01"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BillLine line(LineKind kind, String amount) {
        return new BillLine(kind, kind.name(), kind.name(), BigDecimal.ONE, RateUnit.DOLLARS, d(amount), d(amount));
    }

    private static InvoicedDelivery invoiced(String amount) {
        return new InvoicedDelivery(List.of("INV-1"), d(amount));
    }

    private static ValidationResult rule(InvoicedDelivery invoiced) {
        return BillValidation.validate(BILL, "ACTUAL", UsageHistory.NONE, RULES, invoiced).stream()
                .filter(r -> r.rule().equals(BillValidation.TDSP_INVOICE_MISMATCH)).findFirst().orElseThrow();
    }

    @Test
    void an_invoice_equal_to_the_tdu_lines_agrees_and_the_detail_shows_both_figures() {
        ValidationResult result = rule(invoiced("54.00"));
        assertThat(result.passed()).isTrue();
        assertThat(result.detail())
                .isEqualTo("billed TDU charges 54.00, invoiced 54.00 (invoice INV-1): difference 0.00 within the tolerance of 0.01");
    }

    @Test
    void a_cent_either_way_is_within_the_tolerance_and_two_cents_is_not() {
        assertThat(rule(invoiced("54.01")).passed()).isTrue();
        assertThat(rule(invoiced("53.99")).passed()).isTrue();
        assertThat(rule(invoiced("54.02")).passed()).isFalse();
        ValidationResult under = rule(invoiced("53.98"));
        assertThat(under.passed()).isFalse();
        assertThat(under.detail()).contains("billed TDU charges 54.00", "invoiced 53.98", "difference -0.02 beyond");
    }

    @Test
    void the_energy_base_and_tax_lines_are_not_part_of_the_comparison() {
        assertThat(rule(invoiced("159.00")).passed()).isFalse();
        assertThat(rule(invoiced("104.00")).passed()).isFalse();
    }

    @Test
    void without_an_invoice_the_rule_passes_and_says_it_compares_when_one_arrives() {
        ValidationResult result = rule(null);
        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("billed TDU charges 54.00", "no TDSP invoice", "compared when it arrives");
    }

    @Test
    void switched_off_the_rule_is_not_checked_even_against_a_disagreeing_invoice() {
        BillRules off = RULES.withTdspInvoiceTolerance(null);
        assertThat(BillValidation.validate(BILL, "ACTUAL", UsageHistory.NONE, off, invoiced("99.00")))
                .extracting(ValidationResult::rule).doesNotContain(BillValidation.TDSP_INVOICE_MISMATCH);
    }

    @Test
    void several_standing_invoices_of_the_period_are_compared_as_their_sum() {
        ValidationResult result = rule(new InvoicedDelivery(List.of("INV-1", "INV-2"), d("54.00")));
        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("(invoice INV-1, INV-2)");
    }
}
