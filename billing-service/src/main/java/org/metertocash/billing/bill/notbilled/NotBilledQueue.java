package org.metertocash.billing.bill.notbilled;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.billing.bill.BillsConfig;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.scheduler.Scheduled;

/**
 * The "not billed" queue: accounts operations must look at because their usage is not turning into bills. A scheduled
 * check raises one NOT_BILLED work item per account (reference: the account number) and closes it by itself once the
 * condition has cleared:
 * <ul>
 * <li>an active post-pay account with a billable (ACTIVE) read received more than {@code usage-days} (30) ago and no
 * posted bill for it — 16 TAC §25.479: a bill is issued within 30 days of receiving the usage;</li>
 * <li>an active account with no usage for more than {@code no-usage-days} (35, a cycle and some slack) since its
 * start date or the end of its last read's period.</li>
 * </ul>
 * Days are counted on the business clock.
 */
@ApplicationScoped
public class NotBilledQueue {

    public static final String NOT_BILLED = "NOT_BILLED";

    /** Why an account is in the queue ({@code details.reason} of its work item). */
    public enum Reason {
        USAGE_NOT_BILLED, NO_USAGE
    }

    /** What one check did. */
    public record Outcome(int queued, int raised, int closed) {
    }

    private static final Logger LOG = Logger.getLogger(NotBilledQueue.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WorkQueue workQueue;

    @Inject
    BillsConfig config;

    @Scheduled(identity = "not-billed-check", every = "${billing.bills.not-billed.check-every}",
            delayed = "${billing.bills.not-billed.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Outcome outcome = check();
        if (outcome.raised() > 0 || outcome.closed() > 0) {
            LOG.infof("not-billed check: %d accounts queued, %d raised, %d closed", outcome.queued(),
                    outcome.raised(), outcome.closed());
        }
    }

    /** Raises NOT_BILLED for accounts newly in the queue (once: an open item is left as is) and closes the rest. */
    @Transactional
    public Outcome check() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Map<String, Entry> queued = new LinkedHashMap<>();
        unbilledUsage(now, today).forEach(e -> queued.putIfAbsent(e.accountNumber(), e));
        noUsage(today).forEach(e -> queued.putIfAbsent(e.accountNumber(), e));

        List<String> open = em.createQuery("select w.reference from WorkItem w where w.type = ?1 and w.status = ?2",
                String.class).setParameter(1, NOT_BILLED).setParameter(2, WorkItem.Status.OPEN).getResultList();
        int closed = 0;
        for (String accountNumber : open) {
            if (!queued.containsKey(accountNumber)) {
                workQueue.closeByReference(NOT_BILLED, accountNumber, WorkQueue.SYSTEM,
                        "usage billed and received on time again");
                closed++;
            }
        }
        int raised = 0;
        for (Entry entry : queued.values()) {
            if (!open.contains(entry.accountNumber())) {
                workQueue.raise(NOT_BILLED, entry.esiId(), entry.accountNumber(), entry.summary(), entry.details());
                raised++;
            }
        }
        return new Outcome(queued.size(), raised, closed);
    }

    private record Entry(String accountNumber, String esiId, String summary, Map<String, Object> details) {
    }

    /** §25.479: billable reads of an active post-pay account received over usage-days ago without a posted bill. */
    @SuppressWarnings("unchecked")
    private List<Entry> unbilledUsage(Instant now, LocalDate today) {
        int days = config.notBilled().usageDays();
        List<Object[]> rows = em.createNativeQuery("""
                select a.account_number, a.esi_id, count(*), min(r.received_at), min(r.period_start)
                from meter_read r
                join billing_account a on a.esi_id = r.esi_id and a.start_date <= r.period_start
                    and a.billing_type = 'POSTPAY'
                where r.status = 'ACTIVE' and r.received_at < ?1 and a.start_date <= ?2
                """ + org.metertocash.billing.bill.BillRun.PREPAID_BEFORE_CONVERSION + """
                  and not exists (select 1 from billing_account later where later.esi_id = r.esi_id
                      and later.start_date <= r.period_start and later.start_date > a.start_date)
                  and not exists (select 1 from bill b where b.status = 'POSTED' and (b.meter_read_id = r.id
                      or (b.account_number = a.account_number and b.period_start = r.period_start
                          and b.period_end = r.period_end)))
                group by a.account_number, a.esi_id
                order by a.account_number""").setParameter(1, now.minus(Duration.ofDays(days)))
                .setParameter(2, today).getResultList();
        return rows.stream().map(row -> {
            String accountNumber = (String) row[0];
            long reads = ((Number) row[2]).longValue();
            Instant oldest = instant(row[3]);
            return new Entry(accountNumber, (String) row[1], "Account " + accountNumber + " has " + reads
                    + " read(s) of usage received more than " + days + " days ago (oldest " + oldest
                    + ") and not billed: 16 TAC §25.479 requires a bill within 30 days of receiving usage",
                    Map.of("reason", Reason.USAGE_NOT_BILLED.name(), "accountNumber", accountNumber,
                            "unbilledReads", reads, "oldestReceivedAt", oldest.toString(),
                            "oldestPeriodStart", String.valueOf(row[4]), "days", days));
        }).toList();
    }

    /** Active accounts (the latest of their premise) without usage for more than no-usage-days. */
    @SuppressWarnings("unchecked")
    private List<Entry> noUsage(LocalDate today) {
        int days = config.notBilled().noUsageDays();
        List<Object[]> rows = em.createNativeQuery("""
                select a.account_number, a.esi_id, coalesce(max(r.period_end), a.start_date) as since,
                    count(r.id) as reads
                from billing_account a
                left join meter_read r on r.esi_id = a.esi_id and r.status = 'ACTIVE' and r.period_end > a.start_date
                where a.start_date <= ?1
                  and not exists (select 1 from billing_account later where later.esi_id = a.esi_id
                      and later.start_date > a.start_date and later.start_date <= ?1)
                group by a.account_number, a.esi_id, a.start_date
                having coalesce(max(r.period_end), a.start_date) < ?2
                order by a.account_number""").setParameter(1, today).setParameter(2, today.minusDays(days))
                .getResultList();
        return rows.stream().map(row -> {
            String accountNumber = (String) row[0];
            LocalDate since = date(row[2]);
            boolean never = ((Number) row[3]).longValue() == 0;
            return new Entry(accountNumber, (String) row[1], "Account " + accountNumber + " has had no usage "
                    + (never ? "since it started on " : "since its last read ended on ") + since + ", more than "
                    + days + " days", Map.of("reason", Reason.NO_USAGE.name(), "accountNumber", accountNumber,
                            "since", since.toString(), "days", days));
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }
}
