package org.metertocash.billing.bill;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The hook for whoever records usage: call {@link #usageRecorded()} in the transaction that stored a meter read, and
 * the bill run starts as soon as that transaction commits, instead of at its next scheduled turn. Billing never runs
 * inside the usage transaction: a bill that cannot be drafted never rolls back the usage it is drafted from.
 */
@ApplicationScoped
public class UsageBilling {

    private static final Logger LOG = Logger.getLogger(UsageBilling.class);
    private static final Object REGISTERED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ManagedExecutor executor;

    @Inject
    BillRun billRun;

    @Inject
    Clock clock;

    public void usageRecorded() {
        if (transactions.getTransactionKey() == null) {
            runSoon();
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runSoon();
                }
            }
        });
    }

    private void runSoon() {
        // the executor propagates the (by now completed) usage transaction: the run works in transactions of its own
        executor.runAsync(() -> QuarkusTransaction.suspendingExisting().run(() -> billRun.run(LocalDate.now(clock))))
                .exceptionally(e -> {
                    LOG.warn("bill run after usage failed; the scheduled run will pick the usage up", e);
                    return null;
                });
    }
}
