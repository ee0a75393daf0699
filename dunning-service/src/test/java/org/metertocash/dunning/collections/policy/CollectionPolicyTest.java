package org.metertocash.dunning.collections.policy;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.dunning.collections.CollectionState;
import org.metertocash.dunning.collections.policy.Action.AssessLateFee;
import org.metertocash.dunning.collections.policy.Action.CancelDisconnect;
import org.metertocash.dunning.collections.policy.Action.ClearHold;
import org.metertocash.dunning.collections.policy.Action.CloseWorkItem;
import org.metertocash.dunning.collections.policy.Action.IssueNotice;
import org.metertocash.dunning.collections.policy.Action.RaiseWorkItem;
import org.metertocash.dunning.collections.policy.Action.RequestDisconnect;
import org.metertocash.dunning.collections.policy.Action.RequestPrepayConversion;
import org.metertocash.dunning.collections.policy.Action.RequestReconnect;
import org.metertocash.dunning.gates.Designation;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;
import org.metertocash.dunning.plans.PlanStanding;

/**
 * The collection policy walked day by day with the platform's business calendar (Thanksgiving 2026-11-26, Christmas
 * 2026-12-25, New Year 2027-01-01 are holidays) and the configured policy: past due the day after the due date, a 5 %
 * late fee, the disconnect notice 5 days after the due date on a business day, its disconnect date 10 days on (moved
 * to a business day), disconnection from the day after, threshold $25.00. Every date and amount below is worked out by
 * hand from those rules.
 */
class CollectionPolicyTest {

    /** A bill issued 2026-11-10: due 16 days later, 2026-11-26, is Thanksgiving, so it falls due Friday 2026-11-27. */
    private static final LocalDate ISSUED = of(2026, 11, 10);
    private static final LocalDate DUE = of(2026, 11, 27);

    private static AccountWalk unpaidBill(AccountWalk walk) {
        walk.on(ISSUED, w -> w.bill("143.37", ISSUED, AccountWalk.CALENDAR.dueDate(ISSUED, 16)));
        return walk;
    }

    @Test
    void a_due_date_that_falls_on_thanksgiving_moves_to_the_next_business_day() {
        assertThat(AccountWalk.CALENDAR.dueDate(ISSUED, 16)).isEqualTo(DUE);
    }

    @Nested
    class Paid_on_time {

        @Test
        void the_account_never_leaves_current_and_nothing_is_done() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.walk(ISSUED, of(2026, 11, 20));
            assertThat(walk.lastDecision.next()).isEqualTo(new Decision.Next(
                    "past due on 2026-11-28 unless 143.37 is paid", of(2026, 11, 28)));

            walk.on(DUE, w -> w.pay("143.37", DUE)).walk(of(2026, 11, 21), of(2027, 1, 31));

