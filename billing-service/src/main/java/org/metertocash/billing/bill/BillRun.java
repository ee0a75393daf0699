package org.metertocash.billing.bill;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * — and drafts them. A bill cancelled because its usage was restated does not stand: the replacing read of its period
 * is billed again (a rebill). Runs every {@code billing.bills.run-every} for today (business clock) and on request for
 * a date. Each account+period bills once among its bills that stand (a unique key over the non-cancelled bills), so
 * re-running, or running on several replicas at once, creates nothing twice. Reads with an open BILL_NO_PRODUCT or
 * BILL_RATING_FAILED work item wait until operations resolve or retry it.
 *
 * <p>At scale: reads are taken in the order received, a page at a time (each page continuing after the last read of
 * the one before, so nothing is scanned twice), and drafted in chunks of {@code billing.bills.run-batch-size}, one
 * transaction per chunk ({@link BillDrafting#draftAll}) on {@code billing.bill-run.workers} threads. A chunk that
 * fails is drafted again one read at a time, each in its own transaction, so one bad read never keeps the others
 * from their bills; a read that still fails gets a BILL_RATING_FAILED work item. Reads another run is drafting at the
 * same moment are left to it. Two reads of the same account never draft at the same time: the second waits for the
 * first's bill, which its usage history must see.
 *
 * <p>Progress is written as the run goes ({@link BillRunProgress}, shown on {@code GET /status} and
 * {@code GET /bill-runs/{date}}) and logged every {@code billing.bill-run.progress-every} reads and at the end.
 */
@ApplicationScoped
public class BillRun {

    private static final Logger LOG = Logger.getLogger(BillRun.class);
    /** Before any read: the first page starts here. */
    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final UUID LOWEST = new UUID(0, 0);
    /** A page of billable reads is this many chunks. */
    private static final int CHUNKS_PER_PAGE = 10;

    /** A billable read and the account it bills on. */
    record Billable(UUID meterReadId, String accountNumber, String esiId, OffsetDateTime receivedAt) {
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

    @Inject
    BillRunConfig runConfig;

    @Scheduled(identity = "bill-run", every = "${billing.bills.run-every}", delayed = "${billing.bills.run-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run(LocalDate.now(clock), "schedule");
    }

    /** Drafts every billable read whose period ended by {@code date}; bills drafted carry {@code date} as run date. */
    public Outcome run(LocalDate date) {
        return run(date, "system");
    }

    /** {@link #run(LocalDate)}, saying who asked for it (shown with its progress). */
    public Outcome run(LocalDate date, String requestedBy) {
        Tally tally = new Tally(date, requestedBy);
        int chunkSize = Math.max(1, config.runBatchSize());
        int pageSize = chunkSize * CHUNKS_PER_PAGE;
        int workers = runConfig.workers();
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "bill-run-" + date);
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            OffsetDateTime afterReceived = BEGINNING;
            UUID afterId = LOWEST;
            while (true) {
                OffsetDateTime from = afterReceived;
                UUID fromId = afterId;
                List<Billable> page = QuarkusTransaction.requiringNew()
                        .call(() -> billable(date, from, fromId, pageSize));
                if (page.isEmpty()) {
                    break;
                }
                tally.found(page.size(), () -> page.size() < pageSize ? page.size()
                        : QuarkusTransaction.requiringNew().call(() -> countBillable(date)));
                draftPage(page, date, chunkSize, pool, tally);
                Billable last = page.get(page.size() - 1);
                afterReceived = last.receivedAt();
                afterId = last.meterReadId();
                if (page.size() < pageSize) {
                    break;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            tally.finish();
        }
        return tally.outcome();
    }

    /**
     * Drafts a page in chunks. A page may hold two reads of one account (a late month and the next): the first goes
     * with the page's other reads, the second in a later round, once the first's bill is committed.
     */
    private void draftPage(List<Billable> page, LocalDate date, int chunkSize, ExecutorService pool, Tally tally) {
        BillRunPrices prices = tally.prices;
        List<Billable> remaining = page;
        while (!remaining.isEmpty()) {
            Set<String> accounts = new HashSet<>();
            List<Billable> round = new ArrayList<>();
            List<Billable> later = new ArrayList<>();
            for (Billable billable : remaining) {
                (accounts.add(billable.accountNumber()) ? round : later).add(billable);
            }
            List<List<Billable>> chunks = new ArrayList<>();
            for (int i = 0; i < round.size(); i += chunkSize) {
                chunks.add(round.subList(i, Math.min(i + chunkSize, round.size())));
            }
            if (pool == null) {
                chunks.forEach(chunk -> draftChunk(chunk, date, prices, tally));
            } else {
                List<Future<?>> running = new ArrayList<>();
                chunks.forEach(chunk -> running.add(pool.submit(() -> draftChunk(chunk, date, prices, tally))));
                for (Future<?> future : running) {
                    try {
                        future.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("bill run " + date + " interrupted", e);
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("bill run " + date + ": a worker failed", e.getCause());
                    }
                }
            }
            tally.saveProgress();
            remaining = later;
        }
    }

    private void draftChunk(List<Billable> chunk, LocalDate date, BillRunPrices prices, Tally tally) {
        List<BillDrafting.Target> targets = chunk.stream()
                .map(b -> new BillDrafting.Target(b.meterReadId(), b.accountNumber())).toList();
        List<BillDrafting.Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> drafting.draftAll(targets, date, prices, true));
        } catch (RuntimeException e) {
            // one read of the chunk (or a run drafting the same reads at this moment) failed it: read by read instead
            LOG.debugf(e, "bill run %s: a chunk of %d reads failed; drafting them one by one", date, chunk.size());
            for (Billable billable : chunk) {
                draftAlone(billable, date, tally);
            }
            return;
        }
        for (BillDrafting.Outcome outcome : outcomes) {
            tally.count(outcome);
        }
    }

    private void draftAlone(Billable billable, LocalDate date, Tally tally) {
        try {
            tally.count(drafting.draft(billable.meterReadId(), billable.accountNumber(), date));
        } catch (RuntimeException e) {
            // another run drafted it at the same moment (the unique account+period), or an unforeseen fault:
            // never lost — the next run sees the bill, or the work item says what went wrong
            if (!billed(billable)) {
                tally.failed();
                LOG.warnf(e, "bill run %s: read %s of account %s failed", date, billable.meterReadId(),
                        billable.accountNumber());
                raiseFailure(billable, e);
            }
        }
    }

    /**
     * Billable reads received after ({@code afterReceived}, {@code afterId}) in the order received: a page of them.
     * The index meter_read_billable hands the ACTIVE reads over in that order (V9).
     */
    @SuppressWarnings("unchecked")
    private List<Billable> billable(LocalDate date, OffsetDateTime afterReceived, UUID afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, a.account_number, a.esi_id, r.received_at
                from meter_read r
                join billing_account a on a.esi_id = r.esi_id and a.start_date <= r.period_start
                    and a.billing_type = 'POSTPAY'
                where r.status = 'ACTIVE' and r.period_end <= ?1
                  and (r.received_at, r.id) > (?4, ?5)
                """ + UNBILLED + """
                order by r.received_at, r.id
                limit ?3""").setParameter(1, date).setParameter(2, BillDrafting.BLOCKING).setParameter(3, limit)
                .setParameter(4, afterReceived).setParameter(5, afterId).getResultList();
        return rows.stream().map(row -> new Billable((UUID) row[0], (String) row[1], (String) row[2],
                offsetDateTime(row[3]))).toList();
    }

    /** How many reads are billable now: the work ahead, for the progress. */
    private long countBillable(LocalDate date) {
        return ((Number) em.createNativeQuery("""
                select count(*)
                from meter_read r
                join billing_account a on a.esi_id = r.esi_id and a.start_date <= r.period_start
                    and a.billing_type = 'POSTPAY'
                where r.status = 'ACTIVE' and r.period_end <= ?1
                """ + UNBILLED).setParameter(1, date).setParameter(2, BillDrafting.BLOCKING).getSingleResult())
                .longValue();
    }

    /**
     * Excludes reads of {@code r} that began before account {@code a} moved from pre-pay to post-pay: a read belongs
     * to the billing type in force on its first day, so days charged as pre-pay are never billed again.
     */
    public static final String PREPAID_BEFORE_CONVERSION = """
              and not exists (select 1 from billing_type_change t where t.account_number = a.account_number
                  and t.to_billing_type = 'POSTPAY' and r.period_start < t.postpaid_from)
            """;

    /**
     * The read bills on the latest account started by its period, and has no bill and no blocking work item; a read
     * that began before the account moved from pre-pay to post-pay belongs to pre-pay, which charged it already
     * (16 TAC §25.498 conversions: {@link #PREPAID_BEFORE_CONVERSION}).
     */
    private static final String UNBILLED = BillRun.PREPAID_BEFORE_CONVERSION + """
              and not exists (select 1 from billing_account later where later.esi_id = r.esi_id
                  and later.start_date <= r.period_start and later.start_date > a.start_date)
              and not exists (select 1 from bill b where b.meter_read_id = r.id)
              and not exists (select 1 from bill b where b.account_number = a.account_number
                  and b.period_start = r.period_start and b.period_end = r.period_end
                  and b.status <> 'CANCELLED')
              and not exists (select 1 from work_item w where w.reference = cast(r.id as varchar)
                  and w.status = 'OPEN' and w.type in (?2))
            """;

    private static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected received_at " + value);
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

    /** One run's counts as it goes, written to its {@link BillRunProgress} and logged. */
    private final class Tally {
        final BillRunPrices prices = new BillRunPrices();
        final LocalDate date;
        final String requestedBy;
        final Instant started;
        final long startedNanos = System.nanoTime();
        final AtomicInteger posted = new AtomicInteger();
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger notBillable = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();
        volatile long found;
        volatile UUID progressId;
        long logged;

        Tally(LocalDate date, String requestedBy) {
            this.date = date;
            this.requestedBy = requestedBy;
            this.started = clock.instant();
        }

        void count(BillDrafting.Outcome outcome) {
            switch (outcome) {
                case POSTED -> posted.incrementAndGet();
                case HELD -> held.incrementAndGet();
                case NOT_BILLABLE -> notBillable.incrementAndGet();
                case ALREADY_BILLED, BUSY -> {
                }
            }
        }

        void failed() {
            failed.incrementAndGet();
        }

        /** A page was taken; on the first, the work ahead is counted (unless the page holds it all). */
        void found(int pageSize, java.util.function.LongSupplier countAtStart) {
            int total = taken.addAndGet(pageSize);
            if (progressId == null) {
                found = countAtStart.getAsLong();
                progressId = UUID.randomUUID();
                QuarkusTransaction.requiringNew().run(() -> {
                    BillRunProgress progress = new BillRunProgress();
                    progress.id = progressId;
                    progress.runDate = date;
                    progress.requestedBy = requestedBy;
                    progress.startedAt = started;
                    write(progress);
                    progress.persist();
                });
                LOG.infof("bill run %s (%s): %,d billable reads found", date, requestedBy, found);
            }
            found = Math.max(found, total);
        }

        void saveProgress() {
            if (progressId != null) {
                QuarkusTransaction.requiringNew().run(() -> write(BillRunProgress.findById(progressId)));
            }
            long done = done();
            int progressEvery = runConfig.progressEvery();
            if (progressEvery > 0 && done / progressEvery > logged / progressEvery) {
                log("progress");
            }
            logged = done;
        }

        void finish() {
            if (progressId == null) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                BillRunProgress progress = BillRunProgress.findById(progressId);
                write(progress);
                progress.finishedAt = progress.updatedAt;
            });
            log("finished");
        }

        private void write(BillRunProgress progress) {
            progress.readsFound = found;
            progress.posted = posted.get();
            progress.held = held.get();
            progress.drafted = progress.posted + progress.held;
            progress.notBillable = notBillable.get();
            progress.failed = failed.get();
            progress.elapsedMillis = elapsedMillis();
            progress.updatedAt = clock.instant();
        }

        private long done() {
            return (long) posted.get() + held.get() + notBillable.get() + failed.get();
        }

        private long elapsedMillis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        private void log(String what) {
            double seconds = Math.max(0.001, elapsedMillis() / 1000.0);
            LOG.infof("bill run %s %s: %,d of %,d reads in %.1f s (%,.0f/s): %,d drafted (%,d posted, %,d held), "
                    + "%,d not billable, %,d failed", date, what, done(), found, seconds, done() / seconds,
                    posted.get() + held.get(), posted.get(), held.get(), notBillable.get(), failed.get());
        }

        Outcome outcome() {
            return new Outcome(date, posted.get(), held.get(), notBillable.get(), failed.get());
        }
    }
}
