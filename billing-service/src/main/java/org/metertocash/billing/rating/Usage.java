package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A service period's metered usage: one monthly total, or interval values (AMS meters, usually 15 minutes). */
public sealed interface Usage permits Usage.Monthly, Usage.Interval {

    /** The period's kWh. */
    BigDecimal totalKwh();

    /** A monthly (register) read: only the total is known. */
    record Monthly(BigDecimal totalKwh) implements Usage {
        public Monthly {
            Objects.requireNonNull(totalKwh, "totalKwh");
            if (totalKwh.signum() < 0) {
                throw new IllegalArgumentException("usage is not negative");
            }
        }
    }

    /**
     * Interval usage: {@code kwh.get(i)} was consumed in the {@code minutes} starting at
     * {@code start + i × minutes}. Instants, not local times, so the short and the long day of daylight saving
     * time need no special handling here.
     */
    record Interval(Instant start, int minutes, List<BigDecimal> kwh, BigDecimal totalKwh) implements Usage {
        public Interval {
            Objects.requireNonNull(start, "start");
            kwh = List.copyOf(kwh);
            if (minutes < 1) {
                throw new IllegalArgumentException("intervals last at least a minute");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal value : kwh) {
                if (value.signum() < 0) {
                    throw new IllegalArgumentException("usage is not negative");
                }
                sum = sum.add(value);
            }
            totalKwh = sum;
        }

        public Interval(Instant start, int minutes, List<BigDecimal> kwh) {
            this(start, minutes, kwh, null);
        }
    }
}
