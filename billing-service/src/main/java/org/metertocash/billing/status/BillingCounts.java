package org.metertocash.billing.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.billing.account.BillingAccount;
import org.metertocash.platform.status.StatusContributor;

/** Billing accounts by status and by billing type, for {@code GET /status}. */
@ApplicationScoped
public class BillingCounts implements StatusContributor {

    @Inject
    Clock clock;

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> byStatus = new TreeMap<>();
        byStatus.put(BillingAccount.Status.ACTIVE.name(), BillingAccount.count("startDate <= ?1", today));
        byStatus.put(BillingAccount.Status.PENDING_START.name(), BillingAccount.count("startDate > ?1", today));
        Map<String, Long> byType = new TreeMap<>();
        BillingAccount.getEntityManager()
                .createQuery("select a.billingType, count(a) from BillingAccount a group by a.billingType", Object[].class)
                .getResultList().forEach(row -> byType.put(row[0].toString(), (Long) row[1]));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("billingAccountsByStatus", byStatus);
        counts.put("billingAccountsByType", byType);
        return counts;
    }
}
