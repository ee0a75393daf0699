package org.metertocash.payment.accounts;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.platform.status.StatusContributor;

/** Payable accounts by billing type, for {@code GET /status}. */
@ApplicationScoped
public class PayableAccountCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byType = new TreeMap<>();
        PayableAccount.getEntityManager()
                .createQuery("select a.billingType, count(a) from PayableAccount a group by a.billingType", Object[].class)
                .getResultList().forEach(row -> byType.put(row[0].toString(), (Long) row[1]));
        return Map.of("payableAccountsByType", byType);
    }
}
