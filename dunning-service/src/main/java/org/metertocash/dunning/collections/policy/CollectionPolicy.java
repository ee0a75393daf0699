package org.metertocash.dunning.collections.policy;

import static org.metertocash.dunning.collections.CollectionState.CURRENT;
import static org.metertocash.dunning.collections.CollectionState.DISCONNECTED;
import static org.metertocash.dunning.collections.CollectionState.DISCONNECT_HELD;
import static org.metertocash.dunning.collections.CollectionState.DISCONNECT_NOTICE_ISSUED;
import static org.metertocash.dunning.collections.CollectionState.DISCONNECT_PENDING;
import static org.metertocash.dunning.collections.CollectionState.DISCONNECT_REQUESTED;
import static org.metertocash.dunning.collections.CollectionState.PAST_DUE;
import static org.metertocash.dunning.collections.CollectionState.PAYMENT_PLAN;
import static org.metertocash.dunning.collections.CollectionState.PREPAY_CONVERTED;
import static org.metertocash.dunning.collections.CollectionState.PREPAY_DISCONNECT_PENDING;
import static org.metertocash.dunning.collections.CollectionState.PREPAY_LOW_BALANCE;
import static org.metertocash.dunning.collections.CollectionState.RECONNECT_OVERDUE;
import static org.metertocash.dunning.collections.CollectionState.RECONNECT_REQUESTED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.dunning.collections.CollectionState;
import org.metertocash.dunning.collections.policy.Snapshot.Notice;
import org.metertocash.dunning.collections.policy.Snapshot.Order;
import org.metertocash.dunning.collections.policy.Snapshot.OrderKind;
import org.metertocash.dunning.collections.policy.Snapshot.OrderStatus;
import org.metertocash.dunning.gates.Designation;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;
import org.metertocash.dunning.plans.PlanStanding;
import org.metertocash.platform.calendar.BusinessCalendar;

/**
 * The collection policy: a pure function from an account's {@link Snapshot} to a {@link Decision}. The steps of each
 * policy (post-pay, pre-pay) are tried in their configured order and the first that matches decides the state the
 * rules put the account in; when that is the state it is already in, nothing happens. No clock, no database: the
 * caller passes the facts, the business calendar decides which days are business days.
 */
public final class CollectionPolicy {

    /** The rules recorded with each step (and on CollectionStateChanged). */
    public static final class Rules {
        public static final String CURRENT = "current";
        public static final String PAST_DUE = "past-due §25.480(b)";
        public static final String DISCONNECT_NOTICE = "disconnect-notice §25.483";
        public static final String DISCONNECT_PENDING = "disconnect-pending §25.483";
        public static final String DISCONNECT = "disconnect §25.483";
        public static final String HOLD_MORATORIUM = "hold-moratorium §25.483(j)";
        public static final String HOLD_COUNTY_UNKNOWN = "hold-county-unknown §25.483(j)";
        public static final String HOLD_DESIGNATION = "hold-designation §25.497";
        public static final String HOLD_WEEKEND_HOLIDAY = "hold-weekend-holiday §25.483";
        public static final String DISCONNECT_REJECTED = "disconnect-rejected";
        public static final String DISCONNECT_REJECTED_RETRY = "disconnect-rejected-retry";
        public static final String DISCONNECTED = "disconnected";
        /**
         * The wires utility completed a disconnect collections had withdrawn (its cancel came too late): the premise
         * is off all the same, and the account passes through DISCONNECTED to what the rules say for a premise that
         * is off — with the arrears cured, a reconnect at once (§25.483(n)).
         */
        public static final String DISCONNECTED_AFTER_CANCEL = "disconnected-after-cancel §25.483(n)";
        public static final String RECONNECT = "reconnect §25.483(n)";
        public static final String RECONNECT_REJECTED = "reconnect-rejected";
        public static final String RECONNECT_OVERDUE = "reconnect-overdue";
        public static final String PAYMENT_PLAN = "payment-plan §25.480(j)";
        public static final String PREPAY_CONVERSION = "prepay-conversion §25.498";
        public static final String PREPAY_DISCONNECT_WARNING = "prepay-disconnect-warning §25.498";
        public static final String PREPAY_LOW_BALANCE = "prepay-low-balance §25.498";
        /** A late fee assessed while the account stays in its state: an action-only step (§25.480(c)). */
        public static final String LATE_FEE = "late-fee §25.480(c)";

