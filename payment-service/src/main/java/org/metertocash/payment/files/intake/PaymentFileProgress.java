package org.metertocash.payment.files.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.metertocash.platform.status.StatusContributor;

/**
 * Payment files on {@code GET /status}: files by status, and the lines of the files being posted right now — in
 * total ({@code paymentFileLinesInProgress}) and per file ({@code paymentFile <id>}): lines total, to post, done,
 * posted, held, unapplied, failed.
 */
@ApplicationScoped
public class PaymentFileProgress implements StatusContributor {

    private static final int FILES_LISTED = 10;

    @Inject
    EntityManager em;

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (PaymentFileStatus status : PaymentFileStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        em.createQuery("select f.status, count(f) from PaymentFile f group by f.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("paymentFilesByStatus", byStatus);
        Map<String, Long> total = lines(0, 0, 0, 0, 0, 0, 0);
        int listed = 0;
        for (Object[] row : em.createQuery("""
                select f.id, f.linesTotal, f.linesToPost, f.linesDone, f.linesPosted, f.linesHeld, f.linesUnapplied,
                       f.linesFailed
                from PaymentFile f where f.status = ?1 order by f.receivedAt""", Object[].class)
                .setParameter(1, PaymentFileStatus.POSTING).getResultList()) {
            Map<String, Long> file = lines(n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), n(row[6]),
                    n(row[7]));
            file.forEach((key, value) -> total.merge(key, value, Long::sum));
            if (listed++ < FILES_LISTED) {
                counts.put("paymentFile " + row[0], file);
            }
        }
        counts.put("paymentFileLinesInProgress", total);
        return counts;
    }

    private static Map<String, Long> lines(long total, long toPost, long done, long posted, long held, long unapplied,
            long failed) {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("total", total);
        lines.put("toPost", toPost);
        lines.put("done", done);
        lines.put("posted", posted);
        lines.put("held", held);
        lines.put("unapplied", unapplied);
        lines.put("failed", failed);
        return lines;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