            assertThat(walk.steps).isEmpty();
            assertThat(walk.done).isEmpty();
            assertThat(walk.state).isEqualTo(CollectionState.CURRENT);
            assertThat(walk.lastDecision.next()).isEqualTo(Decision.Next.NONE);
        }
    }

    @Nested
    class Unpaid {

        @Test
        void goes_past_due_with_one_late_fee_then_notice_pending_and_disconnect_on_business_days() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.walk(ISSUED, of(2026, 11, 28));
            // past due the day after the due date (a Saturday): 5 % of 143.37 = 7.1685 → 7.17
            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE");
            assertThat(walk.actionsOn(of(2026, 11, 28))).containsExactly(
                    new AssessLateFee(walk.bills.get(0).billId(), new BigDecimal("7.17"), new BigDecimal("143.37")));
            assertThat(walk.lastDecision.next()).isEqualTo(new Decision.Next("disconnect notice on 2026-12-02",
                    of(2026, 12, 2)));

            // notice 5 days after 11-27: Wednesday 12-02; its disconnect date 12-12 is a Saturday → Monday 12-14
            walk.walk(of(2026, 11, 29), of(2026, 12, 2));
            assertThat(walk.actionsOn(of(2026, 12, 2))).containsExactly(new IssueNotice(NoticeKind.DISCONNECT_NOTICE,
                    NoticeChannel.PRINT, new BigDecimal("143.37"), of(2026, 12, 14)));
            assertThat(walk.lastDecision.next()).isEqualTo(new Decision.Next("disconnect on or after 2026-12-15",
                    of(2026, 12, 15)));

            walk.walk(of(2026, 12, 3), of(2026, 12, 31));
            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_REQUESTED");
            assertThat(walk.actionsOn(of(2026, 12, 15))).containsExactly(new RequestDisconnect(of(2026, 12, 15)));
            assertThat(walk.all(AssessLateFee.class)).hasSize(1);
            assertThat(walk.all(IssueNotice.class)).hasSize(1);
        }

        @Test
        void is_disconnected_on_the_650_completion_stays_off_after_a_partial_payment_and_is_reconnected_when_paid() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), AccountWalk::completeLatestOrder)
                    // 100.00 leaves 43.37 of the bill past due, above the 25.00 threshold: still off
                    .on(of(2026, 12, 17), w -> w.pay("100.00", of(2026, 12, 17)))
                    // 50.54 pays the bill (oldest first) and the 7.17 fee
                    .on(of(2026, 12, 18), w -> w.pay("50.54", of(2026, 12, 18)))
                    .on(of(2026, 12, 19), AccountWalk::completeLatestOrder)
                    .walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECTED",
                    "2026-12-18 RECONNECT_REQUESTED", "2026-12-19 CURRENT");
            assertThat(walk.actionsOn(of(2026, 12, 17))).isEmpty();
            List<Action> reconnect = walk.actionsOn(of(2026, 12, 18));
            assertThat(reconnect).hasSize(2);
            assertThat(reconnect.get(0)).isEqualTo(new RequestReconnect(of(2026, 12, 18)));
            assertThat(((ClearHold) reconnect.get(1)).reason()).startsWith("arrears cured: past due 0")
                    .endsWith("reconnect ordered (§25.483(n))");
            assertThat(walk.actionsOn(of(2026, 12, 19))).isEmpty();
            assertThat(walk.all(AssessLateFee.class)).hasSize(1);
        }

        @Test
        void a_reconnect_not_completed_within_48_hours_is_overdue_once_and_closed_on_completion() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), AccountWalk::completeLatestOrder)
                    .on(of(2026, 12, 18), w -> w.pay("150.54", of(2026, 12, 18)))
                    .on(of(2026, 12, 23), AccountWalk::completeLatestOrder)
                    .walk(ISSUED, of(2026, 12, 31));

            // requested 12-18 at 06:00, evaluated 12-20 at 06:00: 48 hours
            assertThat(walk.path()).containsSubsequence("2026-12-18 RECONNECT_REQUESTED", "2026-12-20 RECONNECT_OVERDUE",
                    "2026-12-23 CURRENT");
            assertThat(walk.actionsOn(of(2026, 12, 20))).singleElement()
                    .isInstanceOfSatisfying(RaiseWorkItem.class,
                            r -> assertThat(r.type()).isEqualTo(WorkItemTypes.RECONNECT_OVERDUE));
            assertThat(walk.actionsOn(of(2026, 12, 23))).containsExactly(
                    new CloseWorkItem(WorkItemTypes.RECONNECT_OVERDUE));
        }
    }

    @Nested
    class Disconnect_completed_after_it_was_withdrawn {

        @Test
        void the_premise_is_disconnected_then_reconnected_at_once_since_the_arrears_are_cured() {
            // requested 12-15; 150.54 (the bill and its 7.17 fee) paid 12-16 withdraws it; the wires utility had
            // already done it: its completion arrives 12-17
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), w -> w.pay("150.54", of(2026, 12, 16)))
                    .on(of(2026, 12, 17), AccountWalk::completeLatestOrder)
                    .on(of(2026, 12, 18), AccountWalk::completeLatestOrder);
            walk.walk(ISSUED, of(2026, 12, 16));
            UUID withdrawn = walk.latestOrder.orElseThrow().requestId();
            assertThat(walk.actionsOn(of(2026, 12, 16)).get(0)).isEqualTo(new CancelDisconnect(withdrawn));
            walk.walk(of(2026, 12, 17), of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 CURRENT",
                    "2026-12-17 DISCONNECTED", "2026-12-17 RECONNECT_REQUESTED", "2026-12-18 CURRENT");
            assertThat(walk.steps.get(5).rule()).isEqualTo(CollectionPolicy.Rules.DISCONNECTED_AFTER_CANCEL);
            assertThat(walk.steps.get(6).rule()).isEqualTo(CollectionPolicy.Rules.RECONNECT);
            List<Action> offThenOn = walk.actionsOn(of(2026, 12, 17));
            assertThat(offThenOn).hasSize(2);
            assertThat(offThenOn.get(0)).isEqualTo(new RequestReconnect(of(2026, 12, 17)));
            assertThat(((ClearHold) offThenOn.get(1)).reason()).startsWith("arrears cured: past due 0")
                    .endsWith("reconnect ordered (§25.483(n))");
            assertThat(walk.all(RequestReconnect.class)).hasSize(1);
            assertThat(walk.all(RequestDisconnect.class)).hasSize(1);
            assertThat(walk.all(AssessLateFee.class)).hasSize(1);
        }

        @Test
        void a_completion_of_an_order_that_was_never_withdrawn_is_the_plain_disconnection() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), AccountWalk::completeLatestOrder)
                    .walk(ISSUED, of(2026, 12, 31));

            assertThat(walk.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECTED");
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.DISCONNECTED);
            assertThat(walk.actionsOn(of(2026, 12, 16))).isEmpty();
        }
    }

    @Nested
    class Paid_after_the_notice {

        @Test
        void the_notice_is_withdrawn_and_nothing_follows() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 5), w -> w.pay("143.37", of(2026, 12, 5)))
                    .walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-05 CURRENT");
            assertThat(walk.actionsOn(of(2026, 12, 5))).singleElement().isInstanceOfSatisfying(ClearHold.class,
                    c -> assertThat(c.reason()).endsWith("disconnect notice withdrawn"));
            assertThat(walk.all(RequestDisconnect.class)).isEmpty();
        }

        @Test
        void after_the_disconnect_was_requested_the_order_is_withdrawn() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.walk(ISSUED, of(2026, 12, 15));
            UUID requestId = walk.latestOrder.orElseThrow().requestId();
            walk.on(of(2026, 12, 16), w -> w.pay("143.37", of(2026, 12, 16))).walk(of(2026, 12, 16), of(2027, 1, 31));

            assertThat(walk.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 CURRENT");
            List<Action> cured = walk.actionsOn(of(2026, 12, 16));
            assertThat(cured.get(0)).isEqualTo(new CancelDisconnect(requestId));
            assertThat(((ClearHold) cured.get(1)).reason())
                    .endsWith("disconnect order withdrawn, cancel sent to the wires utility");
            assertThat(walk.all(RequestDisconnect.class)).hasSize(1);
        }

        @Test
        void a_payment_leaving_the_past_due_amount_above_the_threshold_changes_nothing() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 5), w -> w.pay("100.00", of(2026, 12, 5)))
                    .walk(ISSUED, of(2026, 12, 15));

            // 143.37 − 100.00 = 43.37 past due, above 25.00: the notice stands, the disconnect goes ahead
            assertThat(walk.actionsOn(of(2026, 12, 5))).isEmpty();
            assertThat(walk.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED");
        }
    }

    @Nested
    class Held_disconnects {

        @Test
        void a_moratorium_holds_the_disconnect_and_it_goes_out_the_next_eligible_day() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.moratoriumDays.addAll(Set.of(of(2026, 12, 15), of(2026, 12, 16)));
            walk.walk(ISSUED, of(2026, 12, 15));
            assertThat(walk.lastDecision.next()).isEqualTo(new Decision.Next("disconnect retried on 2026-12-16",
                    of(2026, 12, 16)));
            walk.walk(of(2026, 12, 16), of(2026, 12, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_HELD", "2026-12-17 DISCONNECT_REQUESTED");
            assertThat(walk.actionsOn(of(2026, 12, 15))).singleElement().isInstanceOfSatisfying(RaiseWorkItem.class,
                    r -> assertThat(r.type()).isEqualTo(WorkItemTypes.DISCONNECT_HELD_MORATORIUM));
            assertThat(walk.actionsOn(of(2026, 12, 16))).isEmpty();
            assertThat(walk.actionsOn(of(2026, 12, 17))).containsExactly(new RequestDisconnect(of(2026, 12, 17)),
                    new CloseWorkItem(WorkItemTypes.DISCONNECT_HELD_MORATORIUM));
        }

        @Test
        void a_650_rejected_for_a_weather_moratorium_is_retried_the_next_day_others_wait_for_operations() {
            AccountWalk wtm = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), w -> w.rejectLatestOrder("WTM", of(2026, 12, 16)))
                    .walk(ISSUED, of(2026, 12, 31));
            assertThat(wtm.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECT_HELD",
                    "2026-12-17 DISCONNECT_REQUESTED");
            assertThat(wtm.actionsOn(of(2026, 12, 17))).containsExactly(new RequestDisconnect(of(2026, 12, 17)),
                    new CloseWorkItem(WorkItemTypes.SERVICE_ORDER_REJECTED));

            AccountWalk other = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 16), w -> w.rejectLatestOrder("A13", of(2026, 12, 16)))
                    .walk(ISSUED, of(2027, 1, 31));
            assertThat(other.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECT_HELD");
            assertThat(other.rule).isEqualTo(CollectionPolicy.Rules.DISCONNECT_REJECTED);
            assertThat(other.all(RequestDisconnect.class)).hasSize(1);
        }

        @Test
        void a_critical_care_premise_gets_its_notice_but_is_never_disconnected() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.designations.add(Designation.CRITICAL_CARE);
            walk.walk(ISSUED, of(2027, 3, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_HELD");
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.HOLD_DESIGNATION);
            assertThat(walk.actionsOn(of(2026, 12, 15))).singleElement().isInstanceOfSatisfying(RaiseWorkItem.class,
                    r -> assertThat(r.type()).isEqualTo(WorkItemTypes.DISCONNECT_HELD_DESIGNATION));
            assertThat(walk.all(RequestDisconnect.class)).isEmpty();
        }

        @Test
        void a_critical_care_designation_while_the_disconnect_is_out_withdraws_it_and_holds() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.walk(ISSUED, of(2026, 12, 15));
            UUID requestId = walk.latestOrder.orElseThrow().requestId();
            walk.on(of(2026, 12, 16), w -> w.designations.add(Designation.CRITICAL_CARE))
                    .walk(of(2026, 12, 16), of(2027, 3, 31));

            assertThat(walk.path()).endsWith("2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECT_HELD");
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.HOLD_DESIGNATION);
            List<Action> held = walk.actionsOn(of(2026, 12, 16));
            assertThat(held).hasSize(2);
            assertThat(held.get(0)).isEqualTo(new CancelDisconnect(requestId));
            assertThat(held.get(1)).isInstanceOfSatisfying(RaiseWorkItem.class,
                    r -> assertThat(r.type()).isEqualTo(WorkItemTypes.DISCONNECT_HELD_DESIGNATION));
            assertThat(walk.all(RequestDisconnect.class)).hasSize(1);
        }

        @Test
        void a_disconnect_date_the_day_before_christmas_waits_for_the_next_business_day() {
            // issued 11-23, due 16 days later: Wednesday 12-09; past due 12-10; notice Monday 12-14 (12-09 + 5);
            // disconnect date 12-24; the day after is Christmas, then the weekend: disconnected Monday 12-28
            LocalDate issued = of(2026, 11, 23);
            AccountWalk walk = new AccountWalk(BillingType.POSTPAY)
                    .on(issued, w -> w.bill("96.20", issued, AccountWalk.CALENDAR.dueDate(issued, 16)))
                    .walk(issued, of(2026, 12, 31));

            assertThat(walk.bills.get(0).dueDate()).isEqualTo(of(2026, 12, 9));
            assertThat(walk.path()).containsExactly("2026-12-10 PAST_DUE", "2026-12-14 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-24 DISCONNECT_PENDING", "2026-12-25 DISCONNECT_HELD", "2026-12-28 DISCONNECT_REQUESTED");
            // 5 % of 96.20 = 4.81
            assertThat(walk.actionsOn(of(2026, 12, 10))).containsExactly(new AssessLateFee(walk.bills.get(0).billId(),
                    new BigDecimal("4.81"), new BigDecimal("96.20")));
            assertThat(walk.actionsOn(of(2026, 12, 14))).containsExactly(new IssueNotice(NoticeKind.DISCONNECT_NOTICE,
                    NoticeChannel.PRINT, new BigDecimal("96.20"), of(2026, 12, 24)));
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.DISCONNECT);
            assertThat(walk.actionsOn(of(2026, 12, 28))).containsExactly(new RequestDisconnect(of(2026, 12, 28)));
        }

        @Test
        void a_notice_whose_tenth_day_is_christmas_prints_the_next_business_day() {
            // issued 11-24 → due Thursday 12-10 → notice Tuesday 12-15 → 12-25 is Christmas, 12-26/27 the weekend:
            // the disconnect date printed is Monday 12-28, disconnection Tuesday 12-29
            LocalDate issued = of(2026, 11, 24);
            AccountWalk walk = new AccountWalk(BillingType.POSTPAY)
                    .on(issued, w -> w.bill("96.20", issued, AccountWalk.CALENDAR.dueDate(issued, 16)))
                    .walk(issued, of(2026, 12, 31));

            assertThat(walk.actionsOn(of(2026, 12, 15))).containsExactly(new IssueNotice(NoticeKind.DISCONNECT_NOTICE,
                    NoticeChannel.PRINT, new BigDecimal("96.20"), of(2026, 12, 28)));
            assertThat(walk.path()).containsExactly("2026-12-11 PAST_DUE", "2026-12-15 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-28 DISCONNECT_PENDING", "2026-12-29 DISCONNECT_REQUESTED");
        }
    }

    @Nested
    class Deferred_payment_plans {

        private PlanStanding plan(PlanStanding.Status status) {
            return new PlanStanding(UUID.fromString("00000000-0000-0000-0000-00000000d0b1"), status,
                    new BigDecimal("100.00"), of(2027, 1, 8), new BigDecimal("50.00"));
        }

        @Test
        void a_kept_plan_clears_the_hold_and_no_disconnect_follows() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 8), w -> w.plan = Optional.of(plan(PlanStanding.Status.ACTIVE)))
                    .walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-08 PAYMENT_PLAN");
            assertThat(walk.actionsOn(of(2026, 12, 8))).singleElement().isInstanceOfSatisfying(ClearHold.class,
                    c -> assertThat(c.reason()).startsWith("deferred payment plan in force"));
            assertThat(walk.lastDecision.next()).isEqualTo(new Decision.Next("installment of 50.00 due on 2027-01-08",
                    of(2027, 1, 8)));
            assertThat(walk.all(RequestDisconnect.class)).isEmpty();
        }

        @Test
        void a_defaulted_plan_resumes_collections_where_the_rules_put_the_account() {
            // the notice of 12-02 still answers for the bill; its date has passed: disconnection is due at once, but
            // 2027-01-09 is a Saturday, so it goes out on Monday 2027-01-11
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 12, 8), w -> w.plan = Optional.of(plan(PlanStanding.Status.ACTIVE)))
                    .on(of(2027, 1, 9), w -> w.plan = Optional.of(plan(PlanStanding.Status.DEFAULTED)))
                    .walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-08 PAYMENT_PLAN", "2027-01-09 DISCONNECT_HELD", "2027-01-11 DISCONNECT_REQUESTED");
            assertThat(walk.actionsOn(of(2027, 1, 11))).containsExactly(new RequestDisconnect(of(2027, 1, 11)));
        }
    }

    @Nested
    class Late_fees {

        @Test
        void are_assessed_once_per_balance_and_a_later_bill_gets_its_own() {
            // 143.37 paid on 11-30 (the 7.17 fee stays on the balance, not past due); the next bill, 88.10 issued
            // 12-09, is due 12-25 → Christmas → Monday 12-28, past due 12-29: 5 % = 4.405 → 4.41
            LocalDate secondIssued = of(2026, 12, 9);
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(of(2026, 11, 30), w -> w.pay("143.37", of(2026, 11, 30)))
                    .on(secondIssued, w -> w.bill("88.10", secondIssued,
                            AccountWalk.CALENDAR.dueDate(secondIssued, 16)))
                    .walk(ISSUED, of(2026, 12, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-11-30 CURRENT",
                    "2026-12-29 PAST_DUE");
            assertThat(walk.all(AssessLateFee.class)).extracting(AccountWalk.Done::action).containsExactly(
                    new AssessLateFee(walk.bills.get(0).billId(), new BigDecimal("7.17"), new BigDecimal("143.37")),
                    new AssessLateFee(walk.bills.get(1).billId(), new BigDecimal("4.41"), new BigDecimal("88.10")));
        }

        /** A second bill, 88.10 issued 12-09: due 12-25 → Christmas → Monday 12-28, past due Tuesday 12-29. */
        private AccountWalk secondBill(AccountWalk walk) {
            LocalDate issued = of(2026, 12, 9);
            return walk.on(issued, w -> w.bill("88.10", issued, AccountWalk.CALENDAR.dueDate(issued, 16)));
        }

        private AssessLateFee secondFee(AccountWalk walk) {
            // 5 % of 88.10 = 4.405 → 4.41
            return new AssessLateFee(walk.bills.get(1).billId(), new BigDecimal("4.41"), new BigDecimal("88.10"));
        }

        @Test
        void a_bill_falling_past_due_while_the_account_stays_disconnected_gets_its_fee_that_day_once() {
            AccountWalk walk = secondBill(unpaidBill(new AccountWalk(BillingType.POSTPAY)))
                    .on(of(2026, 12, 16), AccountWalk::completeLatestOrder);
            walk.walk(ISSUED, of(2026, 12, 28));
            assertThat(walk.all(AssessLateFee.class)).hasSize(1);

            walk.walk(of(2026, 12, 29), of(2026, 12, 29));
            assertThat(walk.actionsOn(of(2026, 12, 29))).containsExactly(secondFee(walk));
            assertThat(walk.lastDecision.changed()).isFalse();
            // evaluated again that day (a redelivered event, a second day turn): nothing more
            Decision again = walk.evaluate(of(2026, 12, 29));
            assertThat(again.recorded()).isFalse();
            assertThat(again.actions()).isEmpty();
            walk.walk(of(2026, 12, 30), of(2027, 2, 28));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_REQUESTED", "2026-12-16 DISCONNECTED");
            assertThat(walk.recordedSteps()).containsExactly("2026-11-28 PAST_DUE past-due §25.480(b)",
                    "2026-12-02 DISCONNECT_NOTICE_ISSUED disconnect-notice §25.483",
                    "2026-12-14 DISCONNECT_PENDING disconnect-pending §25.483",
                    "2026-12-15 DISCONNECT_REQUESTED disconnect §25.483", "2026-12-16 DISCONNECTED disconnected",
                    "2026-12-29 DISCONNECTED late-fee §25.480(c)");
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.DISCONNECTED);
            assertThat(walk.all(AssessLateFee.class)).extracting(AccountWalk.Done::action).containsExactly(
                    new AssessLateFee(walk.bills.get(0).billId(), new BigDecimal("7.17"), new BigDecimal("143.37")),
                    secondFee(walk));
        }

        @Test
        void a_second_bill_falling_past_due_during_the_notice_gets_its_fee_without_moving_the_account() {
            // 96.20 issued 11-23: due Wednesday 12-09, past due 12-10 — the notice of 12-02 stands until 12-14
            LocalDate issued = of(2026, 11, 23);
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY))
                    .on(issued, w -> w.bill("96.20", issued, AccountWalk.CALENDAR.dueDate(issued, 16)))
                    .walk(ISSUED, of(2026, 12, 31));

            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED",
                    "2026-12-14 DISCONNECT_PENDING", "2026-12-15 DISCONNECT_REQUESTED");
            // 5 % of 96.20 = 4.81, the day the bill fell past due, in the state the account was in
            assertThat(walk.history).filteredOn(h -> h.rule().equals(CollectionPolicy.Rules.LATE_FEE))
                    .singleElement().satisfies(h -> {
                        assertThat(h.on()).isEqualTo(of(2026, 12, 10));
                        assertThat(h.from()).isEqualTo(CollectionState.DISCONNECT_NOTICE_ISSUED);
                        assertThat(h.to()).isEqualTo(CollectionState.DISCONNECT_NOTICE_ISSUED);
                        assertThat(h.actions()).containsExactly(new AssessLateFee(walk.bills.get(1).billId(),
                                new BigDecimal("4.81"), new BigDecimal("96.20")));
                    });
            assertThat(walk.all(AssessLateFee.class)).hasSize(2);
        }

        @Test
        void a_bill_falling_past_due_while_the_disconnect_is_held_gets_its_fee() {
            AccountWalk walk = secondBill(unpaidBill(new AccountWalk(BillingType.POSTPAY)));
            walk.designations.add(Designation.CRITICAL_CARE);
            walk.walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.path()).endsWith("2026-12-15 DISCONNECT_HELD");
            assertThat(walk.recordedSteps()).endsWith("2026-12-29 DISCONNECT_HELD late-fee §25.480(c)");
            assertThat(walk.actionsOn(of(2026, 12, 29))).containsExactly(secondFee(walk));
            assertThat(walk.rule).isEqualTo(CollectionPolicy.Rules.HOLD_DESIGNATION);
            assertThat(walk.all(AssessLateFee.class)).hasSize(2);
        }

        @Test
        void no_fee_while_a_plan_is_kept_and_the_bill_still_unpaid_when_it_defaults_gets_its_fee_then() {
            PlanStanding active = new PlanStanding(UUID.fromString("00000000-0000-0000-0000-00000000d0b2"),
                    PlanStanding.Status.ACTIVE, new BigDecimal("100.00"), of(2027, 1, 8), new BigDecimal("50.00"));
            PlanStanding defaulted = new PlanStanding(active.planId(), PlanStanding.Status.DEFAULTED,
                    new BigDecimal("100.00"), of(2027, 1, 8), new BigDecimal("50.00"));
            AccountWalk walk = secondBill(unpaidBill(new AccountWalk(BillingType.POSTPAY)))
                    .on(of(2026, 12, 8), w -> w.plan = Optional.of(active))
                    .on(of(2027, 1, 9), w -> w.plan = Optional.of(defaulted))
                    .walk(ISSUED, of(2027, 1, 31));

            assertThat(walk.recordedSteps()).noneMatch(step -> step.endsWith(CollectionPolicy.Rules.LATE_FEE));
            assertThat(walk.actionsOn(of(2026, 12, 29))).isEmpty();
            // the default on Saturday 01-09 resumes collections: held for the weekend, the second bill's fee with it
            assertThat(walk.path()).endsWith("2026-12-08 PAYMENT_PLAN", "2027-01-09 DISCONNECT_HELD",
                    "2027-01-11 DISCONNECT_REQUESTED");
            assertThat(walk.actionsOn(of(2027, 1, 9))).containsExactly(secondFee(walk));
            assertThat(walk.all(AssessLateFee.class)).hasSize(2);
        }

        @Test
        void are_never_assessed_for_a_low_income_customer() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.designations.add(Designation.LOW_INCOME);
            walk.walk(ISSUED, of(2026, 12, 31));

            assertThat(walk.path()).startsWith("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED");
            assertThat(walk.all(AssessLateFee.class)).isEmpty();

            // nor on a later bill falling past due while the account stays disconnected
            AccountWalk disconnected = secondBill(unpaidBill(new AccountWalk(BillingType.POSTPAY)))
                    .on(of(2026, 12, 16), AccountWalk::completeLatestOrder);
            disconnected.designations.add(Designation.LOW_INCOME);
            disconnected.walk(ISSUED, of(2027, 1, 31));
            assertThat(disconnected.state).isEqualTo(CollectionState.DISCONNECTED);
            assertThat(disconnected.all(AssessLateFee.class)).isEmpty();
            assertThat(disconnected.history).hasSize(disconnected.steps.size());
        }

        @Test
        void follow_the_configured_percent_rounded_half_up_to_the_cent() {
            // 3.5 % of 143.37 = 5.01795 → 5.02
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY,
                    AccountWalk.settings(new BigDecimal("3.5"), 10, new BigDecimal("25.00"))));
            walk.walk(ISSUED, of(2026, 11, 28));
            assertThat(walk.actionsOn(of(2026, 11, 28))).containsExactly(
                    new AssessLateFee(walk.bills.get(0).billId(), new BigDecimal("5.02"), new BigDecimal("143.37")));
        }
    }

    @Nested
    class Prepay {

        private AccountWalk prepay() {
            AccountWalk walk = new AccountWalk(BillingType.PREPAY);
            walk.reachableBy = Set.of(NoticeChannel.SMS, NoticeChannel.EMAIL);
            return walk;
        }

        @Test
        void low_balance_then_disconnect_then_payment_then_reconnect() {
            AccountWalk walk = prepay()
                    .on(of(2026, 12, 1), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("18.40"), true, null, null))
                    .on(of(2026, 12, 3), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("6.10"), true,
                            of(2026, 12, 3), null))
                    .on(of(2026, 12, 5), AccountWalk::completeLatestOrder)
                    .on(of(2026, 12, 7), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("80.00"), false,
                            of(2026, 12, 3), of(2026, 12, 7)))
                    .on(of(2026, 12, 8), AccountWalk::completeLatestOrder)
                    .walk(of(2026, 11, 23), of(2026, 12, 31));

            assertThat(walk.path()).containsExactly("2026-12-01 PREPAY_LOW_BALANCE",
                    "2026-12-03 PREPAY_DISCONNECT_PENDING", "2026-12-04 DISCONNECT_REQUESTED",
                    "2026-12-05 DISCONNECTED", "2026-12-07 RECONNECT_REQUESTED", "2026-12-08 CURRENT");
            assertThat(walk.actionsOn(of(2026, 12, 1))).containsExactly(
                    new IssueNotice(NoticeKind.PREPAY_LOW_BALANCE, NoticeChannel.SMS, new BigDecimal("18.40"), null),
                    new IssueNotice(NoticeKind.PREPAY_LOW_BALANCE, NoticeChannel.EMAIL, new BigDecimal("18.40"), null));
            assertThat(walk.actionsOn(of(2026, 12, 3))).containsExactly(
                    new IssueNotice(NoticeKind.PREPAY_DISCONNECT_WARNING, NoticeChannel.SMS, new BigDecimal("6.10"),
                            of(2026, 12, 4)),
                    new IssueNotice(NoticeKind.PREPAY_DISCONNECT_WARNING, NoticeChannel.EMAIL, new BigDecimal("6.10"),
                            of(2026, 12, 4)));
            assertThat(walk.actionsOn(of(2026, 12, 4))).containsExactly(new RequestDisconnect(of(2026, 12, 4)));
            assertThat(walk.actionsOn(of(2026, 12, 7)).get(0)).isEqualTo(new RequestReconnect(of(2026, 12, 7)));
            assertThat(walk.actionsOn(of(2026, 12, 7)).get(1)).isInstanceOf(ClearHold.class);
            assertThat(walk.all(AssessLateFee.class)).isEmpty();
        }

        @Test
        void a_warning_on_a_friday_leads_to_a_disconnect_on_monday() {
            AccountWalk walk = prepay()
                    .on(of(2026, 12, 4), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("4.00"), true,
                            of(2026, 12, 4), null))
                    .walk(of(2026, 12, 1), of(2026, 12, 10));

            assertThat(walk.path()).containsExactly("2026-12-04 PREPAY_DISCONNECT_PENDING",
                    "2026-12-07 DISCONNECT_REQUESTED");
            assertThat(walk.actionsOn(of(2026, 12, 7))).containsExactly(new RequestDisconnect(of(2026, 12, 7)));
        }

        @Test
        void a_critical_care_customer_is_moved_to_postpaid_and_never_disconnected() {
            AccountWalk walk = prepay()
                    .on(of(2026, 12, 1), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("18.40"), true, null, null))
                    .on(of(2026, 12, 3), w -> {
                        w.prepay = new Snapshot.Prepay(new BigDecimal("6.10"), true, of(2026, 12, 3), null);
                        w.designations.add(Designation.CRITICAL_CARE);
                    })
                    .walk(of(2026, 11, 23), of(2027, 1, 31));

            assertThat(walk.path()).containsExactly("2026-12-01 PREPAY_LOW_BALANCE", "2026-12-03 PREPAY_CONVERTED");
            assertThat(walk.actionsOn(of(2026, 12, 3))).containsExactly(
                    new RequestPrepayConversion(Designation.CRITICAL_CARE));
            assertThat(walk.all(RequestDisconnect.class)).isEmpty();
        }

        @Test
        void a_chronic_condition_designation_while_the_disconnect_is_out_withdraws_it() {
            AccountWalk walk = prepay()
                    .on(of(2026, 12, 3), w -> w.prepay = new Snapshot.Prepay(new BigDecimal("6.10"), true,
                            of(2026, 12, 3), null))
                    .on(of(2026, 12, 7), w -> w.designations.add(Designation.CHRONIC_CONDITION))
                    .walk(of(2026, 12, 1), of(2026, 12, 31));

            assertThat(walk.path()).containsExactly("2026-12-03 PREPAY_DISCONNECT_PENDING",
                    "2026-12-04 DISCONNECT_REQUESTED", "2026-12-07 PREPAY_CONVERTED");
            List<Action> converted = walk.actionsOn(of(2026, 12, 7));
            assertThat(converted.get(0)).isEqualTo(new RequestPrepayConversion(Designation.CHRONIC_CONDITION));
            assertThat(converted.get(1)).isInstanceOf(CancelDisconnect.class);
            assertThat(converted.get(2)).isInstanceOfSatisfying(ClearHold.class,
                    c -> assertThat(c.reason()).startsWith("moved to postpaid"));
        }
    }

    @Nested
    class Unchanged_state {

        @Test
        void the_same_facts_evaluated_again_the_same_day_do_nothing() {
            AccountWalk walk = unpaidBill(new AccountWalk(BillingType.POSTPAY));
            walk.walk(ISSUED, of(2026, 12, 2));
            Decision again = walk.evaluate(of(2026, 12, 2));
            assertThat(again.changed()).isFalse();
            assertThat(again.actions()).isEmpty();
            assertThat(again.state()).isEqualTo(CollectionState.DISCONNECT_NOTICE_ISSUED);
            assertThat(walk.path()).containsExactly("2026-11-28 PAST_DUE", "2026-12-02 DISCONNECT_NOTICE_ISSUED");
        }

        @Test
        void a_bill_arriving_after_the_payment_that_pays_it_leaves_the_account_current() {
            AccountWalk walk = new AccountWalk(BillingType.POSTPAY)
                    .on(of(2026, 11, 12), w -> w.pay("143.37", of(2026, 11, 12)))
                    .on(of(2026, 11, 30), w -> w.bill("143.37", ISSUED, DUE))
                    .walk(ISSUED, of(2026, 12, 31));
            assertThat(walk.steps).isEmpty();
            assertThat(walk.done).isEmpty();
        }
    }

    @Nested
    class Configuration {

        @Test
        void a_late_fee_above_five_percent_refuses_to_start() {
            assertThatThrownBy(() -> new CollectionPolicy(
                    AccountWalk.settings(new BigDecimal("5.01"), 10, BigDecimal.ZERO), AccountWalk.CALENDAR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dunning.policy.postpay.late-fee.percent must be between 0 and 5")
                    .hasMessageContaining("§25.480(c)");
        }

        @Test
        void a_disconnect_date_under_ten_days_after_the_notice_refuses_to_start() {
            assertThatThrownBy(() -> new CollectionPolicy(AccountWalk.settings(new BigDecimal("5"), 9, BigDecimal.ZERO),
                    AccountWalk.CALENDAR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("disconnect-days-after-notice must be at least 10")
                    .hasMessageContaining("§25.483");
        }

        @Test
        void steps_must_belong_to_their_policy_and_end_with_current() {
            PolicySettings settings = new PolicySettings(
                    new PolicySettings.Postpay(List.of(Step.PREPAY_LOW_BALANCE, Step.PAST_DUE), 1, true,
                            new BigDecimal("5"), 5, 10, BigDecimal.ZERO, false, Set.of()),
                    new PolicySettings.Prepay(AccountWalk.PREPAY_STEPS, 1, false, Set.of()),
                    java.time.Duration.ofHours(48));
            assertThat(settings.problems()).containsExactly(
                    "dunning.policy.postpay.steps must end with 'current' (what an account is when no other step"
                            + " matches): [prepay-low-balance, past-due]",
                    "dunning.policy.postpay.steps: 'prepay-low-balance' is not a post-pay step");
        }
    }
}
