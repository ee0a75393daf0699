package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.util.Objects;

/** A tax or assessment charged as a percentage of the taxable base, e.g. a city sales tax of 1% ({@code percent} 1). */
public record TaxRate(String code, String description, BigDecimal percent) {

    public TaxRate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(percent, "percent");
        description = description == null || description.isBlank() ? code : description;
    }
}
