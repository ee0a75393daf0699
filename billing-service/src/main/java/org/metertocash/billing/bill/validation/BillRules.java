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
 * @param estimatedRead whether an estimated read is flagged (every one)
 * @param maximumAmount a bill total above it is flagged (null: no limit)
 * @param minimumAmount a bill total below it is flagged (null: no limit)
 * @param consecutiveEstimatesAllowance how many estimated reads in a row pass; one more is flagged (null: the
 *        CONSECUTIVE_ESTIMATES rule is off)
 * @param tdspInvoiceTolerance how far, in dollars, the TDSP's invoiced delivery charges may be from the bill's TDU
 *        lines and still agree (null: the TDSP_INVOICE_MISMATCH rule is off)
 */
public record BillRules(List<UsageBand> usageBands, boolean zeroUsage, boolean estimatedRead, BigDecimal maximumAmount,
        BigDecimal minimumAmount, Integer consecutiveEstimatesAllowance, BigDecimal tdspInvoiceTolerance) {

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
        if (consecutiveEstimatesAllowance != null && consecutiveEstimatesAllowance < 0) {
            throw new IllegalArgumentException("the consecutive estimates allowance cannot be negative");
        }
        if (tdspInvoiceTolerance != null && tdspInvoiceTolerance.signum() < 0) {
            throw new IllegalArgumentException("the TDSP invoice tolerance cannot be negative");
        }
    }

    /** Rules without the consecutive-estimates and TDSP invoice checks. */
    public BillRules(List<UsageBand> usageBands, boolean zeroUsage, boolean estimatedRead, BigDecimal maximumAmount,
            BigDecimal minimumAmount) {
        this(usageBands, zeroUsage, estimatedRead, maximumAmount, minimumAmount, null, null);
    }

    /** Whether CONSECUTIVE_ESTIMATES is checked. */
    public boolean checksConsecutiveEstimates() {
        return consecutiveEstimatesAllowance != null;
    }

    /** Whether TDSP_INVOICE_MISMATCH is checked (and so whether the period's invoices need looking up). */
    public boolean checksTdspInvoice() {
        return tdspInvoiceTolerance != null;
    }

    /** These rules with CONSECUTIVE_ESTIMATES at the given allowance (null: off). */
    public BillRules withConsecutiveEstimatesAllowance(Integer allowance) {
        return new BillRules(usageBands, zeroUsage, estimatedRead, maximumAmount, minimumAmount, allowance,
                tdspInvoiceTolerance);
    }

    /** These rules with TDSP_INVOICE_MISMATCH at the given tolerance (null: off). */
    public BillRules withTdspInvoiceTolerance(BigDecimal tolerance) {
        return new BillRules(usageBands, zeroUsage, estimatedRead, maximumAmount, minimumAmount,
                consecutiveEstimatesAllowance, tolerance);
    }

    public static BillRules of(BillsConfig.Validation config) {
        return new BillRules(config.usage().bands().values().stream()
                .map(b -> new UsageBand(b.fromKwhPerDay(), b.highPercent(), b.lowPercent())).toList(),
                config.zeroUsage(), config.estimatedRead(), config.amount().maximum(), config.amount().minimum(),
                config.consecutiveEstimates().enabled() ? config.consecutiveEstimates().allowance() : null,
                config.tdspInvoice().enabled() ? config.tdspInvoice().tolerance() : null);
    }
}
