package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.metertocash.billing.rating.LineKind;
import org.metertocash.billing.rating.RatedBill;

/**
 * Checks a rated bill against the configured rules before it may post (the industry's bill validation rules, see the
 * domain primer): high or low usage against the account's average daily usage history, zero usage on an active
 * premise, an estimated read, consecutive estimated reads beyond an allowance, a total above the maximum or below the
 * minimum, an empty bill, and TDU pass-through charges disagreeing with the wires utility's invoice (810_02) for the
 * period. A pure function: every rule checked is reported, passed or not, so a reviewer sees what was compared.
 */
public final class BillValidation {

    public static final String HIGH_USAGE = "HIGH_USAGE";
    public static final String LOW_USAGE = "LOW_USAGE";
    public static final String ZERO_USAGE = "ZERO_USAGE";
    public static final String ESTIMATED_READ = "ESTIMATED_READ";
    public static final String AMOUNT_ABOVE_MAXIMUM = "AMOUNT_ABOVE_MAXIMUM";
    public static final String AMOUNT_BELOW_MINIMUM = "AMOUNT_BELOW_MINIMUM";
    public static final String EMPTY_BILL = "EMPTY_BILL";
    /** The account's run of estimated reads, this bill's included, is longer than the allowance. */
    public static final String CONSECUTIVE_ESTIMATES = "CONSECUTIVE_ESTIMATES";
    /** The TDSP's invoiced delivery charges for the period differ from the bill's TDU lines beyond the tolerance. */
    public static final String TDSP_INVOICE_MISMATCH = "TDSP_INVOICE_MISMATCH";

    /** The bill lines the wires utility invoices us for: its customer charge and delivery charge, passed through. */
    public static final Set<LineKind> TDU_LINES = EnumSet.of(LineKind.TDU_CUSTOMER_CHARGE,
            LineKind.TDU_DELIVERY_CHARGE);

    /** The reading quality of an estimated read (867 quality codes: ACTUAL, ESTIMATED). */
    public static final String ESTIMATED = "ESTIMATED";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates a bill without a TDSP invoice to compare (none has arrived for its period). */
    public static List<ValidationResult> validate(RatedBill bill, String readingQuality, UsageHistory history,
            BillRules rules) {
        return validate(bill, readingQuality, history, rules, null);
    }

    /**
     * Validates a bill.
     *
     * @param invoiced what the wires utility invoiced for the bill's period, or null when no invoice has arrived
     */
    public static List<ValidationResult> validate(RatedBill bill, String readingQuality, UsageHistory history,
            BillRules rules, InvoicedDelivery invoiced) {
        List<ValidationResult> results = new ArrayList<>();
        results.add(new ValidationResult(EMPTY_BILL, !bill.lines().isEmpty(), bill.lines().size() + " line(s)"));
        if (rules.zeroUsage()) {
            results.add(new ValidationResult(ZERO_USAGE, bill.totalKwh().signum() != 0,
                    bill.totalKwh().stripTrailingZeros().toPlainString() + " kWh on an active premise"));
        }
        if (rules.estimatedRead()) {
            results.add(new ValidationResult(ESTIMATED_READ, !estimated(readingQuality),
                    "reading quality " + readingQuality));
        }
        if (rules.checksConsecutiveEstimates()) {
            results.add(consecutiveEstimates(readingQuality, history, rules.consecutiveEstimatesAllowance()));
        }
        usage(bill, history, rules).forEach(results::add);
        if (rules.maximumAmount() != null) {
            results.add(new ValidationResult(AMOUNT_ABOVE_MAXIMUM, bill.total().compareTo(rules.maximumAmount()) <= 0,
                    "total " + bill.total() + " against maximum " + rules.maximumAmount()));
        }
        if (rules.minimumAmount() != null) {
            results.add(new ValidationResult(AMOUNT_BELOW_MINIMUM, bill.total().compareTo(rules.minimumAmount()) >= 0,
                    "total " + bill.total() + " against minimum " + rules.minimumAmount()));
        }
        if (rules.checksTdspInvoice()) {
            results.add(tdspInvoice(deliveryCharges(bill.lines().stream()
                    .filter(line -> TDU_LINES.contains(line.kind())).map(line -> line.amount()).toList()),
                    invoiced, rules.tdspInvoiceTolerance()));
        }
        return results;
    }

    /** Whether a reading quality (867 quality codes: ACTUAL, ESTIMATED) is an estimate. */
    public static boolean estimated(String readingQuality) {
        return readingQuality != null && readingQuality.trim().toUpperCase().startsWith("EST");
    }

