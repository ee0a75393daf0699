package org.metertocash.billing.prepay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The pre-pay job: every {@code billing.prepay.run-every}, on the business clock,
 * <ol>
 * <li>reverses the charged days whose meter read the wires utility has since cancelled or replaced, one transaction
 * per day ({@link PrepayRestatement#restate}), so that the next step charges them again from the replacement;</li>
 * <li>charges each day with usage of every PREPAY account, from the active meter reads not yet fully charged
 * (days from the account's start up to today), one transaction per day ({@link PrepayCharging#chargeDay});</li>
 * <li>re-reads the balances of the pre-pay accounts it has charged and reassesses those that moved since their last
 * assessment. Payments are applied to the ledger by the ledger's own consumer of {@code payment.events}; polling
 * the balances here (rather than a second consumer of the payment events) sees every cause of a balance change —
 * payments, returned payments, adjustments — with no ordering race against that consumer.</li>
 * </ol>
 * Idempotent: a day is charged once per account and read whatever the number of runs, a restated day is reversed
 * once, and an unchanged balance announces nothing.
 */
@ApplicationScoped
public class PrepayRun {

    private static final Logger LOG = Logger.getLogger(PrepayRun.class);

    /** What one run did. */
    public record Outcome(LocalDate date, int charged, int failed, int reassessed, int restated) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    PrepayCharging charging;

    @Inject
    Ledger ledger;

    @Inject
    PrepayRestatement restatement;

    @Inject
    PrepayConfig config;

    @Inject
    WorkQueue workQueue;

    @Scheduled(identity = "prepay-run", every = "${billing.prepay.run-every}", delayed = "${billing.prepay.run-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Outcome outcome = run(LocalDate.now(clock));
        if (outcome.charged() > 0 || outcome.failed() > 0 || outcome.reassessed() > 0 || outcome.restated() > 0) {
            LOG.infof("pre-pay run %s: %d days charged, %d failed, %d balances reassessed, %d restated days reversed",
                    outcome.date(), outcome.charged(), outcome.failed(), outcome.reassessed(), outcome.restated());
        }
    }

    /**
     * Reverses the days charged from restated usage, charges every uncharged day with usage up to {@code today},
     * then reassesses balances that moved.
     */
    public synchronized Outcome run(LocalDate today) {
        int[] reversed = reverseRestatedDays();
        int charged = 0;
        int failed = reversed[1];
        for (Object[] pending : pendingReads(today)) {
            int[] done = chargeRead((UUID) pending[0], (String) pending[1], today);
            charged += done[0];
            failed += done[1];
        }
        return new Outcome(today, charged, failed, reassessBalances(), reversed[0]);
    }

    /**
     * The customer pays for the usage the wires utility finally reports, and the prepaid balance must say so (16 TAC
     * §25.498): each charged day whose read was cancelled or replaced is reversed before new days are charged, so the
     * replacement's days are charged in this same run. A batch per run, like the charging. {reversed, failed}.
     */
    private int[] reverseRestatedDays() {
        int reversed = 0;
        int failed = 0;
        for (PrepayRestatement.StaleDay day : restatement.staleDays(config.runBatchSize())) {
            try {
                if (restatement.restate(day)) {
                    reversed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "restated pre-pay charge of %s for account %s could not be reversed", day.serviceDate(),
                        day.accountNumber());
                failed++;
                try {
                    restatement.raiseFailure(day, e);
                } catch (RuntimeException again) {
                    LOG.errorf(again, "could not raise the work item for the restated pre-pay charge of %s, account %s",
                            day.serviceDate(), day.accountNumber());
                }
            }
        }
        return new int[] { reversed, failed };
    }

    /** Active reads of PREPAY accounts starting by today that are not yet fully charged: (read id, account). */
    private List<Object[]> pendingReads(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select r.id, a.account_number from meter_read r
                    join billing_account a on a.esi_id = r.esi_id
                    where a.billing_type = 'PREPAY' and r.status = 'ACTIVE'
                      and r.period_end > a.start_date and r.period_start <= ?1
                      and not exists (select 1 from prepay_read_charged c
                                      where c.meter_read_id = r.id and c.account_number = a.account_number)
                    order by r.period_start, r.id""").setParameter(1, today)
                    .setMaxResults(config.runBatchSize()).getResultList();
            return rows;
        });
    }

    /** Charges a read's days; the read is done when every day up to its end is charged. {charged, failed}. */
    private int[] chargeRead(UUID readId, String accountNumber, LocalDate today) {
        record Work(List<DailyUsage.Day> days, LocalDate startDate, LocalDate periodEnd) {
        }
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            MeterRead read = MeterRead.findById(readId);
            BillingAccount account = BillingAccount.findById(accountNumber);
            ServicePeriod period = new ServicePeriod(read.periodStart, read.periodEnd);
            boolean interval = read.intervalKwh != null && !read.intervalKwh.isEmpty() && read.intervalStart != null
                    && read.intervalMinutes != null;
            List<DailyUsage.Day> days = interval
                    ? DailyUsage.ofIntervals(period, read.intervalStart, read.intervalMinutes, read.intervalKwh,
                            RatingRequest.ERCOT_ZONE)
                    : DailyUsage.ofTotal(period, read.totalKwh);
            return new Work(days, account.startDate, read.periodEnd);
        });
        int charged = 0;
        int failed = 0;
        boolean complete = !work.periodEnd().minusDays(1).isAfter(today);
        for (DailyUsage.Day day : work.days()) {
            if (day.date().isBefore(work.startDate())) {
                continue; // usage before the account started belongs to the premise's previous account
            }
            if (day.date().isAfter(today)) {
                complete = false;
                continue;
            }
            try {
                PrepayCharging.Outcome outcome = charging.chargeDay(accountNumber, readId, day.date(), day.usage());
                if (outcome == PrepayCharging.Outcome.CHARGED) {
                    charged++;
                } else if (outcome == PrepayCharging.Outcome.FAILED) {
                    failed++;
                    complete = false;
                } else if (outcome == PrepayCharging.Outcome.RESTATED) {
                    complete = false; // charged again once the stale charge is reversed, on the next run
                }
            } catch (RuntimeException e) {
                // a concurrent charge of the same day, or a ledger refusal: retried on the next run, reported
                LOG.warnf(e, "pre-pay charge of %s for account %s failed", day.date(), accountNumber);
                failed++;
                complete = false;
                raiseFailure(accountNumber, readId, day.date(), e);
            }
        }
        if (complete) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into prepay_read_charged (meter_read_id, account_number, charged_at) values (?1, ?2, ?3)
                    on conflict do nothing""").setParameter(1, readId).setParameter(2, accountNumber)
                    .setParameter(3, clock.instant()).executeUpdate());
        }
        return new int[] { charged, failed };
    }

    private void raiseFailure(String accountNumber, UUID readId, LocalDate day, RuntimeException e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BillingAccount account = BillingAccount.findById(accountNumber);
                workQueue.raise(PrepayCharging.PREPAY_CHARGE_FAILED, account.esiId, accountNumber + ":" + day,
                        "Usage of " + day + " of pre-pay account " + accountNumber + " could not be charged: "
                                + e.getMessage(),
                        Map.of("accountNumber", accountNumber, "serviceDate", day.toString(), "meterRead",
                                readId.toString(), "reason", String.valueOf(e.getMessage())));
            });
        } catch (RuntimeException again) {
            LOG.errorf(again, "could not raise the work item for the pre-pay charge of %s, account %s", day,
                    accountNumber);
        }
    }

    /** Re-reads the balances of charged pre-pay accounts, a batch at a time, and reassesses those that moved. */
    private int reassessBalances() {
        int reassessed = 0;
        String after = "";
        while (true) {
            String from = after;
            Map<String, BigDecimal> last = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("""
                        select account_number, last_balance from prepay_balance_state where account_number > ?1
                        order by account_number""").setParameter(1, from).setMaxResults(config.runBatchSize())
                        .getResultList();
                Map<String, BigDecimal> batch = new LinkedHashMap<>();
                rows.forEach(row -> batch.put((String) row[0], (BigDecimal) row[1]));
                return batch;
            });
            if (last.isEmpty()) {
                return reassessed;
            }
            Map<String, BigDecimal> owed = ledger.balances(new ArrayList<>(last.keySet()));
            for (Map.Entry<String, BigDecimal> account : last.entrySet()) {
                if (owed.get(account.getKey()).negate().compareTo(account.getValue()) != 0) {
                    try {
                        charging.reassess(account.getKey());
                        reassessed++;
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "pre-pay balance of account %s could not be reassessed", account.getKey());
                    }
                }
                after = account.getKey();
            }
        }
    }
}
