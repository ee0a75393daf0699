package org.metertocash.billing.rating.taxes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Taxes and assessments per jurisdiction, as configuration: {@code billing.rating.jurisdictions.<jurisdiction>.
 * taxes.<code>.percent} (and {@code .description}). Rates change by ordinance, so they are never code.
 */
@ConfigMapping(prefix = "billing.rating")
public interface TaxConfig {

    Map<String, Jurisdiction> jurisdictions();

    interface Jurisdiction {
        Map<String, Tax> taxes();
    }

    interface Tax {
        /** As printed on the bill; the code when absent. */
        Optional<String> description();

        /** Percent of the taxable base: 1.997 is 1.997 %. */
        BigDecimal percent();
    }
}
