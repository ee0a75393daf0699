package org.metertocash.billing.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Cycles cycles();

    interface Cycles {
        /** Meter-read cycles of the market: ERCOT's TDSPs read on 20. */
        @WithDefault("20")
        int count();
    }
}
