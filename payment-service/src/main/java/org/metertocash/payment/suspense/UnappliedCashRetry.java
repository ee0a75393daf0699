package org.metertocash.payment.suspense;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

/**
 * {@code POST /exceptions/{id}/retry} on an {@value PaymentPosting#UNAPPLIED_CASH} item: matches the payment again
 * by what the payer named — useful when the payment arrived before billing opened its account.
 */
@ApplicationScoped
public class UnappliedCashRetry implements WorkItemRetry {

    @Inject
    UnappliedCash unappliedCash;

    @Override
    public String type() {
        return PaymentPosting.UNAPPLIED_CASH;
    }

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        boolean applied = unappliedCash.rematch(UUID.fromString(item.reference), actor, Cause.newFlow());
        return new RetryOutcome(applied, applied ? "matched and posted" : "still matches no payable account");
    }
}
