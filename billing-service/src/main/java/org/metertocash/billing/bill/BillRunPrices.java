package org.metertocash.billing.bill;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.metertocash.billing.rating.RatePlan;
import org.metertocash.billing.rating.TaxSchedule;
import org.metertocash.billing.rating.TduTariff;

/**
 * The prices one bill run rates with, each looked up once for the whole run instead of once per bill: the products'
 * price sheets (also the absence of one), the TDU tariff versions in force during each service period, and each
 * jurisdiction's taxes. All are values, so bills of the same run are rated on the same prices; a price changed while
 * the run goes counts from the next run (products never change; a tariff or tax correction is not retroactive to a
 * run already under way). Drafting a single read uses a fresh one, i.e. no caching.
 */
public final class BillRunPrices {

    private record TariffKey(String tdu, LocalDate start, LocalDate end) {
    }

    private final Map<String, Optional<RatePlan>> plans = new ConcurrentHashMap<>();
    private final Map<TariffKey, List<TduTariff>> tariffs = new ConcurrentHashMap<>();
    private final Map<String, TaxSchedule> taxes = new ConcurrentHashMap<>();

    Optional<RatePlan> ratePlan(String productCode, Function<String, Optional<RatePlan>> lookup) {
        return remembered(plans, productCode, () -> lookup.apply(productCode));
    }

    List<TduTariff> tariffs(String tdu, LocalDate start, LocalDate end, Supplier<List<TduTariff>> lookup) {
        return remembered(tariffs, new TariffKey(tdu, start, end), lookup);
    }

    TaxSchedule taxes(String jurisdiction, Function<String, TaxSchedule> lookup) {
        return remembered(taxes, String.valueOf(jurisdiction), () -> lookup.apply(jurisdiction));
    }

    // not computeIfAbsent: the lookup may ask the database, which must not happen under the map's lock
    private static <K, V> V remembered(Map<K, V> map, K key, Supplier<V> lookup) {
        V known = map.get(key);
        if (known != null) {
            return known;
        }
        V found = lookup.get();
        map.putIfAbsent(key, found);
        return found;
    }
}
