package org.metertocash.payment.accounts;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.platform.events.ConsumedEvent;

/** Keeps the projection of billing accounts. */
@ApplicationScoped
public class PayableAccounts {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(BillingAccountOpened event, ConsumedEvent envelope) {
        if (PayableAccount.findById(event.accountNumber()) != null) {
            return;
        }
        PayableAccount account = new PayableAccount();
        account.accountNumber = event.accountNumber();
        account.esiId = event.esiId();
        account.customerName = event.customerName();
        account.billingType = event.billingType();
        account.openedAt = envelope.time() != null ? envelope.time() : clock.instant();
        account.sourceEventId = envelope.id();
        account.persist();
    }
}
