package org.metertocash.dunning.collections;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.dunning.collections.CollectionsFixtures.WAIT;
import static org.metertocash.dunning.collections.CollectionsFixtures.at;
import static org.metertocash.dunning.collections.CollectionsFixtures.awaitState;
import static org.metertocash.dunning.collections.CollectionsFixtures.path;
import static org.metertocash.dunning.collections.CollectionsFixtures.today;
import static org.metertocash.dunning.collections.CollectionsFixtures.turnTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.view;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.dunning.CollectionStateChanged;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.dunning.collections.CollectionsFixtures.Premise;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What happens around a disconnection on the real stack, in the style of {@link CollectionsFlowTest}: a disconnect
 * the wires utility completed after collections withdrew it, a critical-care designation arriving while a
 * disconnection is pending or already ordered, a rejected reconnect, a reconnect not completed in time, and a late fee
 * for a bill that falls past due while the account stays disconnected. The configured policy as there (past due the
 * day after the due date, 5 % fee, notice five days after the due date on a business day, disconnect date ten days on
 * and on a business day, threshold $25.00, reconnect overdue after 48 hours). Every date is worked out by hand; each
 * test walks weeks of its own, later than the one before.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HoldsAndReconnectsFlowTest {

    private static TestProducer producer;
    private static TopicProbe probe;
    private static CollectionsFixtures fixtures;

    @Inject
    DayTurn dayTurn;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
        probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.DUNNING);
        fixtures = new CollectionsFixtures(producer);
    }

    @AfterEach
    void backToRealTime() {
        CollectionsFixtures.resetClock();
    }

    @AfterAll
    static void disconnect() {
        probe.close();
        producer.close();
    }

    @Test
    @Order(1)
    void a_disconnect_completed_after_it_was_withdrawn_disconnects_the_account_and_reconnects_it_at_once() {
        // 120.00 due Tuesday 2027-07-20: past due 07-21 (fee 6.00); notice 07-25 is a Sunday → Monday 07-26, its
        // disconnect date Thursday 08-05; disconnection requested Friday 08-06
        today(of(2027, 7, 2));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "120.00", of(2027, 7, 2), of(2027, 7, 20));
        DisconnectRequested disconnect = disconnectRequested(premise, of(2027, 7, 21), of(2027, 7, 26),
                of(2027, 8, 5), of(2027, 8, 6));

        // the bill and its fee are paid the same day: the order is withdrawn
        fixtures.publish(fixtures.payment(premise, "126.00", of(2027, 8, 6)));
        awaitState(premise.esiId(), "CURRENT");
        assertThat(event(premise, DisconnectCancelRequested.TYPE).as(DisconnectCancelRequested.class)
                .originalRequestId()).isEqualTo(disconnect.requestId());

        // but the wires utility had already done it: its 650_02 completes the withdrawn order on Monday 08-09
        today(of(2027, 8, 9));
        ServiceOrderCompleted completed = new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(),
                "DISCONNECT", "650A1", of(2027, 8, 6), UUID.randomUUID());
        UUID completedEventId = fixtures.publish(completed);
        awaitState(premise.esiId(), "RECONNECT_REQUESTED");
        ReconnectRequested reconnect = event(premise, ReconnectRequested.TYPE).as(ReconnectRequested.class);
        assertThat(reconnect.requestedDate()).isEqualTo(of(2027, 8, 9));
        assertThat(reconnect.accountNumber()).isEqualTo(premise.accountNumber());
        JsonPath view = view(premise.esiId());
        assertThat(view.getList("history.to")).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_REQUESTED", "CURRENT", "DISCONNECTED", "RECONNECT_REQUESTED");
        assertThat(view.getList("history.rule")).endsWith("disconnected-after-cancel §25.483(n)",
                "reconnect §25.483(n)");
        assertThat(view.getString("rule")).isEqualTo("reconnect §25.483(n)");
        DunningHoldCleared cleared = probe.await(e -> premise.esiId().equals(e.subject())
                && DunningHoldCleared.TYPE.equals(e.type()) && e.body().contains("\"DISCONNECTED\""), WAIT)
                .as(DunningHoldCleared.class);
        assertThat(cleared.reason()).contains("arrears cured").endsWith("reconnect ordered (§25.483(n))");
        assertThat(cleared.clearedOn()).isEqualTo(of(2027, 8, 9));

        // the completion delivered again, and announced again under another event id: nothing more
        fixtures.publish(completed, completedEventId);
        fixtures.publish(completed);
        awaitBarrier(premise);
        assertThat(events(premise, ReconnectRequested.TYPE)).hasSize(1);
        assertThat(events(premise, DisconnectRequested.TYPE)).hasSize(1);
        assertThat(path(premise.esiId())).hasSize(8);

        // the reconnect completes: back to where the rules put a paid account
        fixtures.publish(new ServiceOrderCompleted(reconnect.requestId(), premise.esiId(), "RECONNECT", "650A2",
                of(2027, 8, 9), UUID.randomUUID()));
        awaitState(premise.esiId(), "CURRENT");
        assertThat(path(premise.esiId())).endsWith("DISCONNECTED", "RECONNECT_REQUESTED", "CURRENT");
    }

    @Test
    @Order(2)
    void a_critical_care_designation_holds_a_pending_disconnect_and_withdraws_one_already_ordered() {
        // 120.00 due Tuesday 2027-08-17: past due 08-18; notice 08-22 is a Sunday → Monday 08-23, its disconnect
        // date Thursday 09-02; disconnection due Friday 09-03
        today(of(2027, 8, 2));
        Premise pending = fixtures.postpayPremise("Dallas");
        Premise ordered = fixtures.postpayPremise("Dallas");
        for (Premise premise : List.of(pending, ordered)) {
            fixtures.bill(premise, "120.00", of(2027, 8, 1), of(2027, 8, 17));
            awaitNext(premise, "2027-08-18");
        }
        turnTo(of(2027, 8, 18));
        turnTo(of(2027, 8, 23));
        turnTo(of(2027, 9, 2));
        assertThat(view(pending.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
        assertThat(view(ordered.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");

        // designated while the disconnection is pending: nothing changes that day, the disconnect is held the next
        designate(pending, "CRITICAL_CARE", of(2027, 9, 2));
        assertThat(view(pending.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
        turnTo(of(2027, 9, 3));
        assertThat(view(pending.esiId()).getString("state")).isEqualTo("DISCONNECT_HELD");
        assertThat(view(pending.esiId()).getString("rule")).isEqualTo("hold-designation §25.497");
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_DESIGNATION&esiId=" + pending.esiId()).then()
                .body("$", hasSize(1)).body("[0].reference", equalTo(pending.accountNumber()));

        // designated after its disconnect was ordered: the order is withdrawn and the disconnect held
        assertThat(view(ordered.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        DisconnectRequested order = event(ordered, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        designate(ordered, "CRITICAL_CARE", of(2027, 9, 3));
        assertThat(view(ordered.esiId()).getString("state")).isEqualTo("DISCONNECT_HELD");
        assertThat(view(ordered.esiId()).getString("rule")).isEqualTo("hold-designation §25.497");
        assertThat(event(ordered, DisconnectCancelRequested.TYPE).as(DisconnectCancelRequested.class)
                .originalRequestId()).isEqualTo(order.requestId());
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_DESIGNATION&esiId=" + ordered.esiId()).then()
                .body("$", hasSize(1));

        // two weeks on (Labor Day included), neither is disconnected
        for (LocalDate day = of(2027, 9, 4); !day.isAfter(of(2027, 9, 17)); day = day.plusDays(1)) {
            turnTo(day);
            assertThat(view(pending.esiId()).getString("state")).as(day.toString()).isEqualTo("DISCONNECT_HELD");
            assertThat(view(ordered.esiId()).getString("state")).as(day.toString()).isEqualTo("DISCONNECT_HELD");
        }
        assertThat(events(pending, DisconnectRequested.TYPE)).isEmpty();
        assertThat(events(ordered, DisconnectRequested.TYPE)).hasSize(1);
        assertThat(path(pending.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_HELD");
        assertThat(path(ordered.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_REQUESTED", "DISCONNECT_HELD");
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_DESIGNATION&esiId=" + pending.esiId()).then()
                .body("$", hasSize(1)).body("[0].occurrences", equalTo(1));
    }

    @Test
    @Order(3)
    void a_rejected_reconnect_waits_for_operations_and_goes_again_when_they_retry_it() {
        // 120.00 due Tuesday 2027-09-21: past due 09-22; notice 09-26 is a Sunday → Monday 09-27, its disconnect
        // date Thursday 10-07; disconnection requested Friday 10-08, completed Tuesday 10-12
        today(of(2027, 9, 2));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "120.00", of(2027, 9, 2), of(2027, 9, 21));
        DisconnectRequested disconnect = disconnectRequested(premise, of(2027, 9, 22), of(2027, 9, 27),
                of(2027, 10, 7), of(2027, 10, 8));
        today(of(2027, 10, 12));
        fixtures.publish(new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(), "DISCONNECT", "650A3",
                of(2027, 10, 12), UUID.randomUUID()));
        awaitState(premise.esiId(), "DISCONNECTED");
        fixtures.publish(fixtures.payment(premise, "126.00", of(2027, 10, 12)));
        awaitState(premise.esiId(), "RECONNECT_REQUESTED");
        ReconnectRequested first = event(premise, ReconnectRequested.TYPE).as(ReconnectRequested.class);

        // the wires utility rejects the reconnect on Wednesday 10-13: a work item, the premise stays off
        today(of(2027, 10, 13));
        fixtures.publish(new ServiceOrderRejected(first.requestId(), premise.esiId(), "RECONNECT", "650R2", "A13",
                "Meter access denied", UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("state", equalTo("DISCONNECTED")).body("rule", equalTo("reconnect-rejected")));
        String itemId = Api.operations().get("/exceptions?type=SERVICE_ORDER_REJECTED&esiId=" + premise.esiId())
                .then().body("$", hasSize(1)).body("[0].reference", equalTo(first.requestId().toString()))
                .extract().path("[0].id");
        turnTo(of(2027, 10, 14));
        turnTo(of(2027, 10, 15));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECTED");
        assertThat(view(premise.esiId()).getString("next.what"))
                .isEqualTo("held for operations: the wires utility rejected the reconnect");
        assertThat(events(premise, ReconnectRequested.TYPE)).hasSize(1);

        // operations sorted out the access and retry: the reconnect goes again at once
        Api.operations().body("{\"note\": \"customer unlocked the gate\"}").post("/exceptions/" + itemId + "/retry")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("RECONNECT_REQUESTED");
        ReconnectRequested again = probe.await(e -> premise.esiId().equals(e.subject())
                && ReconnectRequested.TYPE.equals(e.type()) && !e.body().contains(first.requestId().toString()), WAIT)
                .as(ReconnectRequested.class);
        assertThat(again.requestedDate()).isEqualTo(of(2027, 10, 15));
        fixtures.publish(new ServiceOrderCompleted(again.requestId(), premise.esiId(), "RECONNECT", "650A4",
                of(2027, 10, 15), UUID.randomUUID()));
        awaitState(premise.esiId(), "CURRENT");
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_REQUESTED", "DISCONNECTED", "RECONNECT_REQUESTED", "DISCONNECTED",
                "RECONNECT_REQUESTED", "CURRENT");
        assertThat(events(premise, ReconnectRequested.TYPE)).hasSize(2);
    }

    @Test
    @Order(4)
    void a_reconnect_not_completed_within_48_hours_is_overdue_once() {
        // 120.00 due Tuesday 2027-10-19: past due 10-20; notice 10-24 is a Sunday → Monday 10-25, its disconnect
        // date Thursday 11-04; disconnection requested Friday 11-05, completed Monday 11-08
        today(of(2027, 10, 2));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "120.00", of(2027, 10, 2), of(2027, 10, 19));
        DisconnectRequested disconnect = disconnectRequested(premise, of(2027, 10, 20), of(2027, 10, 25),
                of(2027, 11, 4), of(2027, 11, 5));
        today(of(2027, 11, 8));
        fixtures.publish(new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(), "DISCONNECT", "650A5",
                of(2027, 11, 8), UUID.randomUUID()));
        awaitState(premise.esiId(), "DISCONNECTED");

        // paid Tuesday 11-09 at noon: the reconnect is requested then, overdue from Thursday 11-11 at noon
        today(of(2027, 11, 9));
        fixtures.publish(fixtures.payment(premise, "126.00", of(2027, 11, 9)));
        awaitState(premise.esiId(), "RECONNECT_REQUESTED");
        ReconnectRequested reconnect = event(premise, ReconnectRequested.TYPE).as(ReconnectRequested.class);

        turnTo(of(2027, 11, 10)); // 24 hours on
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("RECONNECT_REQUESTED");
        at(of(2027, 11, 11), LocalTime.of(11, 0)); // 47 hours on
        CollectionsFixtures.dayTurn();
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("RECONNECT_REQUESTED");
        Api.operations().get("/exceptions?type=RECONNECT_OVERDUE&esiId=" + premise.esiId()).then()
                .body("$", hasSize(0));

        // 49 hours on: the check that runs every dunning.reconnect.check-every (off in tests, run here by hand)
        at(of(2027, 11, 11), LocalTime.of(13, 0));
        dayTurn.reconnectsOverdue();
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("RECONNECT_OVERDUE");
        assertThat(view(premise.esiId()).getString("rule")).isEqualTo("reconnect-overdue");
        // checked again, and the day turns: still the one work item, raised once
        dayTurn.reconnectsOverdue();
        CollectionsFixtures.dayTurn();
        turnTo(of(2027, 11, 12));
        Api.operations().get("/exceptions?type=RECONNECT_OVERDUE&esiId=" + premise.esiId()).then()
                .body("$", hasSize(1)).body("[0].reference", equalTo(premise.accountNumber()))
                .body("[0].occurrences", equalTo(1))
                .body("[0].summary", org.hamcrest.Matchers.containsString(reconnect.requestId().toString()));
        assertThat(view(premise.esiId()).getList("history.to")).containsOnlyOnce("RECONNECT_OVERDUE");

        // the completion comes at last: the work item closes
        fixtures.publish(new ServiceOrderCompleted(reconnect.requestId(), premise.esiId(), "RECONNECT", "650A6",
                of(2027, 11, 12), UUID.randomUUID()));
        awaitState(premise.esiId(), "CURRENT");
        Api.operations().get("/exceptions?type=RECONNECT_OVERDUE&esiId=" + premise.esiId()).then()
                .body("$", hasSize(0));
        Api.operations().get("/exceptions?type=RECONNECT_OVERDUE&status=RESOLVED&esiId=" + premise.esiId()).then()
                .body("$", hasSize(1));
    }

    @Test
    @Order(5)
    void a_bill_falling_past_due_while_the_premise_is_disconnected_gets_its_one_late_fee() {
        // 120.00 due Tuesday 2027-11-16: past due 11-17 (fee 6.00); notice 11-21 is a Sunday → Monday 11-22, its
        // disconnect date Thursday 12-02; disconnection requested Friday 12-03, completed Monday 12-06
        today(of(2027, 11, 2));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "120.00", of(2027, 11, 2), of(2027, 11, 16));
        DisconnectRequested disconnect = disconnectRequested(premise, of(2027, 11, 17), of(2027, 11, 22),
                of(2027, 12, 2), of(2027, 12, 3));
        today(of(2027, 12, 6));
        fixtures.publish(new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(), "DISCONNECT", "650A7",
                of(2027, 12, 6), UUID.randomUUID()));
        awaitState(premise.esiId(), "DISCONNECTED");

        // the next bill, 88.10 due Friday 12-17, falls past due Saturday 12-18 while the premise stays off
        UUID secondBill = UUID.randomUUID();
        BillPosted second = new BillPosted(secondBill, premise.accountNumber(), premise.esiId(), of(2027, 11, 1),
                of(2027, 11, 30), of(2027, 12, 1), of(2027, 12, 17), new java.math.BigDecimal("88.10"),
                new java.math.BigDecimal("800"), List.of(new BillPosted.Line("ENERGY", "Energy charge",
                        new java.math.BigDecimal("88.10"))));
        UUID secondEventId = fixtures.publish(second);
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("balance", equalTo(214.10f))); // 120.00 + 6.00 + 88.10
        turnTo(of(2027, 12, 17));
        assertThat(fees(premise)).hasSize(1);

        turnTo(of(2027, 12, 18));
        // 5 % of 88.10 = 4.405 → 4.41, on the day it fell past due, the account still DISCONNECTED
        LateFeeAssessed fee = probe.await(e -> premise.esiId().equals(e.subject())
                && LateFeeAssessed.TYPE.equals(e.type()) && e.body().contains("88.10"), WAIT).as(LateFeeAssessed.class);
        assertThat(fee.amount()).isEqualByComparingTo("4.41");
        assertThat(fee.pastDueAmount()).isEqualByComparingTo("88.10");
        assertThat(fee.assessedOn()).isEqualTo(of(2027, 12, 18));
        JsonPath view = view(premise.esiId());
        assertThat(view.getString("state")).isEqualTo("DISCONNECTED");
        assertThat(view.getString("rule")).isEqualTo("disconnected");
        assertThat(view.getList("history.rule")).last().isEqualTo("late-fee §25.480(c)");
        assertThat(view.getList("history.from")).last().isEqualTo("DISCONNECTED");
        assertThat(view.getList("history.to")).last().isEqualTo("DISCONNECTED");

        assertThat(view.getString("balance")).isEqualTo("218.51"); // and the 4.41

        // the day turned again, the bill delivered again and announced again: no second fee. A third bill, due in
        // January, published after them on the same partition, tells when they were all consumed.
        CollectionsFixtures.dayTurn();
        fixtures.publish(second, secondEventId);
        fixtures.publish(second);
        fixtures.bill(premise, "10.00", of(2027, 12, 10), of(2028, 1, 14));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("balance", equalTo(228.51f)));
        turnTo(of(2027, 12, 20));
        assertThat(fees(premise)).hasSize(2);
        assertThat(events(premise, CollectionStateChanged.TYPE).stream()
                .map(e -> e.as(CollectionStateChanged.class).toState()))
                .containsExactly("PAST_DUE", "DISCONNECT_NOTICE_ISSUED", "DISCONNECT_PENDING", "DISCONNECT_REQUESTED",
                        "DISCONNECTED");
        assertThat(view(premise.esiId()).getList("history.rule")).containsOnlyOnce("late-fee §25.480(c)");
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECTED");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /**
     * Walks a premise whose one bill is unpaid through past due, the notice, the pending disconnect and the
     * disconnect order on the days given, and returns the order.
     */
    private static DisconnectRequested disconnectRequested(Premise premise, LocalDate pastDue, LocalDate notice,
            LocalDate pending, LocalDate disconnection) {
        awaitNext(premise, pastDue.toString());
        turnTo(pastDue);
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("PAST_DUE");
        turnTo(notice);
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_NOTICE_ISSUED");
        turnTo(pending);
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
        turnTo(disconnection);
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        DisconnectRequested order = event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        assertThat(order.requestedDate()).isEqualTo(disconnection);
        return order;
    }

    private static void awaitNext(Premise premise, String on) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.on", equalTo(on)));
    }

    private static void designate(Premise premise, String type, LocalDate from) {
        Api.operations().body("{\"effectiveFrom\": \"" + from + "\"}")
                .put("/premises/" + premise.esiId() + "/designations/" + type).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    private static List<ReceivedEvent> fees(Premise premise) {
        return events(premise, LateFeeAssessed.TYPE);
    }

    private static ReceivedEvent event(Premise premise, String type) {
        return probe.awaitType(type, premise.esiId(), WAIT);
    }

    private static List<ReceivedEvent> events(Premise premise, String type) {
        return probe.drain(Duration.ofMillis(300)).stream()
                .filter(e -> premise.esiId().equals(e.subject()) && type.equals(e.type())).toList();
    }

    /**
     * An answer that matches no order, published after the events under test on the same partition of edi.events:
     * once its SERVICE_ORDER_UNMATCHED work item is there, every edi event before it was consumed.
     */
    private static void awaitBarrier(Premise premise) {
        String reference = "BARRIER" + UUID.randomUUID().toString().substring(0, 8);
        // an order type of no order: it can match nothing, whatever orders the premise has in flight
        fixtures.publish(new ServiceOrderRejected(null, premise.esiId(), "BARRIER", reference, "A13", "barrier",
                UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(() -> Api.operations()
                .get("/exceptions?type=SERVICE_ORDER_UNMATCHED&esiId=" + premise.esiId()).then()
                .body("reference", hasItem(reference)));
    }
}
