package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.dunning.gates.Gates;
import org.metertocash.dunning.serviceorders.ServiceOrder;
import org.metertocash.platform.status.StatusContributor;

/**
 * Collections on {@code GET /status} (under {@code entities}): {@code collectionAccounts} — accounts by state;
 * {@code disconnectsPendingToday} — accounts whose disconnection is due (pending), held by a gate, and disconnect
 * orders requested today; {@code moratoriumCountiesToday} — each county under an extreme-weather moratorium today with
 * the number of our accounts in it.
 */
@ApplicationScoped
public class CollectionCounts implements StatusContributor {

    @Inject
    Gates gates;

    @Inject
    Clock clock;

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> byState = new TreeMap<>();
        CollectionAccount.getEntityManager()
                .createQuery("select a.state, count(a) from CollectionAccount a group by a.state", Object[].class)
                .getResultList().forEach(row -> byState.put(row[0].toString(), (Long) row[1]));

        Map<String, Long> disconnects = new LinkedHashMap<>();
        disconnects.put("pending", byState.getOrDefault(CollectionState.DISCONNECT_PENDING.name(), 0L));
        disconnects.put("held", byState.getOrDefault(CollectionState.DISCONNECT_HELD.name(), 0L));
        disconnects.put("requested", ServiceOrder.count("requestedOn = ?1 and kind = ?2", today,
                ServiceOrder.Kind.DISCONNECT));

        Map<String, Long> counties = new TreeMap<>();
        for (String county : gates.moratoriumCountiesOn(today)) {
            String name = county.trim().toLowerCase(Locale.ROOT);
            counties.put(county, CollectionAccount.count(
                    "lower(trim(county)) = ?1 or lower(trim(county)) = ?2", name, name + " county"));
        }
        Map<String, Map<String, Long>> entities = new LinkedHashMap<>();
        entities.put("collectionAccounts", byState);
        entities.put("disconnectsPendingToday", disconnects);
        entities.put("moratoriumCountiesToday", counties);
        return entities;
    }
}
