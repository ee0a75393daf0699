package org.metertocash.billing.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Payments by how billing handled them (applied, unapplied, returned), for {@code GET /status}. */
@ApplicationScoped
public class LedgerCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (PaymentApplication.Status status : PaymentApplication.Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        PaymentApplication.getEntityManager()
                .createQuery("select p.status, count(p) from PaymentApplication p group by p.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("paymentsByStatus", byStatus);
        return counts;
    }
}
