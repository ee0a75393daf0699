package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.metertocash.billing.bill.BillsConfig;

/**
 * The validation thresholds as plain values (read from {@link BillsConfig}), so {@link BillValidation} stays a pure
 * function that tests can call with any thresholds.
 *
 * @param usageBands bands of the history's average daily kWh, each from its lower bound
 * @param zeroUsage whether zero usage is flagged
 * @param estimatedRead whether an estimated read is flagged
 * @param maximumAmount a bill total above it is flagged (null: no limit)
 * @param minimumAmount a bill total below it is flagged (null: no limit)
 */
public record BillRules(List<UsageBand> usageBands, boolean zeroUsage, boolean estimatedRead, BigDecimal maximumAmount,
        BigDecimal minimumAmount) {

    /** High/low usage thresholds in percent for histories averaging at least {@code fromKwhPerDay}. */
    public record UsageBand(BigDecimal fromKwhPerDay, BigDecimal highPercent, BigDecimal lowPercent) {
        public UsageBand {
            Objects.requireNonNull(fromKwhPerDay, "fromKwhPerDay");
            Objects.requireNonNull(highPercent, "highPercent");
            Objects.requireNonNull(lowPercent, "lowPercent");
        }
    }

    public BillRules {
        usageBands = usageBands == null ? List.of()
                : usageBands.stream().sorted(Comparator.comparing(UsageBand::fromKwhPerDay)).toList();
    }

    public static BillRules of(BillsConfig.Validation config) {
        return new BillRules(config.usage().bands().values().stream()
                .map(b -> new UsageBand(b.fromKwhPerDay(), b.highPercent(), b.lowPercent())).toList(),
                config.zeroUsage(), config.estimatedRead(), config.amount().maximum(), config.amount().minimum());
    }
}
