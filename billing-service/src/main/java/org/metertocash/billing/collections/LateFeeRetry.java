package org.metertocash.billing.collections;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.metertocash.billing.ledger.Origin;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Retries a late fee that was not charged ({@value LateFees#NOT_CHARGED}): once operations have fixed the cause (the
 * account is there now), the fee as received is charged, by the person retrying.
 */
@ApplicationScoped
public class LateFeeRetry implements WorkItemRetry {

    @Inject
    LateFees fees;

    @Override
    public String type() {
        return LateFees.NOT_CHARGED;
    }

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        UUID feeId;
        try {
            feeId = UUID.fromString(item.reference);
        } catch (IllegalArgumentException e) {
            return new RetryOutcome(false, "reference " + item.reference + " is not a fee id");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            LateFee fee = LateFee.findById(feeId, LockModeType.PESSIMISTIC_WRITE);
            if (fee == null) {
                return new RetryOutcome(false, "no late fee " + feeId);
            }
            if (fee.status != LateFee.Status.CHARGED) {
                fees.charge(fee, Origin.user(actor, "work-item-retry", item.id.toString()));
            }
            return fee.status == LateFee.Status.CHARGED
                    ? new RetryOutcome(true, "charged: ledger posting " + fee.postingId)
                    : new RetryOutcome(false, "still not charged: " + fee.reason);
        });
    }
}
