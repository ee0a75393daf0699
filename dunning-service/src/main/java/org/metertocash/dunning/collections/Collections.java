package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.dunning.contacts.Contacts;
import org.metertocash.dunning.contacts.CustomerContact;
import org.metertocash.dunning.ledger.Ledger;
import org.metertocash.dunning.plans.PaymentPlans;
import org.metertocash.dunning.serviceorders.ServiceOrders;
import org.metertocash.platform.events.ConsumedEvent;

/**
 * What each consumed event does to collections: it is recorded where it belongs (ledger, contacts, service orders),
 * once by its own id, and the account it concerns is evaluated in the same transaction. Starts following an account
 * the moment billing opens it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Collections {

    private static final Logger LOG = Logger.getLogger(Collections.class);

    @Inject
    Clock clock;

    @Inject
    Evaluations evaluations;

    @Inject
    Ledger ledger;

    @Inject
    Contacts contacts;

    @Inject
    PaymentPlans plans;

    @Inject
    ServiceOrders serviceOrders;

    // -------------------------------------------------------------------------------------------- accounts

    public void accountOpened(BillingAccountOpened event, ConsumedEvent envelope) {
        if (CollectionAccount.findById(event.accountNumber()) != null) {
            return;
        }
        CollectionAccount account = new CollectionAccount();
        account.esiId = event.esiId();
        account.accountNumber = event.accountNumber();
        account.billingType = event.billingType();
        account.enrollmentId = event.enrollmentId();
        account.tdsp = event.tdsp();
        account.county = contacts.forAccount(event.enrollmentId(), event.esiId()).map(c -> c.county).orElse(null);
        account.state = CollectionState.CURRENT;
        account.rule = "account opened";
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
        // bills or payments that arrived before the account count from now on
        evaluations.evaluate(account.accountNumber, Trigger.of(envelope));
    }

    /** The customer and county of an accepted enrollment; its account, if opened already, learns its county. */
    public void enrollmentAccepted(EnrollmentAccepted event, ConsumedEvent envelope) {
        CustomerContact contact = contacts.enrollmentAccepted(event);
        List<CollectionAccount> accounts = CollectionAccount.list("enrollmentId", event.enrollmentId());
        for (CollectionAccount account : accounts) {
            if (account.county == null && contact.county != null) {
                account.county = contact.county;
                evaluations.evaluate(account.accountNumber, Trigger.of(envelope));
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- bills

    public void billPosted(BillPosted event, ConsumedEvent envelope) {
        if (ledger.billPosted(event)) {
            evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
        }
    }

    public void billCancelled(BillCancelled event, ConsumedEvent envelope) {
        if (ledger.billCancelled(event)) {
            evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
        }
    }

    // -------------------------------------------------------------------------------------------- payments

    /**
     * A payment counts for the account it names, else the premise's current account; one for an account collections
     * does not follow is recorded and ignored (not an error). Counted once per paymentId.
     */
    public void paymentPosted(PaymentPosted event, ConsumedEvent envelope) {
        String named = event.accountNumber() == null || event.accountNumber().isBlank() ? null
                : event.accountNumber().trim();
        // as billing applies it: the account named, else the premise's current account
        String accountNumber = named != null && CollectionAccount.findById(named) != null ? named
                : evaluations.currentAccount(event.esiId()).map(a -> a.accountNumber).orElse(named);
        String unmatched = accountNumber == null ? "no account in collections for ESI ID " + event.esiId() : null;
        LocalDate receivedOn = (event.receivedAt() != null ? event.receivedAt() : clock.instant())
                .atZone(zone()).toLocalDate();
        if (!ledger.paymentPosted(event.paymentId(), accountNumber, event.esiId(), event.amount(), receivedOn,
                unmatched)) {
            return;
        }
        if (accountNumber == null || CollectionAccount.findById(accountNumber) == null) {
            // kept under the account it names: it counts if that account opens later
            LOG.infof("Payment %s (account %s, ESI ID %s) matches no account in collections: recorded, ignored",
                    event.paymentId(), accountNumber, event.esiId());
            return;
        }
        plans.paymentApplied(accountNumber, event.paymentId(), event.amount(), receivedOn);
        evaluations.evaluate(accountNumber, Trigger.payment(envelope, event.paymentId()));
    }

    public void paymentReturned(PaymentReturned event, ConsumedEvent envelope) {
        String accountNumber = event.accountNumber();
        if (accountNumber == null || accountNumber.isBlank()) {
            accountNumber = evaluations.currentAccount(event.esiId()).map(a -> a.accountNumber).orElse(null);
        }
        LocalDate on = (event.returnedAt() != null ? event.returnedAt() : clock.instant()).atZone(zone())
                .toLocalDate();
        Optional<String> paidTo = ledger.paymentReturned(event.returnId(), event.paymentId(), accountNumber,
                event.esiId(), event.amount(), on);
        if (paidTo.isPresent()) {
            plans.paymentReversed(paidTo.get(), event.paymentId());
            evaluations.evaluate(paidTo.get(), Trigger.of(envelope));
        }
    }

    // --------------------------------------------------------------------------------------------- pre-pay

    public void prepayDailyBalance(PrepayDailyBalance event, ConsumedEvent envelope) {
        ledger.prepayDailyBalance(event);
        evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
    }

    public void prepayBalanceLow(PrepayBalanceLow event, ConsumedEvent envelope) {
        ledger.prepayBalanceLow(event);
        evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
    }

    public void prepayBelowDisconnection(PrepayBalanceBelowDisconnection event, ConsumedEvent envelope) {
        ledger.prepayBelowDisconnection(event);
        evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
    }

    public void prepayReconnectEligible(PrepayReconnectEligible event, ConsumedEvent envelope) {
        ledger.prepayReconnectEligible(event);
        evaluations.evaluate(event.accountNumber(), Trigger.of(envelope));
    }

    // ------------------------------------------------------------------------------------ service orders

    public void serviceOrderSent(ServiceOrderSent event, ConsumedEvent envelope) {
        serviceOrders.sent(event);
    }

    /** A 650_02 completion, applied once: DISCONNECTED, or back where the rules put the account after a reconnect. */
    public void serviceOrderCompleted(ServiceOrderCompleted event, ConsumedEvent envelope) {
        serviceOrders.completed(event).filter(ServiceOrders.Answered::changed)
                .ifPresent(a -> evaluations.evaluate(a.order().accountNumber, Trigger.of(envelope)));
    }

    /** A 650_02 rejection: a work item, and the rules decide when (or whether) the order goes again. */
    public void serviceOrderRejected(ServiceOrderRejected event, ConsumedEvent envelope) {
        serviceOrders.rejected(event).filter(ServiceOrders.Answered::changed)
                .ifPresent(a -> evaluations.evaluate(a.order().accountNumber, Trigger.of(envelope)));
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
