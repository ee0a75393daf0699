package org.metertocash.billing.collections;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The move of pre-pay customers to postpaid (16 TAC §25.498), as configuration ({@code billing.prepay.*}). */
@ConfigMapping(prefix = "billing.prepay")
public interface PrepayConversionConfig {

    /**
     * The postpaid product a converted account is moved to. It must be a POSTPAY product of the catalogue priced for
     * the premise's wires utility; when it is not, the account still moves to post-pay on its current prices and a
     * {@value PrepayConversions#NO_PRODUCT} work item asks for the product.
     */
    @WithDefault("FIXED-12")
    String conversionProduct();
}
