package org.metertocash.billing.ledger;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

/**
 * Retry of an UNAPPLIED_PAYMENT item: the payment is matched again (its billing account may have been opened since)
 * and applied if it matches now. To apply it to an account the payer did not name, payment-service announces it
 * again with that account (unapplied cash applied by an analyst).
 */
@ApplicationScoped
public class UnappliedPaymentRetry implements WorkItemRetry {

    @Inject
    PaymentApplications payments;

    @Override
    public String type() {
        return PaymentApplications.UNAPPLIED_PAYMENT;
    }

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        UUID paymentId;
        try {
            paymentId = UUID.fromString(item.reference);
        } catch (IllegalArgumentException e) {
            return new RetryOutcome(false, "reference " + item.reference + " is not a payment id");
        }
        PaymentApplications.RetryResult result = payments.retry(paymentId,
                Origin.user(actor, "retry " + PaymentApplications.UNAPPLIED_PAYMENT, item.id.toString()));
        return new RetryOutcome(result.applied(), result.description());
    }
}
