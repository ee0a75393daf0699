package org.metertocash.payment.posting;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Payments by status, for {@code GET /status}. */
@ApplicationScoped
public class PaymentCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Payment.getEntityManager()
                .createQuery("select p.status, count(p) from Payment p group by p.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        return Map.of("paymentsByStatus", byStatus);
    }
}
