package org.metertocash.payment.returns;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code payment.returns.*}: when returns of auto-draft debits suspend the mandate. */
@ConfigMapping(prefix = "payment.returns")
public interface ReturnsConfig {

    /** How many returns within {@link #suspendWithin()} suspend a mandate. */
    @WithDefault("2")
    int suspendAfter();

    /** The period the returns are counted over, back from the latest one. */
    @WithDefault("P180D")
    Duration suspendWithin();

    /**
     * Return reasons after which the same authorisation must not be debited again, so one suspends the mandate at
     * once: the account is closed, missing, invalid or frozen (R02, R03, R04, R16, R20), the customer revoked or
     * disputes the authorisation or stopped the payment (R05, R07, R08, R10, R29 — NACHA Operating Rules: a new
     * authorisation is needed), the holder died (R14, R15).
     */
    @WithDefault("R02,R03,R04,R05,R07,R08,R10,R14,R15,R16,R20,R29")
    Set<String> suspendImmediately();
}