    /**
     * The account's run of estimated reads, newest first: this bill's read and, when it is an estimate, the
     * estimates billed just before it. An actual read ends the run (it is 0). More than {@code allowance} in a row
     * is flagged: with an allowance of 2 the third estimate in a row is held.
     */
    static ValidationResult consecutiveEstimates(String readingQuality, UsageHistory history, int allowance) {
        int run = estimated(readingQuality) ? 1 + history.estimatedRun() : 0;
        String detail = run == 0 ? "reading quality " + readingQuality + ": no estimated reads in a row"
                : run + " estimated read(s) in a row, this one included";
        return new ValidationResult(CONSECUTIVE_ESTIMATES, run <= allowance, detail + " (allowance " + allowance + ")");
    }

    /** The sum of a bill's TDU pass-through line amounts. */
    public static BigDecimal deliveryCharges(Collection<BigDecimal> tduLineAmounts) {
        return tduLineAmounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * The bill's TDU pass-through charges against what the wires utility invoiced (810_02) for the same premise and
     * period: they agree when they differ by at most {@code tolerance}. Without an invoice the rule passes — the
     * comparison is made when the invoice arrives, and 16 TAC §25.479 allows a bill only 30 days from receiving the
     * usage and the TDSP invoice, so a bill is not held to wait for one.
     */
    public static ValidationResult tdspInvoice(BigDecimal billedDelivery, InvoicedDelivery invoiced,
            BigDecimal tolerance) {
        if (invoiced == null) {
            return new ValidationResult(TDSP_INVOICE_MISMATCH, true, "billed TDU charges " + billedDelivery
                    + "; no TDSP invoice (810_02) for the period has arrived: compared when it arrives");
        }
        BigDecimal difference = invoiced.amount().subtract(billedDelivery);
        boolean agrees = difference.abs().compareTo(tolerance) <= 0;
        return new ValidationResult(TDSP_INVOICE_MISMATCH, agrees, "billed TDU charges " + billedDelivery
                + ", invoiced " + invoiced.amount() + " (invoice " + String.join(", ", invoiced.invoiceNumbers())
                + "): difference " + (difference.signum() > 0 ? "+" : "") + difference.toPlainString()
                + (agrees ? " within" : " beyond") + " the tolerance of " + tolerance.toPlainString());
    }

    /** Whether every rule passed. */
    public static boolean clean(List<ValidationResult> results) {
        return results.stream().allMatch(ValidationResult::passed);
    }

    /** The rules that failed. */
    public static List<String> failed(List<ValidationResult> results) {
        return results.stream().filter(r -> !r.passed()).map(ValidationResult::rule).toList();
    }

    /**
     * The period's average daily usage against the history's: the band is chosen by the history's average daily kWh,
     * and the change in percent is compared with the band's high and low thresholds. Without history (a first bill)
     * or with a history of zero usage there is nothing to compare, and no result.
     */
    private static List<ValidationResult> usage(RatedBill bill, UsageHistory history, BillRules rules) {
        Optional<BigDecimal> average = history.averageDailyKwh();
        if (average.isEmpty() || average.get().signum() == 0 || rules.usageBands().isEmpty() || bill.days() <= 0) {
            return List.of();
        }
        BigDecimal before = average.get();
        BillRules.UsageBand band = rules.usageBands().get(0);
        for (BillRules.UsageBand candidate : rules.usageBands()) {
            if (candidate.fromKwhPerDay().compareTo(before) <= 0) {
                band = candidate;
            }
        }
        BigDecimal now = bill.totalKwh().divide(BigDecimal.valueOf(bill.days()), MathContext.DECIMAL64);
        BigDecimal change = now.subtract(before).multiply(HUNDRED).divide(before, MathContext.DECIMAL64);
        String detail = "average " + now.setScale(2, RoundingMode.HALF_UP) + " kWh/day against "
                + before.setScale(2, RoundingMode.HALF_UP) + " kWh/day over " + history.bills() + " bill(s): "
                + (change.signum() >= 0 ? "+" : "") + change.setScale(1, RoundingMode.HALF_UP) + "%";
        return List.of(
                new ValidationResult(HIGH_USAGE, change.compareTo(band.highPercent()) <= 0,
                        detail + " (limit +" + band.highPercent().stripTrailingZeros().toPlainString() + "%)"),
                new ValidationResult(LOW_USAGE, change.compareTo(band.lowPercent().negate()) >= 0,
                        detail + " (limit -" + band.lowPercent().stripTrailingZeros().toPlainString() + "%)"));
    }

    private BillValidation() {
    }
}
