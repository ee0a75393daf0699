package org.metertocash.billing.bill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The bill run: finds billable meter reads without a bill — ACTIVE reads of a post-pay account's premise for a period
 * starting on or after the account's start date and ending by the run date, with no bill for that account and period
 * — and drafts each in its own transaction. A bill cancelled because its usage was restated does not stand: the
 * replacing read of its period is billed again (a rebill). Runs every {@code billing.bills.run-every} for today
 * (business clock) and on request for a date. Each account+period bills once among its bills that stand (a unique key
 * over the non-cancelled bills), so re-running, or running on several replicas at once, creates nothing twice.
 * Reads with an open BILL_NO_PRODUCT or BILL_RATING_FAILED work item wait until operations resolve or retry it.
 */
@ApplicationScoped
public class BillRun {

    private static final Logger LOG = Logger.getLogger(BillRun.class);

    /** A billable read and the account it bills on. */
    record Billable(UUID meterReadId, String accountNumber, String esiId) {
    }

    /** What one run did. */
    public record Outcome(LocalDate date, int posted, int held, int notBillable, int failed) {
        public int drafted() {
            return posted + held;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    BillDrafting drafting;

    @Inject
    BillsConfig config;

    @Inject
    WorkQueue workQueue;

    @Scheduled(identity = "bill-run", every = "${billing.bills.run-every}", delayed = "${billing.bills.run-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Outcome outcome = run(LocalDate.now(clock));
        if (outcome.drafted() > 0 || outcome.failed() > 0) {
            LOG.infof("bill run %s: %d posted, %d held for review, %d not billable, %d failed", outcome.date(),
                    outcome.posted(), outcome.held(), outcome.notBillable(), outcome.failed());
        }
    }

    /** Drafts every billable read whose period ended by {@code date}; bills drafted carry {@code date} as run date. */
    public Outcome run(LocalDate date) {
        int posted = 0;
        int held = 0;
        int notBillable = 0;
        int failed = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<Billable> batch = QuarkusTransaction.requiringNew().call(() -> billable(date, config.runBatchSize()));
            List<Billable> fresh = batch.stream().filter(b -> tried.add(b.meterReadId())).toList();
            for (Billable billable : fresh) {
                try {
                    switch (drafting.draft(billable.meterReadId(), billable.accountNumber(), date)) {
                        case POSTED -> posted++;
                        case HELD -> held++;
                        case NOT_BILLABLE -> notBillable++;
                        case ALREADY_BILLED -> {
                        }
                    }
                } catch (RuntimeException e) {
                    // another run drafted it at the same moment (the unique account+period), or an unforeseen fault:
                    // never lost — the next run sees the bill, or the work item says what went wrong
                    if (!billed(billable)) {
                        failed++;
                        LOG.warnf(e, "bill run %s: read %s of account %s failed", date, billable.meterReadId(),
                                billable.accountNumber());
                        raiseFailure(billable, e);
                    }
                }
            }
            if (batch.size() < config.runBatchSize() || fresh.isEmpty()) {
                return new Outcome(date, posted, held, notBillable, failed);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Billable> billable(LocalDate date, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, a.account_number, a.esi_id
                from meter_read r
                join billing_account a on a.esi_id = r.esi_id and a.start_date <= r.period_start
                    and a.billing_type = 'POSTPAY'
                where r.status = 'ACTIVE' and r.period_end <= ?1
                  and not exists (select 1 from billing_account later where later.esi_id = r.esi_id
                      and later.start_date <= r.period_start and later.start_date > a.start_date)
                  and not exists (select 1 from bill b where b.meter_read_id = r.id)
                  and not exists (select 1 from bill b where b.account_number = a.account_number
                      and b.period_start = r.period_start and b.period_end = r.period_end
                      and b.status <> 'CANCELLED')
                  and not exists (select 1 from work_item w where w.reference = cast(r.id as varchar)
                      and w.status = 'OPEN' and w.type in (?2))
                order by r.received_at, r.id
                limit ?3""").setParameter(1, date).setParameter(2, BillDrafting.BLOCKING).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> new Billable((UUID) row[0], (String) row[1], (String) row[2])).toList();
    }

    private boolean billed(Billable billable) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MeterRead read = MeterRead.findById(billable.meterReadId());
            return read != null && BillDrafting.billed(read, billable.accountNumber());
        });
    }

    private void raiseFailure(Billable billable, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> workQueue.raise(BillDrafting.BILL_RATING_FAILED, billable.esiId(),
                billable.meterReadId().toString(), "Usage of account " + billable.accountNumber()
                        + " could not be billed: " + e,
                Map.of("accountNumber", billable.accountNumber(), "meterRead", billable.meterReadId().toString(),
                        "reason", String.valueOf(e))));
    }
}
