package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** An account's billed usage before a period: the kWh and days of its latest posted bills. */
public record UsageHistory(int bills, BigDecimal kwh, long days) {

    public static final UsageHistory NONE = new UsageHistory(0, BigDecimal.ZERO, 0);

    /** Average daily kWh of the history; empty when there is none. */
    public Optional<BigDecimal> averageDailyKwh() {
        return bills == 0 || days <= 0 ? Optional.empty()
                : Optional.of(kwh.divide(BigDecimal.valueOf(days), MathContext.DECIMAL64));
    }
}
