package org.metertocash.billing.ledger;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code billing.ledger.*}: the ledger's tunable rules. */
@ConfigMapping(prefix = "billing.ledger")
public interface LedgerConfig {

    /** Fee charged when a payment comes back (NACHA return, dishonoured check); 0 charges none. */
    @WithDefault("0")
    BigDecimal returnedPaymentFee();
}
