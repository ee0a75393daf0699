package org.metertocash.billing.product;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Market rules products are checked against. */
@ConfigMapping(prefix = "billing.products")
public interface ProductConfig {

    Prepay prepay();

    interface Prepay {
        /** 16 TAC §25.498: the disconnection balance of a residential customer is at most $10. */
        @WithDefault("10.00")
        BigDecimal maxDisconnectionBalance();

        /** 16 TAC §25.498: the balance required to connect or reconnect service is at most $75. */
        @WithDefault("75.00")
        BigDecimal maxConnectionBalance();
    }
}
