package org.metertocash.payment.autopay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Mandates and debits by status, for {@code GET /status}. */
@ApplicationScoped
public class AutopayCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("autopayMandates", count("select m.status, count(m) from Mandate m group by m.status"));
        counts.put("autopayDebits", count("select d.status, count(d) from AutopayDebit d group by d.status"));
        return counts;
    }

    private static Map<String, Long> count(String jpql) {
        Map<String, Long> byStatus = new TreeMap<>();
        Mandate.getEntityManager().createQuery(jpql, Object[].class).getResultList()
                .forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        return byStatus;
    }
}
