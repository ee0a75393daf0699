package org.metertocash.billing.bill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the bill run works at scale ({@code billing.bill-run.*}); how often it runs and how many reads go in one
 * transaction are {@link BillsConfig#runEvery()} and {@link BillsConfig#runBatchSize()}.
 */
@ConfigMapping(prefix = "billing.bill-run")
public interface BillRunConfig {

    /** Threads drafting batches of reads at the same time, each with its own transaction and connection. */
    @WithDefault("1")
    int workers();

    /** A progress line is logged each time this many more reads are dealt with (and at the end of the run). */
    @WithDefault("10000")
    int progressEvery();
}
