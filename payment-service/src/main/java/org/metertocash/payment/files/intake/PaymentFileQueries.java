package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.ControlCheck;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.posting.PaymentStatus;

/**
 * Reads payment files for the API: one file with its batches (control totals, and what each batch posted, left
 * unapplied or held, summed from the payments themselves), and a file's lines by status — the payments it became
 * and the lines kept on their own (held, failed, ACH returns).
 */
@ApplicationScoped
public class PaymentFileQueries {

    /** Statuses a line can have: a payment's, or a kept line's. */
    public static final List<String> LINE_STATUSES;

    static {
        List<String> statuses = new ArrayList<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            statuses.add(status.name());
        }
        for (PaymentFileLine.Status status : PaymentFileLine.Status.values()) {
            statuses.add(status.name());
        }
        LINE_STATUSES = List.copyOf(statuses);
    }

    @Inject
    EntityManager em;

    @Transactional
    public Optional<PaymentFileView> file(UUID id) {
        PaymentFile file = PaymentFile.findById(id);
        if (file == null) {
            return Optional.empty();
        }
        List<PaymentFileBatch> batches = PaymentFileBatch.list("fileId = ?1 order by seq", id);
        Map<Integer, Map<String, PaymentFileView.Totals>> bySeq = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                select b.seq, p.status, count(*), sum(p.amount)
                from payment p join payment_file_batch b
                  on b.file_id = p.source_file_id and p.source_line between b.first_line and b.last_line
                where p.source_file_id = ?1
                group by b.seq, p.status""").setParameter(1, id).getResultList();
        for (Object[] row : rows) {
            int seq = ((Number) row[0]).intValue();
            PaymentStatus status = PaymentStatus.valueOf((String) row[1]);
            String bucket = status.wasPosted() ? "posted" : "unapplied"; // refunded money left suspense unapplied
            bySeq.computeIfAbsent(seq, k -> new HashMap<>()).merge(bucket,
                    new PaymentFileView.Totals(((Number) row[2]).longValue(), (BigDecimal) row[3]),
                    (a, b) -> new PaymentFileView.Totals(a.count() + b.count(), a.amount().add(b.amount())));
        }
        for (Object[] row : em.createQuery("""
                select l.batchSeq, l.status, count(l), sum(l.amount) from PaymentFileLine l
                where l.fileId = ?1 and l.status in ?2 group by l.batchSeq, l.status""", Object[].class)
                .setParameter(1, id)
                .setParameter(2, List.of(PaymentFileLine.Status.HELD, PaymentFileLine.Status.REJECTED))
                .getResultList()) {
            bySeq.computeIfAbsent((Integer) row[0], k -> new HashMap<>()).put(
                    row[1] == PaymentFileLine.Status.HELD ? "held" : "rejected",
                    new PaymentFileView.Totals((Long) row[2], (BigDecimal) row[3]));
        }
        PaymentFileView.Totals none = new PaymentFileView.Totals(0, Cents.zero());
        List<PaymentFileView.Batch> views = new ArrayList<>();
        for (PaymentFileBatch b : batches) {
            Map<String, PaymentFileView.Totals> sums = bySeq.getOrDefault(b.seq, Map.of());
            PaymentFileView.Totals declared = PaymentFileView.Totals.of(b.declaredCount, b.declaredAmount);
            PaymentFileView.Totals computed = new PaymentFileView.Totals(b.computedCount, b.computedAmount);
            boolean balanced = ControlCheck.balanced(
                    b.declaredCount == null ? null : new ControlTotals(b.declaredCount, b.declaredAmount),
                    new ControlTotals(b.computedCount, b.computedAmount), b.problems);
            views.add(new PaymentFileView.Batch(b.seq, b.batchId, b.firstLine, b.lastLine, b.status, balanced,
                    declared, computed, new PaymentFileView.Totals(b.lineCount, b.lineAmount),
                    sums.getOrDefault("posted", none), sums.getOrDefault("unapplied", none),
                    sums.getOrDefault("held", none), sums.get("rejected"),
                    b.problems.isEmpty() ? null : b.problems.stream().map(PaymentFileView.Problem::of).toList(),
                    PaymentFileView.Review.of(b)));
        }
        List<PaymentFileView.Problem> problems = file.problems == null || file.problems.isEmpty() ? null
                : file.problems.stream().map(PaymentFileView.Problem::of).toList();
        return Optional.of(PaymentFileView.of(file, views, problems));
    }

    /** A page of files, latest received first, and how many there are. */
    public record FilePage(List<PaymentFileView> files, long total) {
    }

    @Transactional
    public FilePage files(List<PaymentFileStatus> statuses, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!statuses.isEmpty()) {
            where.append(" and f.status in :statuses");
            params.put("statuses", statuses);
        }
        if (from != null) {
            where.append(" and f.receivedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and f.receivedAt < :to");
            params.put("to", to);
        }
        var count = em.createQuery("select count(f) from PaymentFile f where " + where, Long.class);
        var list = em.createQuery("select f from PaymentFile f where " + where
                + " order by f.receivedAt desc, f.id desc", PaymentFile.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            list.setParameter(name, value);
        });
        List<PaymentFileView> files = list.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(PaymentFileView::summary).toList();
        return new FilePage(files, count.getSingleResult());
    }

    /** A page of a file's lines, in line order, and how many there are. */
    public record LinePage(List<PaymentFileLineView> lines, long total) {
    }

    /** The file's lines with any of the statuses (all when none given); empty when there is no such file. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<LinePage> lines(UUID fileId, List<String> statuses, int page, int size) {
        if (PaymentFile.count("id", fileId) == 0) {
            return Optional.empty();
        }
        String filter = statuses.isEmpty() ? "" : " where x.status in (:statuses)";
        String union = """
                from (select p.source_line as line, p.status as status, p.account_number, p.esi_id, p.amount,
                             p.channel, p.external_reference, p.received_at, p.id as payment_id,
                             p.applied_account_number, p.unapplied_detail as reason
                      from payment p where p.source_file_id = :file
                      union all
                      select l.line_number, l.status, l.account_number, l.esi_id, l.amount, l.channel,
                             l.external_reference, l.received_at, null, null, l.reason
                      from payment_file_kept_line l where l.file_id = :file) x""" + filter;
        Query count = em.createNativeQuery("select count(*) " + union).setParameter("file", fileId);
        Query list = em.createNativeQuery("select x.* " + union + " order by x.line limit :size offset :offset")
                .setParameter("file", fileId).setParameter("size", size).setParameter("offset", (long) page * size);
        if (!statuses.isEmpty()) {
            count.setParameter("statuses", statuses);
            list.setParameter("statuses", statuses);
        }
        List<PaymentFileBatch> batches = PaymentFileBatch.list("fileId = ?1 order by seq", fileId);
        List<PaymentFileLineView> lines = new ArrayList<>();
        for (Object[] row : (List<Object[]>) list.getResultList()) {
            int line = ((Number) row[0]).intValue();
            Integer seq = batches.stream().filter(b -> line >= b.firstLine && line <= b.lastLine).map(b -> b.seq)
                    .findFirst().orElse(null);
            lines.add(new PaymentFileLineView(line, seq, (String) row[1], (String) row[2], (String) row[3],
                    (BigDecimal) row[4], (String) row[5], (String) row[6], instant(row[7]), (UUID) row[8],
                    (String) row[9], (String) row[10]));
        }
        return Optional.of(new LinePage(lines, ((Number) count.getSingleResult()).longValue()));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
