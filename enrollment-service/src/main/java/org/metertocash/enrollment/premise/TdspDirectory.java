package org.metertocash.enrollment.premise;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds the wires utility behind an ESI ID from the configured prefixes (longest prefix wins). */
@ApplicationScoped
public class TdspDirectory {

    public record Tdsp(String code, String name, String duns, int esiIdLength) {
    }

    private final MarketConfig config;

    public TdspDirectory(MarketConfig config) {
        this.config = config;
    }

    public Optional<Tdsp> forEsiId(String esiId) {
        return config.tdsps().entrySet().stream()
                .flatMap(entry -> entry.getValue().esiIdPrefixes().stream()
                        .filter(esiId::startsWith)
                        .map(prefix -> Map.entry(prefix, entry)))
                .max(Comparator.comparingInt(match -> match.getKey().length()))
                .map(match -> {
                    var tdsp = match.getValue();
                    return new Tdsp(tdsp.getKey().toUpperCase(), tdsp.getValue().name(), tdsp.getValue().duns(),
                            tdsp.getValue().esiIdLength());
                });
    }
}
