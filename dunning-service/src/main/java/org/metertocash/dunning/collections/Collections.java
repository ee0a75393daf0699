package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.metertocash.platform.inbox.EventRoutes;

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
    EntityManager em;

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
        String named = named(event.accountNumber());
        // as billing applies it: the account named, else the premise's current account
        String accountNumber = named != null && CollectionAccount.findById(named) != null ? named
                : evaluations.currentAccount(event.esiId()).map(a -> a.accountNumber).orElse(named);
        String unmatched = accountNumber == null ? "no account in collections for ESI ID " + event.esiId() : null;
        LocalDate receivedOn = receivedOn(event);
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

    /**
     * A run of payments read one after another from {@code payment.events}, with exactly the effect of
     * {@link #paymentPosted} called for each in turn, in far fewer statements: the payment ids collections already
     * keeps are read with one query and the accounts the run names (by number or premise) with one; the payments that
     * are new and are the only one of the run for their account are recorded with one statement, counted towards the
     * plans of the accounts that have one, and each such account is evaluated once, under its lock, in account-number
     * order (as the day turn takes them). Everything else goes through {@link #paymentPosted} itself, in its place in
     * the run: a payment seen before (posted, or returned before it arrived), one announced twice in the run, one
     * matching no account in collections (kept under the number it names), an account with several payments in the
     * run (each evaluated after its own payment, so the history and what is cleared by which payment are the same).
     * Accounts are independent of one another (an evaluation reads and writes only its own account's rows), so taking
     * the plain payments out of the run's order changes nothing.
     */
    public void paymentsPosted(List<EventRoutes.Delivery<PaymentPosted>> run) {
        Map<UUID, Integer> perPayment = new HashMap<>();
        for (EventRoutes.Delivery<PaymentPosted> each : run) {
            if (each.event().paymentId() != null) {
                perPayment.merge(each.event().paymentId(), 1, Integer::sum);
            }
        }
        Set<UUID> known = ledger.knownPayments(perPayment.keySet());
        AccountsNamed accounts = accountsNamed(run);
        String[] resolved = new String[run.size()];
        Map<String, Integer> perAccount = new HashMap<>();
        for (int i = 0; i < run.size(); i++) {
            PaymentPosted event = run.get(i).event();
            resolved[i] = accounts.resolve(named(event.accountNumber()), event.esiId());
            if (resolved[i] != null) {
                perAccount.merge(resolved[i], 1, Integer::sum);
            }
        }
        List<Ledger.PostedPayment> together = new ArrayList<>();
        Map<String, EventRoutes.Delivery<PaymentPosted>> byAccount = new TreeMap<>();
        for (int i = 0; i < run.size(); i++) {
            EventRoutes.Delivery<PaymentPosted> each = run.get(i);
            PaymentPosted event = each.event();
            String account = resolved[i];
            boolean plain = event.paymentId() != null && event.amount() != null && account != null
                    && accounts.follows(account) && perPayment.get(event.paymentId()) == 1
                    && !known.contains(event.paymentId()) && perAccount.get(account) == 1;
            if (!plain) {
                paymentPosted(event, each.envelope()); // exactly as on its own, in its place in the run
                continue;
            }
            together.add(new Ledger.PostedPayment(event.paymentId(), account, event.esiId(), event.amount(),
                    receivedOn(event)));
            byAccount.put(account, each);
        }
        if (together.isEmpty()) {
            return;
        }
        ledger.insertPostedPayments(together);
        Set<String> withPlans = plans.accountsWithOpenPlan(byAccount.keySet());
        for (Ledger.PostedPayment payment : together) {
            if (withPlans.contains(payment.accountNumber())) {
                plans.paymentApplied(payment.accountNumber(), payment.paymentId(), payment.amount(),
                        payment.receivedOn());
            }
        }
        for (Map.Entry<String, EventRoutes.Delivery<PaymentPosted>> entry : byAccount.entrySet()) {
            evaluations.evaluate(entry.getKey(), Trigger.payment(entry.getValue().envelope(),
                    entry.getValue().event().paymentId()));
            // as between events: written out, and the next account's evaluation does not dirty-check this one's rows
            em.flush();
            em.clear();
        }
    }

    /** The accounts a run of payments names, by number or by premise, read with one query. */
    private AccountsNamed accountsNamed(List<EventRoutes.Delivery<PaymentPosted>> run) {
        Set<String> numbers = new HashSet<>();
        Set<String> esiIds = new HashSet<>();
        for (EventRoutes.Delivery<PaymentPosted> each : run) {
            String named = named(each.event().accountNumber());
            if (named != null) {
                numbers.add(named);
            }
            if (each.event().esiId() != null && !each.event().esiId().isBlank()) {
                esiIds.add(each.event().esiId());
            }
        }
        AccountsNamed accounts = new AccountsNamed();
        if (numbers.isEmpty() && esiIds.isEmpty()) {
            return accounts;
        }
        String where = numbers.isEmpty() ? "a.esiId in :esiIds"
                : esiIds.isEmpty() ? "a.accountNumber in :numbers" : "a.accountNumber in :numbers or a.esiId in :esiIds";
        var query = CollectionAccount.getEntityManager().createQuery(
                "select a.accountNumber, a.esiId, a.openedAt from CollectionAccount a where " + where, Object[].class);
        if (!numbers.isEmpty()) {
            query.setParameter("numbers", numbers);
        }
        if (!esiIds.isEmpty()) {
            query.setParameter("esiIds", esiIds);
        }
        query.getResultList().forEach(row -> accounts.add((String) row[0], (String) row[1], (Instant) row[2]));
        return accounts;
    }

    /**
     * The accounts in collections a run names: what {@link #paymentPosted} would find for each payment. A premise
     * whose latest accounts were opened at the same instant has no one current account: its payments go one by one.
     */
    private static final class AccountsNamed {
        private final Set<String> numbers = new HashSet<>();
        private final Map<String, String> currentByEsiId = new HashMap<>();
        private final Map<String, Instant> openedByEsiId = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();

        void add(String accountNumber, String esiId, Instant openedAt) {
            numbers.add(accountNumber);
            Instant latest = openedByEsiId.get(esiId);
            if (latest == null || openedAt.isAfter(latest)) {
                openedByEsiId.put(esiId, openedAt);
                currentByEsiId.put(esiId, accountNumber);
                ambiguous.remove(esiId);
            } else if (openedAt.equals(latest)) {
                ambiguous.add(esiId);
            }
        }

        /** The account named when collections follows it, else the premise's current account, else the name. */
        String resolve(String named, String esiId) {
            if (named != null && numbers.contains(named)) {
                return named;
            }
            if (esiId != null && ambiguous.contains(esiId)) {
                return null;
            }
            String current = esiId == null ? null : currentByEsiId.get(esiId);
            return current != null ? current : named;
        }

        boolean follows(String accountNumber) {
            return numbers.contains(accountNumber);
        }
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

    private static String named(String accountNumber) {
        return accountNumber == null || accountNumber.isBlank() ? null : accountNumber.trim();
    }

    private LocalDate receivedOn(PaymentPosted event) {
        return (event.receivedAt() != null ? event.receivedAt() : clock.instant()).atZone(zone()).toLocalDate();
    }
}
