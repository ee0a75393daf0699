package org.metertocash.billing.product;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;

import org.metertocash.billing.rating.BandedCharge;
import org.metertocash.billing.rating.EnergyCharge;
import org.metertocash.billing.rating.RatePlan;
import org.metertocash.contracts.common.BillingType;

/**
 * A product as posted and as stored: its identity and its price components, money in dollars and energy rates in
 * cents per kWh. Only a definition that {@link ProductValidation} accepts is stored.
 *
 * @param termMonths the contract term; 0 for month-to-month
 * @param tdu the wires utility whose delivery charges the prices pass through (ONCOR, CNP, AEP_TCC, AEP_TNC, TNMP)
 * @param baseCharge dollars per billing cycle, or absent
 * @param dailyCharge dollars per day, or absent
 * @param fees conditional fees, each applying within its inclusive usage band
 * @param credits usage credits (positive amounts, subtracted), each applying within its inclusive usage band
 * @param prepay the balances of a pre-pay product; absent for post-pay
 */
public record ProductDefinition(String code, String name, BillingType billingType, Integer termMonths, String tdu,
        EnergyChargeTerms energyCharge, BigDecimal baseCharge, BigDecimal dailyCharge, List<BandTerms> fees,
        List<BandTerms> credits, PrepayTerms prepay) {

    public enum EnergyStructure {
        FLAT, TIERED, TIME_OF_USE
    }

    /**
     * The energy charge: {@code FLAT} gives {@code centsPerKwh}; {@code TIERED} gives {@code tiers}; {@code
     * TIME_OF_USE} gives {@code periods}.
     */
    public record EnergyChargeTerms(EnergyStructure type, BigDecimal centsPerKwh, List<TierTerms> tiers,
            List<PeriodTerms> periods) {
    }

    /** A usage block: from {@code fromKwh} to {@code toKwh} (absent on the last, open-ended block). */
    public record TierTerms(BigDecimal fromKwh, BigDecimal toKwh, BigDecimal centsPerKwh) {
    }

    /**
     * A time-of-use period: its rate, the share of usage the EFL discloses for it (0–1, all periods adding up to
     * 1), and its weekly schedule.
     */
    public record PeriodTerms(String name, BigDecimal centsPerKwh, BigDecimal usageShare, List<WindowTerms> schedule) {
    }

    /**
     * Hours of some days: {@code fromHour} 0–23 to {@code toHour} 1–24 (exclusive), local time of the utility. A
     * window whose end is not after its start runs past midnight into the next day (NIGHT 22 → 6).
     */
    public record WindowTerms(List<DayOfWeek> days, Integer fromHour, Integer toHour) {
    }

    /**
     * A fee or credit: an amount in dollars per billing cycle applying when usage is within [{@code minKwh},
     * {@code maxKwh}], both ends inclusive and optional: "$8.00 if usage ≤ 1999 kWh" has maxKwh 1999.
     */
    public record BandTerms(String code, String description, BigDecimal amount, BigDecimal minKwh, BigDecimal maxKwh) {
    }

    /**
     * The balances of prepaid service (16 TAC §25.498), in dollars: warnings go out below the low-balance
     * threshold, disconnection may begin below the disconnection balance (at most $10 for a residential customer),
     * and service starts or reconnects at the connection balance (at most $75).
     */
    public record PrepayTerms(BigDecimal lowBalanceThreshold, BigDecimal disconnectionBalance,
            BigDecimal connectionBalance) {
    }

    /** The price sheet for rating. Only for a definition {@link ProductValidation} accepted. */
    public RatePlan ratePlan() {
        return new RatePlan(code, tdu, energy(), baseCharge, dailyCharge, bands(fees), bands(credits));
    }

    private EnergyCharge energy() {
        return switch (energyCharge.type()) {
            case FLAT -> new EnergyCharge.Flat(energyCharge.centsPerKwh());
            case TIERED -> new EnergyCharge.Tiered(energyCharge.tiers().stream()
                    .map(t -> new EnergyCharge.Tier(t.fromKwh(), t.toKwh(), t.centsPerKwh())).toList());
            case TIME_OF_USE -> new EnergyCharge.TimeOfUse(energyCharge.periods().stream()
                    .map(p -> new EnergyCharge.TouPeriod(p.name(), p.centsPerKwh(), p.usageShare(), p.schedule()
                            .stream().map(w -> new EnergyCharge.TouWindow(EnumSet.copyOf(w.days()), w.fromHour(),
                                    w.toHour())).toList()))
                    .toList());
        };
    }

    private static List<BandedCharge> bands(List<BandTerms> terms) {
        return terms == null ? List.of()
                : terms.stream().map(b -> new BandedCharge(b.code(), b.description(), b.amount(), b.minKwh(),
                        b.maxKwh())).toList();
    }
}
