package org.metertocash.dunning.collections.policy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.dunning.collections.CollectionState;
import org.metertocash.dunning.collections.policy.Snapshot.Order;
import org.metertocash.dunning.collections.policy.Snapshot.OrderKind;
import org.metertocash.dunning.collections.policy.Snapshot.OrderStatus;
import org.metertocash.dunning.gates.Designation;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;
import org.metertocash.dunning.plans.PlanStanding;
import org.metertocash.platform.calendar.BusinessCalendar;

/**
 * One account walked day by day through the policy: each day the facts of that day are applied (bills, payments,
 * completions, moratoriums...), the snapshot is built, the policy decides, and the decision's actions are applied to
 * the facts the way the engine records them. Every step and every action is kept with its day for the assertions.
 */
final class AccountWalk {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /** The Federal Reserve holidays of platform-kit's default calendar (Thanksgiving 2026-11-26, Christmas...). */
    static final BusinessCalendar CALENDAR = BusinessCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Map.ofEntries(
                    Map.entry("new-years-day", "01-01 sunday-to-monday"),
                    Map.entry("martin-luther-king-jr-day", "third monday of january"),
                    Map.entry("washingtons-birthday", "third monday of february"),
                    Map.entry("memorial-day", "last monday of may"),
                    Map.entry("juneteenth", "06-19 sunday-to-monday from 2022"),
                    Map.entry("independence-day", "07-04 sunday-to-monday"),
                    Map.entry("labor-day", "first monday of september"),
                    Map.entry("columbus-day", "second monday of october"),
                    Map.entry("veterans-day", "11-11 sunday-to-monday"),
                    Map.entry("thanksgiving-day", "fourth thursday of november"),
                    Map.entry("christmas-day", "12-25 sunday-to-monday")));

    static final List<Step> POSTPAY_STEPS = List.of(Step.DISCONNECTED, Step.RECONNECT_REQUESTED,
            Step.DISCONNECT_REQUESTED, Step.PAYMENT_PLAN, Step.DISCONNECT, Step.DISCONNECT_PENDING,
            Step.DISCONNECT_NOTICE, Step.PAST_DUE, Step.CURRENT);
    static final List<Step> PREPAY_STEPS = List.of(Step.PREPAY_CONVERSION, Step.DISCONNECTED,
            Step.RECONNECT_REQUESTED, Step.DISCONNECT_REQUESTED, Step.PREPAY_DISCONNECT,
            Step.PREPAY_DISCONNECT_WARNING, Step.PREPAY_LOW_BALANCE, Step.CURRENT);

    /** The application.properties policy: past due the day after, 5 % fee, notice 5 days after due, 10 days on. */
    static PolicySettings settings() {
        return settings(new BigDecimal("5"), 10, new BigDecimal("25.00"));
    }

    static PolicySettings settings(BigDecimal feePercent, int disconnectDaysAfterNotice, BigDecimal threshold) {
        return new PolicySettings(
                new PolicySettings.Postpay(POSTPAY_STEPS, 1, true, feePercent, 5, disconnectDaysAfterNotice,
                        threshold, false, Set.of("WTM")),
                new PolicySettings.Prepay(PREPAY_STEPS, 1, false, Set.of("WTM")),
                java.time.Duration.ofHours(48));
    }

    record Step_(LocalDate on, CollectionState from, CollectionState to, String rule) {
    }

    /** A step recorded in the history, as the engine writes it: a change of state or an action-only step. */
    record Recorded(LocalDate on, CollectionState from, CollectionState to, String rule, List<Action> actions) {
    }

    record Done(LocalDate on, Action action) {
    }

    private final CollectionPolicy policy;
    BillingType billingType;
    CollectionState state = CollectionState.CURRENT;
    String rule = "account opened";
    final List<Snapshot.Bill> bills = new ArrayList<>();
    final List<Snapshot.Payment> payments = new ArrayList<>();
    final List<Snapshot.LateFee> lateFees = new ArrayList<>();
    final Set<Designation> designations = new HashSet<>();
    final Set<LocalDate> moratoriumDays = new HashSet<>();
    Optional<PlanStanding> plan = Optional.empty();
    final Map<NoticeKind, Snapshot.Notice> notices = new EnumMap<>(NoticeKind.class);
    boolean disconnected;
    Optional<Order> latestOrder = Optional.empty();
    Snapshot.Prepay prepay = Snapshot.Prepay.NONE;
    Set<NoticeChannel> reachableBy = Set.of();
    boolean converted;
    final List<Step_> steps = new ArrayList<>();
    final List<Recorded> history = new ArrayList<>();
    final List<Done> done = new ArrayList<>();
    final Map<LocalDate, List<Consumer<AccountWalk>>> events = new LinkedHashMap<>();
    Decision lastDecision;

    AccountWalk(BillingType billingType) {
        this(billingType, settings());
    }

    AccountWalk(BillingType billingType, PolicySettings settings) {
        this.billingType = billingType;
        this.policy = new CollectionPolicy(settings, CALENDAR);
    }

    /** Something that happens on a day, before that day's evaluation. */
    AccountWalk on(LocalDate day, Consumer<AccountWalk> event) {
        events.computeIfAbsent(day, d -> new ArrayList<>()).add(event);
        return this;
    }

    /** Walks every day from {@code from} to {@code to}, both included. */
    AccountWalk walk(LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Consumer<AccountWalk> event : events.getOrDefault(day, List.of())) {
                event.accept(this);
            }
            evaluate(day);
        }
        return this;
    }

    Decision evaluate(LocalDate day) {
        Instant now = day.atTime(LocalTime.of(6, 0)).atZone(ZONE).toInstant();
        return evaluate(day, now);
    }

    /** One evaluation as the engine runs it: a state passed through is followed at once by the next decision. */
    Decision evaluate(LocalDate day, Instant now) {
        Decision decision = decideOnce(day, now);
        for (int pass = 1; decision.passing() && decision.changed() && pass < 3; pass++) {
            decision = decideOnce(day, now);
        }
        return decision;
    }

    private Decision decideOnce(LocalDate day, Instant now) {
        Snapshot snapshot = new Snapshot(day, now, billingType, state, rule, bills, payments, lateFees,
                designations, true,
                moratoriumDays.contains(day), CALENDAR.isBusinessDay(day), plan, notices,
                new Snapshot.Orders(disconnected, latestOrder), prepay, reachableBy, converted);
        Decision decision = policy.decide(snapshot);
        lastDecision = decision;
        if (!decision.recorded()) {
            if (!decision.actions().isEmpty()) {
                throw new AssertionError("actions without a step on " + day + ": " + decision);
            }
            return decision;
        }
        history.add(new Recorded(day, state, decision.state(), decision.stepRule(), decision.actions()));
        if (decision.changed()) {
            steps.add(new Step_(day, state, decision.state(), decision.rule()));
        }
        for (Action action : decision.actions()) {
            done.add(new Done(day, action));
            apply(day, now, action);
        }
        if (decision.changed()) {
            state = decision.state();
            rule = decision.rule();
        }
        return decision;
    }

    private void apply(LocalDate day, Instant now, Action action) {
        if (action instanceof Action.AssessLateFee fee) {
            lateFees.add(new Snapshot.LateFee(UUID.randomUUID(), fee.billId(), fee.amount(), day));
        } else if (action instanceof Action.IssueNotice notice) {
            notices.put(notice.kind(), new Snapshot.Notice(UUID.randomUUID(), notice.kind(), day, notice.amount(),
                    notice.disconnectDate()));
        } else if (action instanceof Action.RequestDisconnect) {
            latestOrder = Optional.of(new Order(UUID.randomUUID(), OrderKind.DISCONNECT, OrderStatus.REQUESTED, day,
                    now, null, null, false));
        } else if (action instanceof Action.RequestReconnect) {
            latestOrder = Optional.of(new Order(UUID.randomUUID(), OrderKind.RECONNECT, OrderStatus.REQUESTED, day,
                    now, null, null, false));
        } else if (action instanceof Action.CancelDisconnect) {
            latestOrder = latestOrder.map(o -> new Order(o.requestId(), o.kind(), OrderStatus.CANCELLED,
                    o.requestedOn(), o.requestedAt(), null, null, false, true));
        } else if (action instanceof Action.RequestPrepayConversion) {
            billingType = BillingType.POSTPAY;
            converted = true;
        }
    }

    // ------------------------------------------------------------------------------------------- day's facts

    Snapshot.Bill bill(String amount, LocalDate issued, LocalDate due) {
        Snapshot.Bill bill = new Snapshot.Bill(UUID.randomUUID(), issued, due, new BigDecimal(amount), false);
        bills.add(bill);
        return bill;
    }

    void pay(String amount, LocalDate on) {
        payments.add(new Snapshot.Payment(UUID.randomUUID(), new BigDecimal(amount), on, false));
    }

    /** The 650_02 completing the latest order (one collections withdrew stays withdrawn: its cancel came too late). */
    void completeLatestOrder() {
        Order order = latestOrder.orElseThrow();
        latestOrder = Optional.of(new Order(order.requestId(), order.kind(), OrderStatus.COMPLETED,
                order.requestedOn(), order.requestedAt(), null, null, false, order.withdrawn()));
        disconnected = order.kind() == OrderKind.DISCONNECT;
    }

    void rejectLatestOrder(String reason, LocalDate on) {
        Order order = latestOrder.orElseThrow();
        latestOrder = Optional.of(new Order(order.requestId(), order.kind(), OrderStatus.REJECTED,
                order.requestedOn(), order.requestedAt(), on, reason, false, order.withdrawn()));
    }

    // ------------------------------------------------------------------------------------------- reading back

    List<Action> actionsOn(LocalDate day) {
        return done.stream().filter(d -> d.on().equals(day)).map(Done::action).toList();
    }

    <A extends Action> List<Done> all(Class<A> type) {
        return done.stream().filter(d -> type.isInstance(d.action())).toList();
    }

    List<String> path() {
        return steps.stream().map(s -> s.on() + " " + s.to()).toList();
    }

    /** Every step recorded, action-only ones included: "day STATE rule". */
    List<String> recordedSteps() {
        return history.stream().map(h -> h.on() + " " + h.to() + " " + h.rule()).toList();
    }
}
