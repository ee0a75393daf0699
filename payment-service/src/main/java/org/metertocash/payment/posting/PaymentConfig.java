package org.metertocash.payment.posting;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code payment.rules.*}: the tunable rules every payment is checked against, whatever its channel. */
@ConfigMapping(prefix = "payment.rules")
public interface PaymentConfig {

    /** How far in the future a payment's received-at may lie (callers' clocks drift); later is refused. */
    @WithDefault("PT5M")
    Duration receivedAtFutureTolerance();

    /** The largest single payment taken; a larger one is refused as a likely keying error. */
    @WithDefault("1000000.00")
    BigDecimal maxAmount();
}
