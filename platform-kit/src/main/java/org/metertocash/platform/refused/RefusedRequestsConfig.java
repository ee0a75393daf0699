package org.metertocash.platform.refused;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which refused requests are kept, and how much of each. */
@ConfigMapping(prefix = "platform.refused-requests")
public interface RefusedRequestsConfig {

    /** Keep refused write requests at all. */
    @WithDefault("true")
    boolean enabled();

    /** Bodies longer than this are kept truncated (their full length is recorded). */
    @WithDefault("262144")
    int maxBodyBytes();

    /**
     * Paths (regular expressions matched against the whole request path) whose endpoints keep refused input
     * themselves, e.g. {@code /payment-files.*}: not kept here a second time.
     */
    Optional<List<String>> excludePaths();
}