        private Rules() {
        }
    }

    /**
     * The post-pay states in which a past-due bill that has no late fee yet gets its one (§25.480(c)): with the step
     * that enters the state, or, while the account stays in it, as an action-only step the day the bill is found past
     * due. Not PAYMENT_PLAN: a balance deferred under a plan is not charged a late fee by collections (what a plan
     * may carry is the plan's own business, §25.480(j)); a bill still unpaid when the plan ends gets its fee then.
     */
    private static final Set<CollectionState> FEE_STATES = EnumSet.of(PAST_DUE, DISCONNECT_NOTICE_ISSUED,
            DISCONNECT_PENDING, DISCONNECT_HELD, DISCONNECT_REQUESTED, DISCONNECTED, RECONNECT_REQUESTED,
            RECONNECT_OVERDUE);

    /** The states in which collections knows the premise is off (or being switched back on). */
    private static final Set<CollectionState> OFF_STATES = EnumSet.of(DISCONNECTED, RECONNECT_REQUESTED,
            RECONNECT_OVERDUE);

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final PolicySettings settings;
    private final BusinessCalendar calendar;

    /** @throws IllegalArgumentException naming every setting that breaks a rule */
    public CollectionPolicy(PolicySettings settings, BusinessCalendar calendar) {
        this.settings = settings.validate();
        this.calendar = Objects.requireNonNull(calendar);
    }

    public PolicySettings settings() {
        return settings;
    }

    /** What the rules say for the account today. */
    public Decision decide(Snapshot snapshot) {
        Facts facts = new Facts(snapshot);
        List<Step> steps = facts.prepay ? settings.prepay().steps() : settings.postpay().steps();
        Outcome outcome = firstMatch(facts, steps, 0);
        CollectionState from = snapshot.state();
        boolean changed = outcome.state != from
                || (outcome.state == DISCONNECT_HELD && !Objects.equals(outcome.rule, snapshot.rule()));
        Decision.Next next = next(facts, outcome);
        if (!changed) {
            // §25.480(c): the fee belongs to the balance falling past due, not to a step of collections; a bill that
            // falls past due while the account stays where it is (held, disconnected, a second bill during a
            // notice) gets its one fee that day, recorded as a step of its own. Never twice: a bill with a fee has
            // none assessed again, whatever the number of evaluations.
            List<Action> fees = !facts.prepay && FEE_STATES.contains(outcome.state) ? lateFees(facts) : List.of();
            if (!fees.isEmpty()) {
                return new Decision(outcome.state, outcome.rule, false, fees, next, Rules.LATE_FEE, false);
            }
            return new Decision(outcome.state, outcome.rule, false, List.of(), next);
        }
        List<Action> actions = new ArrayList<>();
        if (!facts.prepay && FEE_STATES.contains(outcome.state)) {
            actions.addAll(lateFees(facts));
        }
        actions.addAll(outcome.actions);
        if (from != null && from.isHold() && !outcome.state.isHold() && outcome.state != RECONNECT_OVERDUE) {
            actions.add(new Action.ClearHold(clearedReason(facts, from, outcome)));
        }
        actions.addAll(closedWorkItems(snapshot, outcome));
        return new Decision(outcome.state, outcome.rule, true, actions, next, null, outcome.passing);
    }

    // ------------------------------------------------------------------------------------------------ the steps

