package org.metertocash.dunning.collections;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.platform.events.ConsumedEvent;

/** Starts following an account the moment billing opens it. */
@ApplicationScoped
public class Collections {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accountOpened(BillingAccountOpened event, ConsumedEvent envelope) {
        if (CollectionAccount.findById(event.accountNumber()) != null) {
            return;
        }
        CollectionAccount account = new CollectionAccount();
        account.esiId = event.esiId();
        account.accountNumber = event.accountNumber();
        account.billingType = event.billingType();
        account.state = CollectionState.CURRENT;
        account.openedAt = clock.instant();
        account.updatedAt = account.openedAt;
        account.persist();
        CollectionTransition transition = new CollectionTransition();
        transition.accountNumber = account.accountNumber;
        transition.toState = CollectionState.CURRENT;
        transition.rule = "account opened";
        transition.causeEventId = envelope.id();
        transition.at = account.openedAt;
        transition.persist();
    }
}
