package org.metertocash.billing.bill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Bills by status (drafts, held for review, posted, cancelled), for {@code GET /status}. */
@ApplicationScoped
public class BillCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (Bill.Status status : Bill.Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        Bill.getEntityManager().createQuery("select b.status, count(b) from Bill b group by b.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("billsByStatus", byStatus);
        return counts;
    }
}
