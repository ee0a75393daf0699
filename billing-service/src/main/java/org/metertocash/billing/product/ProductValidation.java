package org.metertocash.billing.product;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.metertocash.billing.product.ProductDefinition.BandTerms;
import org.metertocash.billing.product.ProductDefinition.EnergyChargeTerms;
import org.metertocash.billing.product.ProductDefinition.PeriodTerms;
import org.metertocash.billing.product.ProductDefinition.PrepayTerms;
import org.metertocash.billing.product.ProductDefinition.TierTerms;
import org.metertocash.billing.product.ProductDefinition.WindowTerms;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.problem.FieldError;

/**
 * Refuses impossible products, naming every field at fault: negative rates and amounts, tiers that overlap, leave
 * a gap or leave usage unpriced, time-of-use shares not adding up to 1 or schedules leaving an hour of the week in
 * no period or in two, bands whose minimum is above their maximum, and pre-pay balances beyond §25.498's caps.
 */
public final class ProductValidation {

    static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,39}";
    private static final int HOURS_PER_WEEK = 7 * 24;

    /**
     * @param knownTdu whether a TDU has delivery tariffs (a product passes its charges through, so it must)
     * @param maxDisconnectionBalance §25.498's cap on the disconnection balance of a residential customer ($10)
     * @param maxConnectionBalance §25.498's cap on the balance required to connect or reconnect ($75)
     */
    public static List<FieldError> check(ProductDefinition p, Predicate<String> knownTdu,
            BigDecimal maxDisconnectionBalance, BigDecimal maxConnectionBalance) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null) {
            errors.add(new FieldError("body", "must describe a product"));
            return errors;
        }
        if (p.code() == null || !p.code().matches(CODE)) {
            errors.add(new FieldError("code", "must be 1–40 capitals, digits, '.', '_' or '-', e.g. FIXED-12"));
        }
        if (p.name() == null || p.name().isBlank() || p.name().length() > 120) {
            errors.add(new FieldError("name", "is required, at most 120 characters"));
        }
        if (p.billingType() == null) {
            errors.add(new FieldError("billingType", "is required: POSTPAY or PREPAY"));
        }
        if (p.termMonths() == null || p.termMonths() < 0 || p.termMonths() > 120) {
            errors.add(new FieldError("termMonths", "is required: 0 (month-to-month) to 120"));
        }
        if (p.tdu() == null || p.tdu().isBlank()) {
            errors.add(new FieldError("tdu", "is required, e.g. ONCOR"));
        } else if (!knownTdu.test(p.tdu())) {
            errors.add(new FieldError("tdu", "has no delivery tariff: record one with PUT /tdu-tariffs/" + p.tdu()
                    + "/{effectiveDate} first"));
        }
        energy(p.energyCharge(), errors);
        notNegative("baseCharge", p.baseCharge(), "dollars per billing cycle", errors);
        notNegative("dailyCharge", p.dailyCharge(), "dollars per day", errors);
        bands("fees", p.fees(), errors);
        bands("credits", p.credits(), errors);
        prepay(p, maxDisconnectionBalance, maxConnectionBalance, errors);
        return errors;
    }

    private static void energy(EnergyChargeTerms energy, List<FieldError> errors) {
        if (energy == null || energy.type() == null) {
            errors.add(new FieldError("energyCharge.type", "is required: FLAT, TIERED or TIME_OF_USE"));
            return;
        }
        switch (energy.type()) {
            case FLAT -> {
                rate("energyCharge.centsPerKwh", energy.centsPerKwh(), errors);
                absent("energyCharge.tiers", energy.tiers(), "FLAT", errors);
                absent("energyCharge.periods", energy.periods(), "FLAT", errors);
            }
            case TIERED -> {
                if (energy.centsPerKwh() != null) {
                    errors.add(new FieldError("energyCharge.centsPerKwh", "is for FLAT; a TIERED charge rates its tiers"));
                }
                absent("energyCharge.periods", energy.periods(), "TIERED", errors);
                tiers(energy.tiers(), errors);
            }
            case TIME_OF_USE -> {
                if (energy.centsPerKwh() != null) {
                    errors.add(new FieldError("energyCharge.centsPerKwh",
                            "is for FLAT; a TIME_OF_USE charge rates its periods"));
                }
                absent("energyCharge.tiers", energy.tiers(), "TIME_OF_USE", errors);
                periods(energy.periods(), errors);
            }
        }
    }

    private static void tiers(List<TierTerms> tiers, List<FieldError> errors) {
        if (tiers == null || tiers.isEmpty()) {
            errors.add(new FieldError("energyCharge.tiers", "are required for a TIERED charge"));
            return;
        }
        for (int i = 0; i < tiers.size(); i++) {
            String field = "energyCharge.tiers[" + i + "]";
            TierTerms tier = tiers.get(i);
            if (tier == null) {
                errors.add(new FieldError(field, "must be a tier"));
                continue;
            }
            rate(field + ".centsPerKwh", tier.centsPerKwh(), errors);
            if (tier.fromKwh() == null || tier.fromKwh().signum() < 0) {
                errors.add(new FieldError(field + ".fromKwh", "is required, 0 or more kWh"));
                continue;
            }
            if (i == 0 && tier.fromKwh().signum() != 0) {
                errors.add(new FieldError(field + ".fromKwh", "must be 0: the first tier starts at the first kWh"));
            }
            if (tier.toKwh() != null && tier.toKwh().compareTo(tier.fromKwh()) <= 0) {
                errors.add(new FieldError(field + ".toKwh", "must be above fromKwh"));
            }
            boolean last = i == tiers.size() - 1;
            if (last && tier.toKwh() != null) {
                errors.add(new FieldError(field + ".toKwh",
                        "must be absent: the last tier is open-ended, or usage above " + tier.toKwh().toPlainString()
                                + " kWh would have no price"));
            }
            if (!last && tier.toKwh() == null) {
                errors.add(new FieldError(field + ".toKwh", "is required: only the last tier is open-ended"));
            }
            if (i > 0 && tiers.get(i - 1) != null && tiers.get(i - 1).toKwh() != null) {
                BigDecimal previousEnd = tiers.get(i - 1).toKwh();
                int c = tier.fromKwh().compareTo(previousEnd);
                if (c < 0) {
                    errors.add(new FieldError(field + ".fromKwh", "overlaps tier " + (i - 1) + ", which runs to "
                            + previousEnd.toPlainString() + " kWh"));
                } else if (c > 0) {
                    errors.add(new FieldError(field + ".fromKwh", "leaves a gap: tier " + (i - 1) + " ends at "
                            + previousEnd.toPlainString() + " kWh"));
                }
            }
        }
    }

    private static void periods(List<PeriodTerms> periods, List<FieldError> errors) {
        if (periods == null || periods.isEmpty()) {
            errors.add(new FieldError("energyCharge.periods", "are required for a TIME_OF_USE charge"));
            return;
        }
        BigDecimal shares = BigDecimal.ZERO;
        boolean sharesComplete = true;
        Set<String> names = new HashSet<>();
        // which period (and window) claims each hour of the week, Monday 00:00 = 0
        int[] periodOfHour = new int[HOURS_PER_WEEK];
        Arrays.fill(periodOfHour, -1);
        Map<String, List<Integer>> doubleCovered = new HashMap<>();
        boolean schedulesComplete = true;
        for (int p = 0; p < periods.size(); p++) {
            String field = "energyCharge.periods[" + p + "]";
            PeriodTerms period = periods.get(p);
            if (period == null) {
                errors.add(new FieldError(field, "must be a period"));
                sharesComplete = schedulesComplete = false;
                continue;
            }
            if (period.name() == null || period.name().isBlank()) {
                errors.add(new FieldError(field + ".name", "is required, e.g. NIGHT"));
            } else if (!names.add(period.name())) {
                errors.add(new FieldError(field + ".name", "is used by another period"));
            }
            rate(field + ".centsPerKwh", period.centsPerKwh(), errors);
            if (period.usageShare() == null || period.usageShare().signum() < 0
                    || period.usageShare().compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError(field + ".usageShare", "is required: the share of usage the EFL discloses, 0 to 1"));
                sharesComplete = false;
            } else {
                shares = shares.add(period.usageShare());
            }
            if (period.schedule() == null || period.schedule().isEmpty()) {
                errors.add(new FieldError(field + ".schedule", "is required: the days and hours of the period"));
                schedulesComplete = false;
                continue;
            }
            for (int w = 0; w < period.schedule().size(); w++) {
                String windowField = field + ".schedule[" + w + "]";
                int[] hours = hours(period.schedule().get(w), windowField, errors);
                if (hours == null) {
                    schedulesComplete = false;
                    continue;
                }
                for (int hour : hours) {
                    if (periodOfHour[hour] == -1) {
                        periodOfHour[hour] = p;
                    } else {
                        doubleCovered.computeIfAbsent(windowField, k -> new ArrayList<>()).add(hour);
                    }
                }
            }
        }
        if (sharesComplete && shares.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError("energyCharge.periods", "usage shares add up to " + shares.toPlainString()
                    + ", not 1"));
        }
        doubleCovered.forEach((field, hours) -> errors.add(new FieldError(field,
                "covers hours another window already covers: " + describe(hours))));
        if (schedulesComplete) {
            List<Integer> uncovered = new ArrayList<>();
            for (int hour = 0; hour < HOURS_PER_WEEK; hour++) {
                if (periodOfHour[hour] == -1) {
                    uncovered.add(hour);
                }
            }
            if (!uncovered.isEmpty()) {
                errors.add(new FieldError("energyCharge.periods", "no period covers " + describe(uncovered)));
            }
        }
    }

    /** The hours of the week a window covers, or null (with an error) when it is not a window. */
    private static int[] hours(WindowTerms window, String field, List<FieldError> errors) {
        if (window == null) {
            errors.add(new FieldError(field, "must be a window of days and hours"));
            return null;
        }
        boolean valid = true;
        if (window.days() == null || window.days().isEmpty() || window.days().stream().anyMatch(day -> day == null)) {
            errors.add(new FieldError(field + ".days", "are required: MONDAY … SUNDAY"));
            valid = false;
        } else if (new HashSet<>(window.days()).size() != window.days().size()) {
            errors.add(new FieldError(field + ".days", "name a day twice"));
            valid = false;
        }
        if (window.fromHour() == null || window.fromHour() < 0 || window.fromHour() > 23) {
            errors.add(new FieldError(field + ".fromHour", "is required: 0 to 23"));
            valid = false;
        }
        if (window.toHour() == null || window.toHour() < 1 || window.toHour() > 24) {
            errors.add(new FieldError(field + ".toHour", "is required: 1 to 24 (a window ending at or before its start runs past midnight)"));
            valid = false;
        } else if (window.toHour().equals(window.fromHour())) {
            errors.add(new FieldError(field + ".toHour", "must differ from fromHour"));
            valid = false;
        }
        if (!valid) {
            return null;
        }
        int from = window.fromHour();
        int to = window.toHour();
        int length = to > from ? to - from : 24 - from + to;
        int[] hours = new int[window.days().size() * length];
        int i = 0;
        for (DayOfWeek day : window.days()) {
            for (int h = 0; h < length; h++) {
                hours[i++] = ((day.getValue() - 1) * 24 + from + h) % HOURS_PER_WEEK;
            }
        }
        return hours;
    }

    /** Hours of the week as runs: "MONDAY 03:00–05:00, SATURDAY 22:00–24:00". */
    static String describe(List<Integer> hours) {
        List<Integer> sorted = hours.stream().distinct().sorted().toList();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int first = sorted.get(i);
            int last = first;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == last + 1 && (last + 1) % 24 != 0) {
                last = sorted.get(++i);
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(DayOfWeek.of(first / 24 + 1)).append(String.format(" %02d:00–%02d:00", first % 24, last % 24 + 1));
            i++;
        }
        return text.toString();
    }

    private static void bands(String list, List<BandTerms> bands, List<FieldError> errors) {
        if (bands == null) {
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            String field = list + "[" + i + "]";
            BandTerms band = bands.get(i);
            if (band == null) {
                errors.add(new FieldError(field, "must be a fee or credit"));
                continue;
            }
            if (band.code() == null || !band.code().matches(CODE)) {
                errors.add(new FieldError(field + ".code", "must be 1–40 capitals, digits, '.', '_' or '-'"));
            } else if (!codes.add(band.code())) {
                errors.add(new FieldError(field + ".code", "is used twice in " + list));
            }
            if (band.description() != null && band.description().length() > 200) {
                errors.add(new FieldError(field + ".description", "must be at most 200 characters"));
            }
            if (band.amount() == null || band.amount().signum() <= 0) {
                errors.add(new FieldError(field + ".amount", list.equals("credits")
                        ? "must be more than 0 dollars (a credit's amount is subtracted)"
                        : "must be more than 0 dollars"));
            }
            notNegative(field + ".minKwh", band.minKwh(), "kWh", errors);
            notNegative(field + ".maxKwh", band.maxKwh(), "kWh", errors);
            if (band.minKwh() != null && band.maxKwh() != null && band.minKwh().compareTo(band.maxKwh()) > 0) {
                errors.add(new FieldError(field + ".maxKwh", "must not be below minKwh ("
                        + band.minKwh().toPlainString() + "): no usage would be in the band"));
            }
        }
    }

    private static void prepay(ProductDefinition p, BigDecimal maxDisconnection, BigDecimal maxConnection,
            List<FieldError> errors) {
        PrepayTerms prepay = p.prepay();
        if (p.billingType() != BillingType.PREPAY) {
            if (prepay != null) {
                errors.add(new FieldError("prepay", "is only for PREPAY products"));
            }
            return;
        }
        if (prepay == null) {
            errors.add(new FieldError("prepay", "is required for a PREPAY product: lowBalanceThreshold, "
                    + "disconnectionBalance, connectionBalance"));
            return;
        }
        BigDecimal disconnection = prepay.disconnectionBalance();
        // 16 TAC §25.498: the disconnection balance of a residential customer is at most $10
        if (disconnection == null || disconnection.signum() < 0 || disconnection.compareTo(maxDisconnection) > 0) {
            errors.add(new FieldError("prepay.disconnectionBalance", "is required: 0 to "
                    + maxDisconnection.toPlainString() + " dollars (16 TAC §25.498)"));
            disconnection = null;
        }
        // 16 TAC §25.498: the balance required to connect or reconnect is at most $75
        if (prepay.connectionBalance() == null || prepay.connectionBalance().signum() < 0
                || prepay.connectionBalance().compareTo(maxConnection) > 0) {
            errors.add(new FieldError("prepay.connectionBalance", "is required: 0 to " + maxConnection.toPlainString()
                    + " dollars (16 TAC §25.498)"));
        } else if (disconnection != null && prepay.connectionBalance().compareTo(disconnection) <= 0) {
            errors.add(new FieldError("prepay.connectionBalance",
                    "must be above the disconnection balance, or a reconnected account could be disconnected at once"));
        }
        // warnings go out before disconnection (§25.498), so the warning threshold sits above the disconnection balance
        if (prepay.lowBalanceThreshold() == null) {
            errors.add(new FieldError("prepay.lowBalanceThreshold", "is required, in dollars"));
        } else if (disconnection != null && prepay.lowBalanceThreshold().compareTo(disconnection) <= 0) {
            errors.add(new FieldError("prepay.lowBalanceThreshold",
                    "must be above the disconnection balance, so the warning comes before disconnection"));
        }
    }

    private static void rate(String field, BigDecimal centsPerKwh, List<FieldError> errors) {
        if (centsPerKwh == null) {
            errors.add(new FieldError(field, "is required, in cents per kWh"));
        } else if (centsPerKwh.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static void notNegative(String field, BigDecimal value, String unit, List<FieldError> errors) {
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative (" + unit + ")"));
        }
    }

    private static void absent(String field, List<?> value, String type, List<FieldError> errors) {
        if (value != null && !value.isEmpty()) {
            errors.add(new FieldError(field, "are not part of a " + type + " charge"));
        }
    }

    private ProductValidation() {
    }
}
