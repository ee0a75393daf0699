package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.billing.rating.RatedBill;

/**
 * Checks a rated bill against the configured rules before it may post (the industry's bill validation rules, see the
 * domain primer): high or low usage against the account's average daily usage history, zero usage on an active
 * premise, an estimated read, a total above the maximum or below the minimum, and an empty bill. A pure function:
 * every rule checked is reported, passed or not, so a reviewer sees what was compared.
 */
public final class BillValidation {

    public static final String HIGH_USAGE = "HIGH_USAGE";
    public static final String LOW_USAGE = "LOW_USAGE";
    public static final String ZERO_USAGE = "ZERO_USAGE";
    public static final String ESTIMATED_READ = "ESTIMATED_READ";
    public static final String AMOUNT_ABOVE_MAXIMUM = "AMOUNT_ABOVE_MAXIMUM";
    public static final String AMOUNT_BELOW_MINIMUM = "AMOUNT_BELOW_MINIMUM";
    public static final String EMPTY_BILL = "EMPTY_BILL";

    /** The reading quality of an estimated read (867 quality codes: ACTUAL, ESTIMATED). */
    public static final String ESTIMATED = "ESTIMATED";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static List<ValidationResult> validate(RatedBill bill, String readingQuality, UsageHistory history,
            BillRules rules) {
        List<ValidationResult> results = new ArrayList<>();
        results.add(new ValidationResult(EMPTY_BILL, !bill.lines().isEmpty(), bill.lines().size() + " line(s)"));
        if (rules.zeroUsage()) {
            results.add(new ValidationResult(ZERO_USAGE, bill.totalKwh().signum() != 0,
                    bill.totalKwh().stripTrailingZeros().toPlainString() + " kWh on an active premise"));
        }
        if (rules.estimatedRead()) {
            boolean estimated = readingQuality != null && readingQuality.toUpperCase().startsWith("EST");
            results.add(new ValidationResult(ESTIMATED_READ, !estimated, "reading quality " + readingQuality));
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
        return results;
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
