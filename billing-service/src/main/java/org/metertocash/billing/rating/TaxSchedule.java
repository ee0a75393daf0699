package org.metertocash.billing.rating;

import java.util.List;

/** The taxes and assessments of one jurisdiction, each a separate bill line, in this order. */
public record TaxSchedule(String jurisdiction, List<TaxRate> rates) {

    /** No taxes: what the EFL averages use (they exclude taxes). */
    public static final TaxSchedule NONE = new TaxSchedule("none", List.of());

    public TaxSchedule {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }
}
