package org.metertocash.billing.prepay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pre-pay job, as configuration ({@code billing.prepay.*}). */
@ConfigMapping(prefix = "billing.prepay")
public interface PrepayConfig {

    /** How often the job charges new days and re-reads balances (a scheduler period such as 1m or 2s). */
    @WithDefault("1m")
    String runEvery();

    /** How many meter reads, and how many account balances, the job takes per batch. */
    @WithDefault("200")
    int runBatchSize();
}
