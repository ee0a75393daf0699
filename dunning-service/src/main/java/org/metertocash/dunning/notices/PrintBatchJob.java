package org.metertocash.dunning.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The daily print batch, on the cron {@code dunning.notices.print-batch.cron} (17:00 in the market's time zone by
 * default) for the business day of the clock. Switched by {@code dunning.notices.print-batch.enabled}; when that is
 * not set it runs everywhere but in tests, which make batches with {@code POST /notices/print-batches}.
 */
@ApplicationScoped
public class PrintBatchJob {

    private static final Logger LOG = Logger.getLogger(PrintBatchJob.class);

    /** The scheduled print batch of a day failed (reference: the date). */
    public static final String PRINT_BATCH_FAILED = "PRINT_BATCH_FAILED";

    @Inject
    PrintBatches batches;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Scheduled(identity = "notice-print-batch", cron = "${dunning.notices.print-batch.cron:0 0 17 * * ?}",
            timeZone = "${platform.time-zone:America/Chicago}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        LocalDate today = LocalDate.now(clock);
        try {
            batches.run(today, WorkQueue.SYSTEM);
        } catch (RuntimeException e) {
            // nothing of a failed batch was kept (one transaction); the next run, or an operator, makes it
            LOG.errorf(e, "The print batch for %s failed", today);
            QuarkusTransaction.requiringNew().run(() -> workQueue.raise(PRINT_BATCH_FAILED, null, today.toString(),
                    "The print batch for " + today + " failed: " + e.getMessage() + " (POST /notices/print-batches?date="
                            + today + " makes it)", Map.of("date", today.toString(), "error", e.toString())));
        }
    }

    /** Skips the scheduled batch when it is switched off, or the application is not (yet, or any more) running. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        NoticesConfig config;

        private volatile boolean running;

        void started(@Observes StartupEvent event) {
            running = true;
        }

        void stopping(@Observes ShutdownEvent event) {
            running = false;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            boolean enabled = config.printBatch().enabled().orElse(LaunchMode.current() != LaunchMode.TEST);
            return !running || !enabled;
        }
    }
}
