package org.metertocash.dunning.collections.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.dunning.collections.CollectionState;
import org.metertocash.dunning.gates.Designation;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;
import org.metertocash.dunning.plans.PlanStanding;

/**
 * Everything collections knows about one account as of {@code today}: what the {@link CollectionPolicy} decides
 * from. Built fresh for every evaluation (never patched from an event's payload), so a partial payment, a credit or a
 * redelivered event can only lead where the facts lead.
 *
 * @param today           the business day (from the service's clock)
 * @param now             the instant of the evaluation (reconnect overdue is measured in hours)
 * @param billingType     POSTPAY or PREPAY as collections treats it (a converted pre-pay account is POSTPAY)
 * @param state           the account's state now
 * @param rule            the rule that put it there (a hold whose reason changes is a new step)
 * @param bills           the account's bills, cancelled ones flagged
 * @param payments        payments posted to the account, returned ones flagged
 * @param lateFees        late fees already assessed
 * @param designations    the premise's designations in force today
 * @param countyKnown     whether the premise's county is known (moratoriums are per county)
 * @param moratoriumToday an extreme-weather moratorium covers the premise's county today (§25.483(j))
 * @param businessDay     today is a business day
 * @param plan            the account's latest deferred payment plan, if any
 * @param notices         the latest notice of each kind issued by collections
 * @param orders          disconnect and reconnect orders
 * @param prepay          pre-pay balance facts (empty facts for a post-pay account)
 * @param reachableBy     the electronic channels the customer can be reached by (EMAIL, SMS)
 * @param convertedFromPrepay whether the account was moved from pre-pay to postpaid by collections
 */
public record Snapshot(
        LocalDate today,
        Instant now,
        BillingType billingType,
        CollectionState state,
        String rule,
        List<Bill> bills,
        List<Payment> payments,
        List<LateFee> lateFees,
        Set<Designation> designations,
        boolean countyKnown,
        boolean moratoriumToday,
        boolean businessDay,
        Optional<PlanStanding> plan,
        Map<NoticeKind, Notice> notices,
        Orders orders,
        Prepay prepay,
        Set<NoticeChannel> reachableBy,
        boolean convertedFromPrepay) {

    public Snapshot {
        bills = List.copyOf(bills);
        payments = List.copyOf(payments);
        lateFees = List.copyOf(lateFees);
        designations = Set.copyOf(designations);
        notices = Map.copyOf(notices);
        reachableBy = Set.copyOf(reachableBy);
        plan = plan == null ? Optional.empty() : plan;
        orders = orders == null ? Orders.NONE : orders;
        prepay = prepay == null ? Prepay.NONE : prepay;
    }

    /** A bill as collections sees it; {@code amount} negative is a credit. A cancelled bill counts for nothing. */
    public record Bill(UUID billId, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, boolean cancelled) {
    }

    /** A payment posted to the account; a returned payment counts for nothing. */
    public record Payment(UUID paymentId, BigDecimal amount, LocalDate receivedOn, boolean returned) {
    }

    /** A late fee assessed on one bill's past-due balance (16 TAC §25.480(c): never twice on the same balance). */
    public record LateFee(UUID feeId, UUID billId, BigDecimal amount, LocalDate assessedOn) {
    }

    /** A notice collections issued. */
    public record Notice(UUID noticeId, NoticeKind kind, LocalDate issuedOn, BigDecimal amount,
            LocalDate disconnectDate) {
    }

    /** What a service order asks the wires utility to do. */
    public enum OrderKind {
        DISCONNECT, RECONNECT
    }

    /** Where a service order stands. */
    public enum OrderStatus {
        /** Published to edi-gateway, not yet written to the market. */
        REQUESTED,
        /** edi-gateway wrote the 650_01. */
        SENT,
        /** The wires utility completed it (650_02). */
        COMPLETED,
        /** The wires utility rejected it (650_02 with a reason). */
        REJECTED,
        /** Collections withdrew it (DisconnectCancelRequested). */
        CANCELLED;

        public boolean inFlight() {
            return this == REQUESTED || this == SENT;
        }
    }

    /**
     * A disconnect or reconnect order.
     *
     * @param released  operations asked for a rejected order to be tried again
     * @param withdrawn collections withdrew it (DisconnectCancelRequested), whatever the wires utility did after
     */
    public record Order(UUID requestId, OrderKind kind, OrderStatus status, LocalDate requestedOn, Instant requestedAt,
            LocalDate rejectedOn, String reasonCode, boolean released, boolean withdrawn) {

        /** An order collections never withdrew. */
        public Order(UUID requestId, OrderKind kind, OrderStatus status, LocalDate requestedOn, Instant requestedAt,
                LocalDate rejectedOn, String reasonCode, boolean released) {
            this(requestId, kind, status, requestedOn, requestedAt, rejectedOn, reasonCode, released,
                    status == OrderStatus.CANCELLED);
        }

        public boolean is(OrderKind kind, OrderStatus status) {
            return this.kind == kind && this.status == status;
        }

        public boolean inFlight(OrderKind kind) {
            return this.kind == kind && status.inFlight();
        }
    }

    /**
     * The premise's service orders.
     *
     * @param disconnected the last completed order was a disconnect: the premise is off
     * @param latest       the latest disconnect or reconnect order, whatever its status
     */
    public record Orders(boolean disconnected, Optional<Order> latest) {
        public static final Orders NONE = new Orders(false, Optional.empty());

        public boolean latestInFlight(OrderKind kind) {
            return latest.map(o -> o.inFlight(kind)).orElse(false);
        }
    }

    /**
     * A pre-pay account's balance as billing reported it.
     *
     * @param balance              the latest prepaid balance reported (positive: in credit), or null
     * @param low                  below the product's low-balance threshold as last reported
     * @param belowDisconnectionOn the latest day the balance fell below the disconnection balance (§25.498)
     * @param reconnectEligibleOn  the latest day payments restored the connection balance (§25.498)
     */
    public record Prepay(BigDecimal balance, boolean low, LocalDate belowDisconnectionOn,
            LocalDate reconnectEligibleOn) {
        public static final Prepay NONE = new Prepay(null, false, null, null);

        /** Below the disconnection balance, and not restored since. */
        public boolean belowDisconnection() {
            return belowDisconnectionOn != null
                    && (reconnectEligibleOn == null || belowDisconnectionOn.isAfter(reconnectEligibleOn));
        }
    }
}
