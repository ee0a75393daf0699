package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The day turn: evaluates, for a day, every account that is not CURRENT and every account whose next step falls due
 * by then (a bill falling past due, a notice to issue), in chunks of {@code dunning.day-turn.chunk-size}, one
 * transaction per chunk; a chunk that fails is evaluated again one account at a time, and an account that still fails
 * gets a {@value #EVALUATION_FAILED} work item while the others go on. Runs on {@code dunning.day-turn.cron} (off in
 * tests, which drive the days through the clock and {@code POST /collections/evaluations}). Safe on several replicas
 * at once: each account is evaluated under its row lock and a second evaluation the same day changes nothing.
 *
 * <p>Reconnects are also checked every {@code dunning.reconnect.check-every}: one not completed within
 * {@code dunning.policy.reconnect.overdue-after} becomes RECONNECT_OVERDUE with a work item.
 */
@ApplicationScoped
public class DayTurn {

    private static final Logger LOG = Logger.getLogger(DayTurn.class);

    /** An account the day turn could not evaluate. */
    public static final String EVALUATION_FAILED = "COLLECTIONS_EVALUATION_FAILED";

    /** What one day turn did. */
    public record Outcome(LocalDate date, int evaluated, int changed, int failed) {
    }

    @Inject
    Evaluations evaluations;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dunning.day-turn.chunk-size", defaultValue = "200")
    int chunkSize;

    @Scheduled(identity = "collections-day-turn", cron = "${dunning.day-turn.cron}",
            timeZone = "${platform.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Outcome outcome = run(LocalDate.now(clock));
        LOG.infof("Day turn %s: %d accounts evaluated, %d moved, %d failed", outcome.date(), outcome.evaluated(),
                outcome.changed(), outcome.failed());
    }

    @Scheduled(identity = "reconnect-overdue-check", every = "${dunning.reconnect.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconnectsOverdue() {
        evaluateAll(LocalDate.now(clock), "select a.accountNumber from CollectionAccount a where a.state = ?1 "
                + "and a.accountNumber > ?2 order by a.accountNumber", CollectionState.RECONNECT_REQUESTED);
    }

    /** Evaluates, for {@code date}, every account not CURRENT and every account whose next step is due by then. */
    public Outcome run(LocalDate date) {
        return evaluateAll(date, "select a.accountNumber from CollectionAccount a where (a.state <> ?1 or a.nextOn <= ?3)"
                + " and a.accountNumber > ?2 order by a.accountNumber", CollectionState.CURRENT, date);
    }

    private Outcome evaluateAll(LocalDate date, String query, Object first, Object... more) {
        AtomicInteger evaluated = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String after = "";
        while (true) {
            String from = after;
            List<String> chunk = QuarkusTransaction.requiringNew().call(() -> {
                var q = CollectionAccount.getEntityManager().createQuery(query, String.class)
                        .setParameter(1, first).setParameter(2, from);
                for (int i = 0; i < more.length; i++) {
                    q.setParameter(3 + i, more[i]);
                }
                return q.setMaxResults(Math.max(1, chunkSize)).getResultList();
            });
            if (chunk.isEmpty()) {
                break;
            }
            try {
                int moved = QuarkusTransaction.requiringNew().call(() -> {
                    int count = 0;
                    for (String accountNumber : chunk) {
                        if (evaluations.evaluate(accountNumber, Trigger.dayTurn(date)).map(d -> d.changed())
                                .orElse(false)) {
                            count++;
                        }
                    }
                    return count;
                });
                changed.addAndGet(moved);
                evaluated.addAndGet(chunk.size());
            } catch (RuntimeException e) {
                LOG.warnf("A day-turn chunk of %d accounts failed (%s); evaluating them one at a time", chunk.size(),
                        e.toString());
                for (String accountNumber : chunk) {
                    evaluated.incrementAndGet();
                    try {
                        boolean moved = QuarkusTransaction.requiringNew().call(() -> evaluations
                                .evaluate(accountNumber, Trigger.dayTurn(date)).map(d -> d.changed()).orElse(false));
                        if (moved) {
                            changed.incrementAndGet();
                        }
                    } catch (RuntimeException alone) {
                        failed.incrementAndGet();
                        LOG.errorf(alone, "Collections could not evaluate account %s for %s", accountNumber, date);
                        QuarkusTransaction.requiringNew().run(() -> workQueue.raise(EVALUATION_FAILED, null,
                                accountNumber, "Collections could not evaluate account " + accountNumber + " for "
                                        + date + ": " + alone,
                                Map.of("accountNumber", accountNumber, "date", date.toString())));
                    }
                }
            }
            after = chunk.get(chunk.size() - 1);
            if (chunk.size() < chunkSize) {
                break;
            }
        }
        return new Outcome(date, evaluated.get(), changed.get(), failed.get());
    }
}
