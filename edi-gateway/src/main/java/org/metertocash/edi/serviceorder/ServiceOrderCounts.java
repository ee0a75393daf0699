package org.metertocash.edi.serviceorder;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Service orders by type and status (e.g. DISCONNECT_SENT), for {@code GET /status}. */
@ApplicationScoped
public class ServiceOrderCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> orders = new TreeMap<>();
        ServiceOrder.getEntityManager().createQuery(
                "select o.orderType, o.status, count(o) from ServiceOrder o group by o.orderType, o.status",
                Object[].class).getResultList()
                .forEach(row -> orders.put(row[0] + "_" + row[1], (Long) row[2]));
        return Map.of("serviceOrders", orders);
    }
}
