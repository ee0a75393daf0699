package org.metertocash.dunning.collections;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Accounts by collection state, for {@code GET /status}. */
@ApplicationScoped
public class CollectionCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byState = new TreeMap<>();
        CollectionAccount.getEntityManager()
                .createQuery("select a.state, count(a) from CollectionAccount a group by a.state", Object[].class)
                .getResultList().forEach(row -> byState.put(row[0].toString(), (Long) row[1]));
        return Map.of("collectionAccounts", byState);
    }
}
