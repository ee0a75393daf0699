package org.metertocash.billing.rating.taxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.billing.rating.TaxRate;
import org.metertocash.billing.rating.TaxSchedule;

/**
 * The tax schedule of a jurisdiction, for the rating function. A jurisdiction is a configured key (by convention
 * the service address's city in lower case with hyphens, e.g. {@code dallas}, {@code fort-worth}); a premise in a
 * jurisdiction that is not configured pays the {@code default} schedule. Taxes are listed by code.
 */
@ApplicationScoped
// kept although only the bill run (and tests) call it: its configuration mapping must exist for the service to start
@io.quarkus.arc.Unremovable
public class TaxJurisdictions {

    public static final String DEFAULT = "default";

    @Inject
    TaxConfig config;

    public TaxSchedule schedule(String jurisdiction) {
        Map<String, TaxConfig.Jurisdiction> all = config.jurisdictions();
        String key = jurisdiction == null ? DEFAULT : jurisdiction.trim().toLowerCase().replaceAll("\\s+", "-");
        TaxConfig.Jurisdiction found = all.get(key);
        if (found == null) {
            key = DEFAULT;
            found = all.get(DEFAULT);
        }
        if (found == null) {
            return new TaxSchedule(DEFAULT, List.of());
        }
        List<TaxRate> rates = new ArrayList<>();
        new TreeMap<>(found.taxes()).forEach((code, tax) -> rates.add(new TaxRate(code,
                tax.description().orElse(code), tax.percent())));
        return new TaxSchedule(key, rates);
    }
}
