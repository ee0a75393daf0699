package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.dunning.CollectionStateChanged;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.dunning.collections.policy.Action;
import org.metertocash.dunning.collections.policy.CollectionPolicy;
import org.metertocash.dunning.collections.policy.Decision;
import org.metertocash.dunning.collections.policy.Snapshot;
import org.metertocash.dunning.collections.policy.WorkItemTypes;
import org.metertocash.dunning.contacts.Contacts;
import org.metertocash.dunning.contacts.CustomerContact;
import org.metertocash.dunning.gates.Gates;
import org.metertocash.dunning.ledger.LateFee;
import org.metertocash.dunning.ledger.Ledger;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;
import org.metertocash.dunning.notices.NoticeRequest;
import org.metertocash.dunning.notices.Notices;
import org.metertocash.dunning.notices.Recipient;
import org.metertocash.dunning.plans.PaymentPlans;
import org.metertocash.dunning.serviceorders.ServiceOrders;
import org.metertocash.platform.calendar.BusinessCalendar;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.platform.outbox.Outbox;

import io.quarkus.panache.common.Sort;

/**
 * Evaluates one account: under a lock on its row (select … for update), builds its {@link Snapshot} from what
 * collections knows today, lets the {@link CollectionPolicy} decide, and applies the decision in the caller's
 * transaction — the transition row, CollectionStateChanged and every action's record and event through the outbox.
 * When the state does not change nothing is written but what happens next, unless something is owed in that state (a
 * late fee: an action-only step, recorded in the history with its rule). A state the account only passes through
 * (a disconnection completed after the order was withdrawn) is followed at once by the next decision. Runs in the
 * transaction of the event that caused it, of the day turn, or of the change a CDI {@link AccountChanged} announces.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Evaluations {

    private static final Logger LOG = Logger.getLogger(Evaluations.class);

    /** At most this many decisions per evaluation: a pass-through state and the step that follows it. */
    private static final int MAX_PASSES = 3;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CollectionPolicy policy;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Ledger ledger;

    @Inject
    Contacts contacts;

    @Inject
    Gates gates;

    @Inject
    PaymentPlans plans;

    @Inject
    Notices notices;

    @Inject
    ServiceOrders serviceOrders;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    /** A designation, a plan or a moratorium changed for the premise: its current account is evaluated at once. */
    void accountChanged(@Observes AccountChanged change) {
        LOG.debugf("Evaluating %s: %s", change.esiId(), change.reason());
        evaluatePremise(change.esiId(), Trigger.change());
    }

    /** Evaluates the premise's current account (its latest opened), if collections follows one. */
    public Optional<Decision> evaluatePremise(String esiId, Trigger trigger) {
        return currentAccount(esiId).flatMap(account -> evaluate(account.accountNumber, trigger));
    }

    /** The premise's current account: the latest opened. */
    public Optional<CollectionAccount> currentAccount(String esiId) {
        if (esiId == null || esiId.isBlank()) {
            return Optional.empty();
        }
        return CollectionAccount.<CollectionAccount> find("esiId", Sort.descending("openedAt"), esiId)
                .firstResultOptional();
    }

    /** Evaluates the account; empty when collections does not follow it. */
    public Optional<Decision> evaluate(String accountNumber, Trigger trigger) {
        if (accountNumber == null) {
            return Optional.empty();
        }
        CollectionAccount account = em.find(CollectionAccount.class, accountNumber, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return Optional.empty();
        }
        LocalDate today = trigger.on() != null ? trigger.on() : LocalDate.now(clock);
        Optional<CustomerContact> contact = contacts.forAccount(account.enrollmentId, account.esiId);
        if (account.county == null) {
            account.county = contact.map(c -> c.county).orElse(null);
        }
        if (account.tdsp == null) {
            account.tdsp = contact.map(c -> c.tdsp).orElse(null);
        }
        Decision decision = decideAndApply(account, contact, today, trigger);
        Decision recorded = decision.recorded() ? decision : null;
        // a state the account only passes through records a fact the rules had not seen (the premise went off after
        // the order was withdrawn); what the rules say from there follows at once, in the same transaction
        for (int pass = 1; decision.passing() && decision.changed() && pass < MAX_PASSES; pass++) {
            decision = decideAndApply(account, contact, today, trigger);
            if (decision.recorded()) {
                recorded = decision;
            }
        }
        return Optional.of(decision.recorded() || recorded == null ? decision : recorded);
    }

    private Decision decideAndApply(CollectionAccount account, Optional<CustomerContact> contact, LocalDate today,
            Trigger trigger) {
        Snapshot snapshot = snapshot(account, contact, today, trigger);
        Decision decision = policy.decide(snapshot);
        if (!Objects.equals(account.nextWhat, decision.next().what())
                || !Objects.equals(account.nextOn, decision.next().on())) {
            account.nextWhat = decision.next().what();
            account.nextOn = decision.next().on();
        }
        if (decision.recorded()) {
            apply(account, contact, decision, today, trigger);
        }
        return decision;
    }

    private Snapshot snapshot(CollectionAccount account, Optional<CustomerContact> contact, LocalDate today,
            Trigger trigger) {
        String number = account.accountNumber;
        BillingType type = account.billingType;
        boolean countyKnown = account.county != null && !account.county.isBlank();
        Set<NoticeChannel> reachableBy = EnumSet.noneOf(NoticeChannel.class);
        contact.ifPresent(c -> {
            if (c.email != null) {
                reachableBy.add(NoticeChannel.EMAIL);
            }
            if (c.phone != null) {
                reachableBy.add(NoticeChannel.SMS);
            }
        });
        return new Snapshot(today, clock.instant(), type, account.state, account.rule, ledger.bills(number),
                ledger.payments(number), ledger.lateFees(number), gates.designationsOn(account.esiId, today),
                countyKnown, countyKnown && gates.moratoriumOn(account.county, today), calendar.isBusinessDay(today),
                type == BillingType.POSTPAY ? plans.standing(number, account.esiId, today, trigger.cause())
                        : Optional.empty(),
                latestNotices(number), serviceOrders.facts(number),
                type == BillingType.PREPAY ? ledger.prepay(number) : Snapshot.Prepay.NONE, reachableBy,
                account.convertedOn != null);
    }

    private static Map<NoticeKind, Snapshot.Notice> latestNotices(String accountNumber) {
        Map<NoticeKind, Snapshot.Notice> latest = new EnumMap<>(NoticeKind.class);
        CollectionNotice.<CollectionNotice> list("accountNumber", Sort.by("issuedOn").and("recordedAt"),
                accountNumber).forEach(n -> latest.put(n.kind,
                        new Snapshot.Notice(n.noticeId, n.kind, n.issuedOn, n.amount, n.disconnectDate)));
        return latest;
    }

    private void apply(CollectionAccount account, Optional<CustomerContact> contact, Decision decision,
            LocalDate today, Trigger trigger) {
        CollectionState from = account.state;
        Instant now = clock.instant();
        // resolved before the actions: a new order would hide the rejected one whose work item closes
        Optional<String> rejectedReference = serviceOrders.latestRejected(account.accountNumber)
                .map(o -> o.requestId.toString());
        // the history row: a change of state, or an action-only step (the state stays, from = to)
        CollectionTransition transition = new CollectionTransition();
        transition.accountNumber = account.accountNumber;
        transition.fromState = from;
        transition.toState = decision.state();
        transition.rule = decision.stepRule();
        transition.causeEventId = trigger.causeEventId();
        transition.at = now;
        transition.persist();
        account.updatedAt = now;
        if (decision.changed()) {
            account.state = decision.state();
            account.rule = decision.rule();
            outbox.publish(new CollectionStateChanged(account.accountNumber, account.esiId, from.name(),
                    decision.state().name(), decision.rule(), today), trigger.cause());
        }

        ServiceOrders.Premise premise = new ServiceOrders.Premise(account.accountNumber, account.esiId, account.tdsp);
        for (Action action : decision.actions()) {
            if (action instanceof Action.AssessLateFee fee) {
                LateFee assessed = ledger.lateFeeAssessed(account.accountNumber, fee.billId(), fee.amount(),
                        fee.pastDueAmount(), today);
                outbox.publish(new LateFeeAssessed(assessed.feeId, account.accountNumber, account.esiId,
                        fee.amount(), fee.pastDueAmount(), today), trigger.cause());
            } else if (action instanceof Action.IssueNotice notice) {
                issue(account, contact, notice, today, trigger);
            } else if (action instanceof Action.RequestDisconnect request) {
                serviceOrders.requestDisconnect(premise, request.requestedDate(), trigger.cause(),
                        trigger.causeEventId());
            } else if (action instanceof Action.CancelDisconnect cancel) {
                serviceOrders.cancelDisconnect(premise, cancel.originalRequestId(), today, trigger.cause(),
                        trigger.causeEventId());
            } else if (action instanceof Action.RequestReconnect request) {
                serviceOrders.requestReconnect(premise, request.requestedDate(), trigger.cause(),
                        trigger.causeEventId());
            } else if (action instanceof Action.ClearHold clear) {
                outbox.publish(new DunningHoldCleared(account.accountNumber, account.esiId, trigger.paymentId(),
                        from.name(), clear.reason(), today), trigger.cause());
            } else if (action instanceof Action.RaiseWorkItem raise) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("accountNumber", account.accountNumber);
                details.put("state", decision.state().name());
                details.put("rule", decision.rule());
                details.put("county", account.county);
                details.put("on", today.toString());
                workQueue.raise(raise.type(), account.esiId, account.accountNumber, raise.summary(), details);
            } else if (action instanceof Action.CloseWorkItem close) {
                String reference = WorkItemTypes.SERVICE_ORDER_REJECTED.equals(close.type())
                        ? rejectedReference.orElse(null)
                        : account.accountNumber;
                if (reference != null) {
                    workQueue.closeByReference(close.type(), reference, WorkQueue.SYSTEM,
                            "cause cleared: account " + decision.state() + " (" + decision.rule() + ") on " + today);
                }
            } else if (action instanceof Action.RequestPrepayConversion conversion) {
                // §25.498: moved to a postpaid product without a fee; collections follows it as post-pay from now
                outbox.publish(new PrepayConversionRequested(account.accountNumber, account.esiId,
                        conversion.designation().name(), today), trigger.cause());
                account.convertedOn = today;
                account.convertedFor = conversion.designation().name();
                account.billingType = BillingType.POSTPAY;
            }
        }
    }

    /** Disconnect notices are printed and mailed to the service address; pre-pay messages go by text and e-mail. */
    private void issue(CollectionAccount account, Optional<CustomerContact> contact, Action.IssueNotice notice,
            LocalDate today, Trigger trigger) {
        ServiceAddress address = contact.map(CustomerContact::serviceAddress).orElse(null);
        Recipient recipient = new Recipient(contact.map(c -> c.name).orElse(null),
                contact.map(c -> c.email).orElse(null), contact.map(c -> c.phone).orElse(null), address);
        UUID noticeId = notices.issue(new NoticeRequest(account.accountNumber, account.esiId, notice.kind(),
                notice.channel(), recipient, notice.amount(), notice.disconnectDate(), today), trigger.cause());
        CollectionNotice issued = new CollectionNotice();
        issued.noticeId = noticeId;
        issued.accountNumber = account.accountNumber;
        issued.kind = notice.kind();
        issued.channel = notice.channel();
        issued.issuedOn = today;
        issued.amount = notice.amount();
        issued.disconnectDate = notice.disconnectDate();
        issued.recordedAt = clock.instant();
        issued.persist();
    }
}
