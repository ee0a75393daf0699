package org.metertocash.enrollment.tpv;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** Which products need a third-party verification before their enrollments go to the market. */
@ConfigMapping(prefix = "enrollment.tpv")
public interface TpvConfig {

    /** Product codes (e.g. door-to-door plans) whose enrollments wait for a TPV; none when unset. */
    Optional<Set<String>> requiredForProducts();

    default boolean required(String productCode) {
        return requiredForProducts().map(products -> products.contains(productCode)).orElse(false);
    }
}
