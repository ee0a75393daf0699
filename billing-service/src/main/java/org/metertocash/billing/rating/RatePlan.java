package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A product's price sheet as rating needs it — the components its Electricity Facts Label lists (16 TAC §25.475):
 * the energy charge, a base charge per billing cycle and/or a daily charge, conditional fees and usage credits by
 * usage band; and the wires utility (TDU) whose delivery charges are passed through.
 *
 * @param code the product code (for descriptions only)
 * @param tdu the TDU whose tariffs apply
 * @param baseCharge dollars per billing cycle, or null
 * @param dailyCharge dollars per day, or null
 * @param fees added when the usage is in their band
 * @param credits subtracted when the usage is in their band (amounts are positive)
 */
public record RatePlan(String code, String tdu, EnergyCharge energy, BigDecimal baseCharge, BigDecimal dailyCharge,
        List<BandedCharge> fees, List<BandedCharge> credits) {

    public RatePlan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(tdu, "tdu");
        Objects.requireNonNull(energy, "energy");
        if (baseCharge != null && baseCharge.signum() < 0 || dailyCharge != null && dailyCharge.signum() < 0) {
            throw new IllegalArgumentException("base and daily charges are not negative");
        }
        fees = fees == null ? List.of() : List.copyOf(fees);
        credits = credits == null ? List.of() : List.copyOf(credits);
    }
}
