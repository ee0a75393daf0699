package org.metertocash.edi.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.platform.status.StatusContributor;

/** Transactions by direction and status, and files by status, for {@code GET /status}. */
@ApplicationScoped
public class EdiCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> transactions = new TreeMap<>();
        EdiTransaction.getEntityManager().createQuery(
                "select t.direction, t.status, count(t) from EdiTransaction t group by t.direction, t.status",
                Object[].class).getResultList()
                .forEach(row -> transactions.put(row[0] + "_" + row[1], (Long) row[2]));
        Map<String, Long> files = new TreeMap<>();
        EdiFile.getEntityManager().createQuery("select f.status, count(f) from EdiFile f group by f.status",
                Object[].class).getResultList().forEach(row -> files.put(row[0].toString(), (Long) row[1]));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("ediTransactions", transactions);
        counts.put("ediFiles", files);
        return counts;
    }
}