    private Outcome firstMatch(Facts f, List<Step> steps, int from) {
        for (int i = from; i < steps.size(); i++) {
            Optional<Outcome> outcome = apply(steps.get(i), f, steps, i);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return new Outcome(CURRENT, Rules.CURRENT);
    }

    private Optional<Outcome> apply(Step step, Facts f, List<Step> steps, int index) {
        Snapshot s = f.snapshot;
        return switch (step) {
            case PREPAY_CONVERSION -> prepayConversion(f);
            case DISCONNECTED -> disconnected(f);
            case RECONNECT_REQUESTED -> reconnectRequested(f);
            case DISCONNECT_REQUESTED -> disconnectRequested(f, steps, index);
            case PAYMENT_PLAN -> f.planActive && f.arrears.pastDue().signum() > 0
                    ? Optional.of(new Outcome(PAYMENT_PLAN, Rules.PAYMENT_PLAN))
                    : Optional.empty();
            case DISCONNECT -> disconnect(f);
            case DISCONNECT_PENDING -> f.delinquent && f.standingNotice.isPresent()
                    && !s.today().isBefore(f.standingNotice.get().disconnectDate())
                            ? Optional.of(new Outcome(DISCONNECT_PENDING, Rules.DISCONNECT_PENDING))
                            : Optional.empty();
            case DISCONNECT_NOTICE -> disconnectNotice(f);
            case PAST_DUE -> f.arrears.pastDue().signum() > 0 ? Optional.of(new Outcome(PAST_DUE, Rules.PAST_DUE))
                    : Optional.empty();
            case PREPAY_DISCONNECT -> prepayDisconnect(f);
            case PREPAY_DISCONNECT_WARNING -> prepayDisconnectWarning(f);
            case PREPAY_LOW_BALANCE -> s.prepay().low()
                    ? Optional.of(new Outcome(PREPAY_LOW_BALANCE, Rules.PREPAY_LOW_BALANCE)
                            .withAll(notices(f, NoticeKind.PREPAY_LOW_BALANCE, s.prepay().balance(), null)))
                    : Optional.empty();
            case CURRENT -> Optional.of(!f.prepay && s.convertedFromPrepay() && s.bills().isEmpty()
                    ? new Outcome(PREPAY_CONVERTED, Rules.PREPAY_CONVERSION)
                    : new Outcome(CURRENT, Rules.CURRENT));
        };
    }

    /** §25.498: a critical-care or chronic-condition pre-pay customer is moved to postpaid, never disconnected. */
    private Optional<Outcome> prepayConversion(Facts f) {
        Optional<Designation> designation = f.protectedBy();
        if (designation.isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = new Outcome(PREPAY_CONVERTED, Rules.PREPAY_CONVERSION)
                .with(new Action.RequestPrepayConversion(designation.get()));
        Optional<Order> latest = f.snapshot.orders().latest();
        if (latest.isPresent() && latest.get().inFlight(OrderKind.DISCONNECT)) {
            outcome.with(new Action.CancelDisconnect(latest.get().requestId()));
        }
        if (f.snapshot.orders().disconnected() && !f.snapshot.orders().latestInFlight(OrderKind.RECONNECT)) {
            outcome.with(new Action.RequestReconnect(f.snapshot.today()));
        }
        return Optional.of(outcome);
    }

    /**
     * The premise is off: reconnect as soon as the cause is cured (§25.483(n)); else it stays off. When collections
     * learns the premise is off while the account is elsewhere — the wires utility completed a disconnect whose
     * cancel came too late — the account first goes DISCONNECTED, recording the fact, and passes on at once to what
     * the rules say for a premise that is off: with the arrears cured, a reconnect the same day.
     */
    private Optional<Outcome> disconnected(Facts f) {
        Snapshot.Orders orders = f.snapshot.orders();
        if (!orders.disconnected() || orders.latestInFlight(OrderKind.RECONNECT)) {
            return Optional.empty();
        }
        Optional<Order> latest = orders.latest();
        if (f.snapshot.state() == null || !OFF_STATES.contains(f.snapshot.state())) {
            boolean afterCancel = latest.isPresent() && latest.get().is(OrderKind.DISCONNECT, OrderStatus.COMPLETED)
                    && latest.get().withdrawn();
            return Optional.of(new Outcome(DISCONNECTED, afterCancel ? Rules.DISCONNECTED_AFTER_CANCEL
                    : Rules.DISCONNECTED).passingThrough());
        }
        if (latest.isPresent() && latest.get().is(OrderKind.RECONNECT, OrderStatus.REJECTED)
                && !latest.get().released()) {
            return Optional.of(new Outcome(DISCONNECTED, Rules.RECONNECT_REJECTED));
        }
        if (f.cured()) {
            return Optional.of(new Outcome(RECONNECT_REQUESTED, Rules.RECONNECT)
                    .with(new Action.RequestReconnect(f.snapshot.today())));
        }
        return Optional.of(new Outcome(DISCONNECTED, Rules.DISCONNECTED));
    }

    private Optional<Outcome> reconnectRequested(Facts f) {
        Optional<Order> latest = f.snapshot.orders().latest();
        if (latest.isEmpty() || !latest.get().inFlight(OrderKind.RECONNECT)) {
            return Optional.empty();
        }
        Order order = latest.get();
        if (order.requestedAt() != null
                && !f.snapshot.now().isBefore(order.requestedAt().plus(settings.reconnectOverdueAfter()))) {
            return Optional.of(new Outcome(RECONNECT_OVERDUE, Rules.RECONNECT_OVERDUE).with(new Action.RaiseWorkItem(
                    WorkItemTypes.RECONNECT_OVERDUE, "Reconnect requested on " + order.requestedOn()
                            + " not completed within " + settings.reconnectOverdueAfter() + " (request "
                            + order.requestId() + ")")));
        }
        return Optional.of(new Outcome(RECONNECT_REQUESTED, Rules.RECONNECT));
    }

    /**
     * A disconnect order is out: when the cause is cured it is withdrawn and the rest of the rules decide. A premise
     * designated critical care or chronic condition while the order is out is not disconnected either (§25.497):
     * the order is withdrawn and the disconnect held, as it would have been had the designation come first.
     */
    private Optional<Outcome> disconnectRequested(Facts f, List<Step> steps, int index) {
        Optional<Order> latest = f.snapshot.orders().latest();
        if (latest.isEmpty() || !latest.get().inFlight(OrderKind.DISCONNECT) || f.snapshot.orders().disconnected()) {
            return Optional.empty();
        }
        Optional<Designation> designation = f.protectedBy();
        if (designation.isPresent() && !f.cured()) {
            return Optional.of(new Outcome(DISCONNECT_HELD, Rules.HOLD_DESIGNATION)
                    .with(new Action.CancelDisconnect(latest.get().requestId()))
                    .with(designationHeld(designation.get())));
        }
        if (f.cured()) {
            Outcome below = firstMatch(f, steps, index + 1);
            below.actions.add(0, new Action.CancelDisconnect(latest.get().requestId()));
            return Optional.of(below);
        }
        return Optional.of(new Outcome(DISCONNECT_REQUESTED, Rules.DISCONNECT));
    }

    /** §25.483: disconnection on or after the day after the notice's disconnect date, arrears still above it. */
    private Optional<Outcome> disconnect(Facts f) {
        if (!f.delinquent || f.standingNotice.isEmpty()
                || !f.snapshot.today().isAfter(f.standingNotice.get().disconnectDate())) {
            return Optional.empty();
        }
        if (f.planActive) {
            return Optional.of(new Outcome(PAYMENT_PLAN, Rules.PAYMENT_PLAN)); // a kept plan is a gate (§25.480(j))
        }
        return Optional.of(gates(f, f.standingNotice.get().issuedOn(), settings.postpay().retryRejections(),
                settings.postpay().disconnectOnWeekendsAndHolidays()));
    }

    /**
     * The gates checked at the moment of disconnection, in order: a rejection by the wires utility, a critical-care or
     * chronic-condition designation (§25.497), the county's extreme-weather moratorium (§25.483(j)), a weekend or
     * holiday (§25.483); past them all, the disconnect is requested today.
     */
    private Outcome gates(Facts f, LocalDate delinquentSince, Set<String> retryRejections, boolean anyDay) {
        Snapshot s = f.snapshot;
        Optional<Order> latest = s.orders().latest();
        if (latest.isPresent() && latest.get().is(OrderKind.DISCONNECT, OrderStatus.REJECTED)
                && !latest.get().released() && latest.get().requestedOn() != null
                && !latest.get().requestedOn().isBefore(delinquentSince)) {
            Order rejected = latest.get();
            if (!retryRejections.contains(rejected.reasonCode())) {
                return new Outcome(DISCONNECT_HELD, Rules.DISCONNECT_REJECTED);
            }
            if (rejected.rejectedOn() == null || !s.today().isAfter(rejected.rejectedOn())) {
                return new Outcome(DISCONNECT_HELD, Rules.DISCONNECT_REJECTED_RETRY); // tried again the next day
            }
        }
        Optional<Designation> designation = f.protectedBy();
        if (designation.isPresent()) {
            return new Outcome(DISCONNECT_HELD, Rules.HOLD_DESIGNATION).with(designationHeld(designation.get()));
        }
        if (!s.countyKnown()) {
            return new Outcome(DISCONNECT_HELD, Rules.HOLD_COUNTY_UNKNOWN).with(new Action.RaiseWorkItem(
                    WorkItemTypes.DISCONNECT_HELD_MORATORIUM,
                    "Disconnection due but the premise's county is unknown: the moratorium cannot be checked"));
        }
        if (s.moratoriumToday()) {
            return new Outcome(DISCONNECT_HELD, Rules.HOLD_MORATORIUM).with(new Action.RaiseWorkItem(
                    WorkItemTypes.DISCONNECT_HELD_MORATORIUM, "Disconnection due on " + s.today()
                            + " held by an extreme-weather moratorium for the county (16 TAC §25.483(j))"));
        }
        if (!s.businessDay() && !anyDay) {
            return new Outcome(DISCONNECT_HELD, Rules.HOLD_WEEKEND_HOLIDAY);
        }
        return new Outcome(DISCONNECT_REQUESTED, Rules.DISCONNECT).with(new Action.RequestDisconnect(s.today()));
    }

    private static Action designationHeld(Designation designation) {
        return new Action.RaiseWorkItem(WorkItemTypes.DISCONNECT_HELD_DESIGNATION, "Disconnection due but the premise"
                + " is designated " + designation + " (16 TAC §25.497): the wires utility must contact the customer");
    }

    /** §25.483: the notice no earlier than the day after the due date, its disconnect date ≥ 10 days on. */
    private Optional<Outcome> disconnectNotice(Facts f) {
        if (!f.delinquent) {
            return Optional.empty();
        }
        if (f.standingNotice.isPresent()) {
            return Optional.of(new Outcome(DISCONNECT_NOTICE_ISSUED, Rules.DISCONNECT_NOTICE));
        }
        LocalDate noticeDay = noticeDay(f);
        Snapshot s = f.snapshot;
        if (s.today().isBefore(noticeDay) || !s.businessDay()) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(DISCONNECT_NOTICE_ISSUED, Rules.DISCONNECT_NOTICE)
                .with(new Action.IssueNotice(NoticeKind.DISCONNECT_NOTICE, NoticeChannel.PRINT,
                        f.arrears.pastDue(), noticeDisconnectDate(s.today()))));
    }

    /** The first business day on or after the oldest past-due bill's due date plus the configured days. */
    private LocalDate noticeDay(Facts f) {
        LocalDate due = f.arrears.oldestPastDue().orElseThrow().dueDate();
        return calendar.nextBusinessDay(due.plusDays(settings.postpay().noticeDaysAfterDue()));
    }

    /** §25.483: at least the configured (≥ 10) days after issuance, on a business day unless configured otherwise. */
    public LocalDate noticeDisconnectDate(LocalDate issuedOn) {
        LocalDate date = issuedOn.plusDays(settings.postpay().disconnectDaysAfterNotice());
        return settings.postpay().disconnectOnWeekendsAndHolidays() ? date : calendar.nextBusinessDay(date);
    }

    private Optional<Outcome> prepayDisconnect(Facts f) {
        Optional<Notice> warning = f.standingWarning();
        if (!f.snapshot.prepay().belowDisconnection() || warning.isEmpty()
                || f.snapshot.today().isBefore(warning.get().disconnectDate())) {
            return Optional.empty();
        }
        return Optional.of(gates(f, warning.get().issuedOn(), settings.prepay().retryRejections(),
                settings.prepay().disconnectOnWeekendsAndHolidays()));
    }

    /** §25.498: below the disconnection balance, the customer is warned before disconnection may begin. */
    private Optional<Outcome> prepayDisconnectWarning(Facts f) {
        Snapshot s = f.snapshot;
        if (!s.prepay().belowDisconnection()) {
            return Optional.empty();
        }
        Outcome outcome = new Outcome(PREPAY_DISCONNECT_PENDING, Rules.PREPAY_DISCONNECT_WARNING);
        if (f.standingWarning().isEmpty()) {
            LocalDate date = s.today().plusDays(settings.prepay().disconnectDaysAfterWarning());
            if (!settings.prepay().disconnectOnWeekendsAndHolidays()) {
                date = calendar.nextBusinessDay(date);
            }
            outcome.withAll(notices(f, NoticeKind.PREPAY_DISCONNECT_WARNING, s.prepay().balance(), date));
        }
        return Optional.of(outcome);
    }

    /** Pre-pay messages go by text and email where the customer has them; by mail where neither is known. */
    private static List<Action> notices(Facts f, NoticeKind kind, BigDecimal amount, LocalDate disconnectDate) {
        List<Action> actions = new ArrayList<>();
        for (NoticeChannel channel : List.of(NoticeChannel.SMS, NoticeChannel.EMAIL)) {
            if (f.snapshot.reachableBy().contains(channel)) {
                actions.add(new Action.IssueNotice(kind, channel, amount, disconnectDate));
            }
        }
        if (actions.isEmpty()) {
            actions.add(new Action.IssueNotice(kind, NoticeChannel.PRINT, amount, disconnectDate));
        }
        return actions;
    }

    // ------------------------------------------------------------------------------ what goes with every step

    /**
     * §25.480(c): one late fee per past-due bill (a balance is never charged twice), at most the configured percent
     * (≤ 5) of its unpaid remainder, never for a low-income customer. Assessed with the step that finds the bill past
     * due, or as a step of its own when the account stays in a {@link #FEE_STATES fee state} (see {@link #decide}).
     */
    private List<Action> lateFees(Facts f) {
        PolicySettings.Postpay postpay = settings.postpay();
        if (!postpay.lateFeeEnabled() || postpay.lateFeePercent().signum() <= 0
                || f.snapshot.designations().contains(Designation.LOW_INCOME)) {
            return List.of();
        }
        Set<UUID> charged = new HashSet<>();
        f.snapshot.lateFees().forEach(fee -> charged.add(fee.billId()));
        List<Action> fees = new ArrayList<>();
        for (Arrears.BillArrears bill : f.arrears.bills()) {
            if (!bill.pastDue() || charged.contains(bill.billId())) {
                continue;
            }
            BigDecimal fee = bill.unpaid().multiply(postpay.lateFeePercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            if (fee.signum() > 0) {
                fees.add(new Action.AssessLateFee(bill.billId(), fee, bill.unpaid()));
            }
        }
        return fees;
    }

    private String clearedReason(Facts f, CollectionState from, Outcome to) {
        String why;
        if (to.state == PAYMENT_PLAN) {
            why = "deferred payment plan in force (§25.480(j))";
        } else if (to.state == PREPAY_CONVERTED) {
            why = "moved to postpaid (§25.498)";
        } else if (f.prepay) {
            why = "prepaid balance restored to the connection balance (§25.498)";
        } else {
            why = "arrears cured: past due " + f.arrears.pastDue() + ", disconnect threshold "
                    + settings.postpay().disconnectThreshold();
        }
        String undone = switch (from) {
            case DISCONNECT_REQUESTED -> "disconnect order withdrawn, cancel sent to the wires utility";
            case DISCONNECTED -> "reconnect ordered (§25.483(n))";
            case DISCONNECT_PENDING, DISCONNECT_HELD -> "pending disconnect cancelled";
            case DISCONNECT_NOTICE_ISSUED -> "disconnect notice withdrawn";
            case PREPAY_DISCONNECT_PENDING -> "pre-pay disconnection called off";
            default -> "hold cleared";
        };
        return why + "; " + undone;
    }

    /** The work items whose cause went away with this step. */
    private static List<Action> closedWorkItems(Snapshot s, Outcome to) {
        Set<String> raised = new HashSet<>();
        to.actions.stream().filter(Action.RaiseWorkItem.class::isInstance)
                .forEach(a -> raised.add(((Action.RaiseWorkItem) a).type()));
        List<String> causes = new ArrayList<>();
        if (s.state() == RECONNECT_OVERDUE) {
            causes.add(WorkItemTypes.RECONNECT_OVERDUE);
        }
        if (s.state() == DISCONNECT_HELD && s.rule() != null) {
            switch (s.rule()) {
                case Rules.HOLD_MORATORIUM, Rules.HOLD_COUNTY_UNKNOWN -> causes.add(WorkItemTypes.DISCONNECT_HELD_MORATORIUM);
                case Rules.HOLD_DESIGNATION -> causes.add(WorkItemTypes.DISCONNECT_HELD_DESIGNATION);
                case Rules.DISCONNECT_REJECTED, Rules.DISCONNECT_REJECTED_RETRY -> causes.add(WorkItemTypes.SERVICE_ORDER_REJECTED);
                default -> {
                }
            }
        }
        if (s.state() == DISCONNECTED && Rules.RECONNECT_REJECTED.equals(s.rule())) {
            causes.add(WorkItemTypes.SERVICE_ORDER_REJECTED);
        }
        boolean stillRejected = to.state == DISCONNECT_HELD
                && (Rules.DISCONNECT_REJECTED.equals(to.rule) || Rules.DISCONNECT_REJECTED_RETRY.equals(to.rule));
        List<Action> closed = new ArrayList<>();
        for (String type : causes) {
            if (!raised.contains(type) && !(stillRejected && type.equals(WorkItemTypes.SERVICE_ORDER_REJECTED))) {
                closed.add(new Action.CloseWorkItem(type));
            }
        }
        return closed;
    }

    // ------------------------------------------------------------------------------------------ what comes next

    private Decision.Next next(Facts f, Outcome o) {
        Snapshot s = f.snapshot;
        LocalDate today = s.today();
        return switch (o.state) {
            case CURRENT -> f.prepay ? Decision.Next.NONE : f.arrears.nextFallingDue()
                    .map(b -> new Decision.Next("past due on " + b.pastDueOn() + " unless " + b.unpaid()
                            + " is paid", b.pastDueOn()))
                    .orElse(Decision.Next.NONE);
            case PAST_DUE -> {
                if (!f.delinquent) {
                    yield new Decision.Next("none while the past-due amount is not above "
                            + settings.postpay().disconnectThreshold(), null);
                }
                LocalDate on = noticeDay(f);
                if (!on.isAfter(today)) {
                    on = calendar.nextBusinessDay(today.plusDays(1));
                }
                yield new Decision.Next("disconnect notice on " + on, on);
            }
            case DISCONNECT_NOTICE_ISSUED, DISCONNECT_PENDING -> {
                // the notice issued by this very step, else the one that stands
                LocalDate disconnectDate = o.actions.stream().filter(Action.IssueNotice.class::isInstance)
                        .map(a -> ((Action.IssueNotice) a).disconnectDate()).findFirst()
                        .orElse(f.standingNotice.map(Notice::disconnectDate).orElse(today));
                LocalDate on = disconnectDate.plusDays(1);
                if (on.isBefore(today)) {
                    on = today;
                }
                if (!settings.postpay().disconnectOnWeekendsAndHolidays()) {
                    on = calendar.nextBusinessDay(on);
                }
                yield new Decision.Next("disconnect on or after " + on, on);
            }
            case DISCONNECT_HELD -> switch (o.rule) {
                case Rules.HOLD_DESIGNATION -> new Decision.Next(
                        "held while the premise's designation is in force (§25.497)", null);
                case Rules.HOLD_COUNTY_UNKNOWN -> new Decision.Next("held until the premise's county is known", null);
                case Rules.DISCONNECT_REJECTED -> new Decision.Next(
                        "held for operations: the wires utility rejected the disconnect", null);
                default -> {
                    boolean anyDay = f.prepay ? settings.prepay().disconnectOnWeekendsAndHolidays()
                            : settings.postpay().disconnectOnWeekendsAndHolidays();
                    LocalDate on = anyDay ? today.plusDays(1) : calendar.nextBusinessDay(today.plusDays(1));
                    yield new Decision.Next("disconnect retried on " + on, on);
                }
            };
            case DISCONNECT_REQUESTED -> new Decision.Next("disconnection by the wires utility (650_02)",
                    o.actions.stream().filter(Action.RequestDisconnect.class::isInstance)
                            .map(a -> ((Action.RequestDisconnect) a).requestedDate()).findFirst()
                            .orElse(s.orders().latest().map(Order::requestedOn).orElse(today)));
            case DISCONNECTED -> new Decision.Next(f.prepay ? "reconnect once the balance reaches the connection balance"
                    : Rules.RECONNECT_REJECTED.equals(o.rule) ? "held for operations: the wires utility rejected the reconnect"
                    : "reconnect once the past-due " + f.arrears.pastDue() + " is paid", null);
            case RECONNECT_REQUESTED -> new Decision.Next("reconnect by the wires utility (650_02), overdue after "
                    + settings.reconnectOverdueAfter(), o.actions.stream()
                            .filter(Action.RequestReconnect.class::isInstance)
                            .map(a -> ((Action.RequestReconnect) a).requestedDate()).findFirst()
                            .orElse(s.orders().latest().map(Order::requestedOn).orElse(today)));
            case RECONNECT_OVERDUE -> new Decision.Next("reconnect overdue: operations chase the wires utility", null);
            case PAYMENT_PLAN -> s.plan().filter(p -> p.nextInstallmentDue() != null)
                    .map(p -> new Decision.Next("installment of " + p.nextInstallmentAmount() + " due on "
                            + p.nextInstallmentDue(), p.nextInstallmentDue()))
                    .orElse(Decision.Next.NONE);
            case PREPAY_DISCONNECT_PENDING -> {
                LocalDate on = o.actions.stream().filter(Action.IssueNotice.class::isInstance)
                        .map(a -> ((Action.IssueNotice) a).disconnectDate()).findFirst()
                        .orElse(f.standingWarning().map(Notice::disconnectDate).orElse(today));
                yield new Decision.Next("disconnect on or after " + on, on);
            }
            case PREPAY_LOW_BALANCE, PREPAY_CONVERTED -> Decision.Next.NONE;
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The step an evaluation lands on: its state, its rule and its actions. */
    private static final class Outcome {
        final CollectionState state;
        final String rule;
        final List<Action> actions = new ArrayList<>();
        boolean passing;

        Outcome(CollectionState state, String rule) {
            this.state = state;
            this.rule = rule;
        }

        /** The account passes through this state and is evaluated again at once. */
        Outcome passingThrough() {
            passing = true;
            return this;
        }

        Outcome with(Action action) {
            actions.add(action);
            return this;
        }

        Outcome withAll(List<Action> more) {
            actions.addAll(more);
            return this;
        }
    }

    /** What the steps read, computed once per evaluation. */
    private final class Facts {
        final Snapshot snapshot;
        final boolean prepay;
        final Arrears arrears;
        final boolean delinquent;
        final boolean planActive;
        final Optional<Notice> standingNotice;

        Facts(Snapshot s) {
            this.snapshot = s;
            this.prepay = s.billingType() == BillingType.PREPAY;
            this.arrears = Arrears.of(s.bills(), s.payments(), s.lateFees(), s.today(),
                    settings.postpay().pastDueDaysAfterDue());
            this.delinquent = !prepay && arrears.pastDue().compareTo(settings.postpay().disconnectThreshold()) > 0;
            this.planActive = s.plan().map(p -> p.status() == PlanStanding.Status.ACTIVE).orElse(false);
            // a notice answers for the delinquency it was issued in: it stands while the oldest past-due bill fell
            // due before it was issued (a notice is never issued before the day after the due date, §25.483)
            Notice notice = s.notices().get(NoticeKind.DISCONNECT_NOTICE);
            Optional<Arrears.BillArrears> oldest = arrears.oldestPastDue();
            this.standingNotice = notice != null && oldest.isPresent()
                    && notice.issuedOn().isAfter(oldest.get().dueDate()) ? Optional.of(notice) : Optional.empty();
        }

        /** The cause of a disconnection is gone: money (or a kept plan, §25.483(n)), or the pre-pay balance restored. */
        boolean cured() {
            return prepay ? !snapshot.prepay().belowDisconnection() : !delinquent || planActive;
        }

        /** A designation under which the premise is not disconnected (critical care first). */
        Optional<Designation> protectedBy() {
            if (snapshot.designations().contains(Designation.CRITICAL_CARE)) {
                return Optional.of(Designation.CRITICAL_CARE);
            }
            return snapshot.designations().contains(Designation.CHRONIC_CONDITION)
                    ? Optional.of(Designation.CHRONIC_CONDITION)
                    : Optional.empty();
        }

        /** The pre-pay disconnect warning of the current fall below the disconnection balance, if issued. */
        Optional<Notice> standingWarning() {
            Notice warning = snapshot.notices().get(NoticeKind.PREPAY_DISCONNECT_WARNING);
            LocalDate below = snapshot.prepay().belowDisconnectionOn();
            return warning != null && below != null && !warning.issuedOn().isBefore(below) ? Optional.of(warning)
                    : Optional.empty();
        }
    }
}
