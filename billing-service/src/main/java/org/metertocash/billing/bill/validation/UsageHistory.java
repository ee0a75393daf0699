package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * An account's billed usage before a period: the kWh and days of its latest posted bills, and how many of the
 * immediately preceding posted bills were billed on estimated reads in a row (newest first, up to the first actual
 * read) — the run a new estimated read would extend.
 *
 * @param bills how many posted bills make the history
 * @param kwh their kWh
 * @param days their days
 * @param estimatedRun the consecutive estimated reads just before the period (0 when the latest posted bill was
 *        billed on an actual read, or there is none)
 */
public record UsageHistory(int bills, BigDecimal kwh, long days, int estimatedRun) {

    public static final UsageHistory NONE = new UsageHistory(0, BigDecimal.ZERO, 0, 0);

    /** A history without estimated reads before the period. */
    public UsageHistory(int bills, BigDecimal kwh, long days) {
        this(bills, kwh, days, 0);
    }

    public UsageHistory {
        if (estimatedRun < 0) {
            throw new IllegalArgumentException("an estimated run cannot be negative: " + estimatedRun);
        }
    }

    /** Average daily kWh of the history; empty when there is none. */
    public Optional<BigDecimal> averageDailyKwh() {
        return bills == 0 || days <= 0 ? Optional.empty()
                : Optional.of(kwh.divide(BigDecimal.valueOf(days), MathContext.DECIMAL64));
    }
}
