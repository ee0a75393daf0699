package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The average prices an Electricity Facts Label prints (16 TAC §25.475): the average price per kWh at 500, 1000
 * and 2000 kWh of monthly usage,
 * {@code (energy(Q) + base + daily × 30 + fees in band − credits in band + TDU fixed + TDU ¢/kWh × Q) / Q},
 * taxes excluded, shown to 0.1¢ rounded half-up. A time-of-use plan's energy blends its period rates by the usage
 * shares it discloses. The components are the rating function's own charges for a 30-day cycle of monthly usage,
 * added before any rounding, so the label and the bills of a plan cannot disagree.
 */
public final class ElectricityFactsLabel {

    /** The monthly usage levels an EFL prints averages for. */
    public static final List<BigDecimal> USAGE_LEVELS = List.of(BigDecimal.valueOf(500), BigDecimal.valueOf(1000),
            BigDecimal.valueOf(2000));
    /** Days a daily charge counts for on an EFL (and the cycle the base charge is a full cycle of). */
    public static final int DAYS = 30;

    /** One price component at one usage level, unrounded. */
    public record Component(LineKind kind, String code, String description, BigDecimal amount) {
    }

    /**
     * The average at one usage level.
     *
     * @param totalDollars every component added, unrounded
     * @param centsPerKwh the average as printed: cents per kWh to 0.1¢, half-up
     * @param unroundedCentsPerKwh the same average before rounding (to 34 significant digits)
     */
    public record Average(BigDecimal kwh, BigDecimal totalDollars, BigDecimal centsPerKwh,
            BigDecimal unroundedCentsPerKwh, List<Component> components) {
    }

    /** The averages at 500, 1000 and 2000 kWh with the TDU tariff in force on the label's date. */
    public static List<Average> averages(RatePlan plan, TduTariff tariff) {
        List<Average> averages = new ArrayList<>();
        for (BigDecimal kwh : USAGE_LEVELS) {
            averages.add(average(plan, tariff, kwh));
        }
        return averages;
    }

    /** The average price per kWh at any monthly usage above zero. */
    public static Average average(RatePlan plan, TduTariff tariff, BigDecimal kwh) {
        if (kwh.signum() <= 0) {
            throw new IllegalArgumentException("an average price needs usage above zero");
        }
        if (!tariff.tdu().equals(plan.tdu())) {
            throw new IllegalArgumentException(plan.code() + " is priced for " + plan.tdu() + ", not " + tariff.tdu());
        }
        ServicePeriod month = new ServicePeriod(tariff.effectiveDate(), tariff.effectiveDate().plusDays(DAYS));
        List<Charge> charges = Rating.charges(new RatingRequest(plan, List.of(tariff), month, DAYS,
                new Usage.Monthly(kwh), TaxSchedule.NONE));
        BigDecimal total = BigDecimal.ZERO;
        List<Component> components = new ArrayList<>();
        for (Charge charge : charges) {
            total = total.add(charge.exactAmount());
            components.add(new Component(charge.kind(), charge.code(), charge.description(), charge.exactAmount()));
        }
        BigDecimal cents = total.movePointRight(2);
        BigDecimal unrounded = cents.divide(kwh, Rating.EXACT).stripTrailingZeros();
        return new Average(kwh, total, cents.divide(kwh, 1, RoundingMode.HALF_UP),
                unrounded.scale() < 0 ? unrounded.setScale(0) : unrounded, components);
    }

    private ElectricityFactsLabel() {
    }
}
