package org.metertocash.billing.bill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Retry of a read that could not be billed (BILL_NO_PRODUCT once the product exists, BILL_RATING_FAILED once the
 * tariff is in place): the read is drafted again now. The work item closes when a bill exists.
 */
abstract class BillDraftRetry implements WorkItemRetry {

    @Inject
    BillDrafting drafting;

    @Inject
    Clock clock;

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        UUID readId;
        try {
            readId = UUID.fromString(item.reference);
        } catch (IllegalArgumentException e) {
            return new RetryOutcome(false, "reference " + item.reference + " is not a meter read id");
        }
        String accountNumber = QuarkusTransaction.requiringNew().call(() -> {
            MeterRead read = MeterRead.findById(readId);
            if (read == null) {
                return null;
            }
            List<BillingAccount> accounts = BillingAccount.list("esiId = ?1 and startDate <= ?2 and billingType = ?3",
                    Sort.descending("startDate"), read.esiId, read.periodStart, BillingType.POSTPAY);
            return accounts.isEmpty() ? null : accounts.get(0).accountNumber;
        });
        if (accountNumber == null) {
            return new RetryOutcome(false, "no post-pay account bills read " + readId);
        }
        BillDrafting.Outcome outcome = drafting.draft(readId, accountNumber, LocalDate.now(clock));
        boolean billed = outcome != BillDrafting.Outcome.NOT_BILLABLE;
        return new RetryOutcome(billed, billed ? "bill drafted: " + outcome : "still not billable");
    }

    /** Retries reads whose account's product was missing. */
    @ApplicationScoped
    static class NoProduct extends BillDraftRetry {
        @Override
        public String type() {
            return BillDrafting.BILL_NO_PRODUCT;
        }
    }

    /** Retries reads that could not be rated. */
    @ApplicationScoped
    static class RatingFailed extends BillDraftRetry {
        @Override
        public String type() {
            return BillDrafting.BILL_RATING_FAILED;
        }
    }
}
