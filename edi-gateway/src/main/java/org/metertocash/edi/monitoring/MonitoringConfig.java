package org.metertocash.edi.monitoring;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a partner has to answer our outbound transactions, and how often that is checked. */
@ConfigMapping(prefix = "edi.monitoring")
public interface MonitoringConfig {

    /** How often the check runs (a Quarkus scheduler period such as 1m or 2s); read by the {@code @Scheduled}. */
    @WithDefault("1m")
    String interval();

    /** Texas SET: a 997 is owed within 24 hours of receipt. */
    @WithDefault("PT24H")
    Duration functionalAckWindow();

    /**
     * The business response window per Texas SET transaction set we send, e.g. {@code "814_01"=P5D}: the response
     * (814_05 or 814_02 for an 814_01) must have arrived within it. Sets not listed are not watched.
     */
    Map<String, Duration> responseWindow();

    /** The most overdue transactions raised per kind and pass. */
    @WithDefault("200")
    int batchSize();
}
