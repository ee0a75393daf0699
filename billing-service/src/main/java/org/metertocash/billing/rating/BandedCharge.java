package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conditional fee or a usage credit of a price sheet: a positive amount in dollars per billing cycle that applies
 * when the period's usage lies in the inclusive band [{@code minKwh}, {@code maxKwh}] (either end open when null).
 * "$8.00 if usage ≤ 1999 kWh" is a fee with maxKwh 1999 (so nothing at exactly 2000 kWh); "−$35 at ≥ 1000 kWh"
 * is a credit of 35 with minKwh 1000. Whether it is a fee or a credit is decided by the list it is in.
 */
public record BandedCharge(String code, String description, BigDecimal amount, BigDecimal minKwh,
        BigDecimal maxKwh) {

    public BandedCharge {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a fee or credit amount is positive: " + code);
        }
        if (minKwh != null && maxKwh != null && minKwh.compareTo(maxKwh) > 0) {
            throw new IllegalArgumentException("band of " + code + " has minKwh above maxKwh");
        }
        description = description == null || description.isBlank() ? code : description;
    }

    /** Whether usage of {@code kwh} falls in the band, both ends included. */
    public boolean appliesTo(BigDecimal kwh) {
        return (minKwh == null || kwh.compareTo(minKwh) >= 0) && (maxKwh == null || kwh.compareTo(maxKwh) <= 0);
    }
}
