package org.metertocash.dunning.collections;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.dunning.collections.CollectionsFixtures.WAIT;
import static org.metertocash.dunning.collections.CollectionsFixtures.awaitState;
import static org.metertocash.dunning.collections.CollectionsFixtures.path;
import static org.metertocash.dunning.collections.CollectionsFixtures.today;
import static org.metertocash.dunning.collections.CollectionsFixtures.turnTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.view;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.CollectionStateChanged;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.NoticeIssued;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.dunning.collections.CollectionsFixtures.Premise;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Collections on the real stack: events published as billing, payment-service and edi-gateway publish them, days
 * turned by moving the business clock and calling {@code POST /collections/evaluations}, what dunning publishes read
 * back from the broker. The policy is the configured one (past due the day after the due date, a 5 % fee, the notice
 * five days after the due date, its disconnect date ten days on and on a business day, threshold $25.00). Each test
 * walks its own weeks, later than the one before, so the clock only moves forward; every date is worked out by hand.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectionsFlowTest {

    private static TestProducer producer;
    private static TopicProbe probe;
    private static CollectionsFixtures fixtures;

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
    void an_unpaid_bill_goes_past_due_noticed_pending_disconnected_on_the_business_day_then_reconnected_once_paid() {
        // issued 2026-11-10: 16 days on is Thanksgiving, so billing made it due Friday 2026-11-27
        today(of(2026, 11, 20));
        Premise premise = fixtures.postpayPremise("Dallas");
        UUID billId = fixtures.bill(premise, "143.37", of(2026, 11, 10), of(2026, 11, 27));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.what", equalTo("past due on 2026-11-28 unless 143.37 is paid"))
                .body("next.on", equalTo("2026-11-28")));

        turnTo(of(2026, 11, 27));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("CURRENT");
        turnTo(of(2026, 11, 28));
        awaitState(premise.esiId(), "PAST_DUE");
        // 5 % of 143.37 = 7.1685 → 7.17, once
        LateFeeAssessed fee = event(premise, LateFeeAssessed.TYPE).as(LateFeeAssessed.class);
        assertThat(fee.amount()).isEqualByComparingTo("7.17");
        assertThat(fee.pastDueAmount()).isEqualByComparingTo("143.37");
        assertThat(fee.assessedOn()).isEqualTo(of(2026, 11, 28));
        assertThat(view(premise.esiId()).getString("next.what")).isEqualTo("disconnect notice on 2026-12-02");

        for (LocalDate day = of(2026, 11, 29); day.isBefore(of(2026, 12, 2)); day = day.plusDays(1)) {
            turnTo(day);
            assertThat(view(premise.esiId()).getString("state")).as(day.toString()).isEqualTo("PAST_DUE");
        }
        turnTo(of(2026, 12, 2));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_NOTICE_ISSUED");
        // the 10th day after 12-02 is Saturday 12-12: the notice prints Monday 12-14
        NoticeIssued notice = event(premise, NoticeIssued.TYPE).as(NoticeIssued.class);
        assertThat(notice.kind()).isEqualTo("DISCONNECT_NOTICE");
        assertThat(notice.channel()).isEqualTo("PRINT");
        assertThat(notice.amount()).isEqualByComparingTo("143.37");
        assertThat(notice.disconnectDate()).isEqualTo(of(2026, 12, 14));
        assertThat(view(premise.esiId()).getString("next.what")).isEqualTo("disconnect on or after 2026-12-15");

        for (LocalDate day = of(2026, 12, 3); day.isBefore(of(2026, 12, 14)); day = day.plusDays(1)) {
            turnTo(day);
            assertThat(view(premise.esiId()).getString("state")).as(day.toString())
                    .isEqualTo("DISCONNECT_NOTICE_ISSUED");
        }
        turnTo(of(2026, 12, 14));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
        assertThat(Api.operations().get("/status").then().extract().<Integer> path(
                "entities.disconnectsPendingToday.pending")).isPositive();
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(e -> premise.esiId().equals(e.subject()))
                .filter(e -> DisconnectRequested.TYPE.equals(e.type()))).isEmpty();

        turnTo(of(2026, 12, 15));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        DisconnectRequested disconnect = event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        assertThat(disconnect.requestedDate()).isEqualTo(of(2026, 12, 15));
        assertThat(disconnect.accountNumber()).isEqualTo(premise.accountNumber());
        assertThat(disconnect.tdspDuns()).isEqualTo("1039940674000");

        // the 650_02 completion → DISCONNECTED
        today(of(2026, 12, 16));
        fixtures.publish(new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(), "DISCONNECT", "650A1",
                of(2026, 12, 16), UUID.randomUUID()));
        awaitState(premise.esiId(), "DISCONNECTED");

        // paying the bill and the fee (150.54) orders the reconnect at once
        today(of(2026, 12, 17));
        PaymentPosted payment = fixtures.payment(premise, "150.54", of(2026, 12, 17));
        fixtures.publish(payment);
        awaitState(premise.esiId(), "RECONNECT_REQUESTED");
        ReconnectRequested reconnect = event(premise, ReconnectRequested.TYPE).as(ReconnectRequested.class);
        assertThat(reconnect.requestedDate()).isEqualTo(of(2026, 12, 17));
        DunningHoldCleared cleared = event(premise, DunningHoldCleared.TYPE).as(DunningHoldCleared.class);
        assertThat(cleared.paymentId()).isEqualTo(payment.paymentId());
        assertThat(cleared.clearedState()).isEqualTo("DISCONNECTED");
        assertThat(cleared.reason()).contains("reconnect ordered");

        // the reconnect completes: delivered, redelivered, and announced again under another event id
        ServiceOrderCompleted completed = new ServiceOrderCompleted(reconnect.requestId(), premise.esiId(),
                "RECONNECT", "650A2", of(2026, 12, 17), UUID.randomUUID());
        UUID eventId = fixtures.publish(completed);
        fixtures.publish(completed, eventId);
        fixtures.publish(completed);
        awaitBarrier(premise);

        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_REQUESTED", "DISCONNECTED", "RECONNECT_REQUESTED", "CURRENT");
        assertThat(view(premise.esiId()).getList("history.rule")).containsExactly("account opened",
                "past-due §25.480(b)", "disconnect-notice §25.483", "disconnect-pending §25.483", "disconnect §25.483",
                "disconnected", "reconnect §25.483(n)", "current");
        assertThat(events(premise, LateFeeAssessed.TYPE)).hasSize(1);
        assertThat(events(premise, DisconnectRequested.TYPE)).hasSize(1);
        assertThat(events(premise, CollectionStateChanged.TYPE)).hasSize(7);
        assertThat(billId).isNotNull();
    }

    @Test
    @Order(2)
    void a_payment_delivered_twice_counts_once_and_a_partial_payment_leaves_the_account_where_the_rules_put_it() {
        // issued 2027-01-05, due 01-21; past due 01-22; notice Tuesday 01-26, disconnect date Friday 02-05
        today(of(2027, 1, 6));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "143.37", of(2027, 1, 5), of(2027, 1, 21));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.on", equalTo("2027-01-22")));
        turnTo(of(2027, 1, 22));
        turnTo(of(2027, 1, 26));
        turnTo(of(2027, 2, 5));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");

        // 100.00 delivered, redelivered under the same event id, announced again under another: counted once
        PaymentPosted first = fixtures.payment(premise, "100.00", of(2027, 2, 5));
        UUID eventId = fixtures.publish(first);
        fixtures.publish(first, eventId);
        fixtures.publish(first);
        // then 30.00: 143.37 − 130.00 = 13.37 past due, not above the 25.00 threshold: the hold clears, still past due
        // (had the 100.00 counted twice, nothing would be past due and the account would be CURRENT)
        PaymentPosted second = fixtures.payment(premise, "30.00", of(2027, 2, 5));
        fixtures.publish(second);
        awaitState(premise.esiId(), "PAST_DUE");
        assertThat(view(premise.esiId()).getString("pastDueAmount")).isEqualTo("13.37");

        List<ReceivedEvent> cleared = events(premise, DunningHoldCleared.TYPE);
        assertThat(cleared).hasSize(1);
        DunningHoldCleared hold = cleared.get(0).as(DunningHoldCleared.class);
        assertThat(hold.paymentId()).isEqualTo(second.paymentId());
        assertThat(hold.clearedState()).isEqualTo("DISCONNECT_PENDING");
        assertThat(hold.reason()).contains("pending disconnect cancelled");
        assertThat(events(premise, DisconnectCancelRequested.TYPE)).isEmpty();

        // the disconnect day comes and goes: nothing is requested
        turnTo(of(2027, 2, 8));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("PAST_DUE");
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(e -> premise.esiId().equals(e.subject()))
                .filter(e -> DisconnectRequested.TYPE.equals(e.type()))).isEmpty();
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "PAST_DUE");
    }

    @Test
    @Order(3)
    void a_payment_after_the_disconnect_was_requested_withdraws_it_with_a_cancel() {
        // issued 2027-02-23, due 03-11; past due 03-12; notice Tuesday 03-16 → disconnect date Friday 03-26;
        // disconnection Monday 03-29
        today(of(2027, 2, 24));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "143.37", of(2027, 2, 23), of(2027, 3, 11));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.on", equalTo("2027-03-12")));
        turnTo(of(2027, 3, 12));
        turnTo(of(2027, 3, 16));
        turnTo(of(2027, 3, 26));
        turnTo(of(2027, 3, 27));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_HELD");
        assertThat(view(premise.esiId()).getString("rule")).isEqualTo("hold-weekend-holiday §25.483");
        turnTo(of(2027, 3, 29));
        DisconnectRequested disconnect = event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        assertThat(disconnect.requestedDate()).isEqualTo(of(2027, 3, 29));

        PaymentPosted payment = fixtures.payment(premise, "143.37", of(2027, 3, 29));
        fixtures.publish(payment);
        awaitState(premise.esiId(), "CURRENT");
        DisconnectCancelRequested cancel = event(premise, DisconnectCancelRequested.TYPE)
                .as(DisconnectCancelRequested.class);
        assertThat(cancel.originalRequestId()).isEqualTo(disconnect.requestId());
        assertThat(cancel.requestedDate()).isEqualTo(of(2027, 3, 29));
        assertThat(cancel.tdspDuns()).isEqualTo("1039940674000");
        DunningHoldCleared hold = event(premise, DunningHoldCleared.TYPE).as(DunningHoldCleared.class);
        assertThat(hold.clearedState()).isEqualTo("DISCONNECT_REQUESTED");
        assertThat(hold.paymentId()).isEqualTo(payment.paymentId());
        assertThat(hold.reason()).contains("cancel sent to the wires utility");
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_HELD", "DISCONNECT_REQUESTED", "CURRENT");
    }

    @Test
    @Order(4)
    void a_disconnect_held_by_the_county_moratorium_goes_out_the_next_eligible_day() {
        // issued 2027-03-23, due 04-08; past due 04-09; notice Tuesday 04-13 → disconnect date Friday 04-23;
        // eligible Monday 04-26, a moratorium day in Kenedy county; disconnected Tuesday 04-27
        today(of(2027, 3, 24));
        Premise premise = fixtures.postpayPremise("Kenedy");
        fixtures.bill(premise, "96.20", of(2027, 3, 23), of(2027, 4, 8));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.on", equalTo("2027-04-09")));
        turnTo(of(2027, 4, 9));
        turnTo(of(2027, 4, 13));
        turnTo(of(2027, 4, 23));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
        Api.operations().body("{\"reason\": \"heat advisory\"}").put("/moratoriums/Kenedy/2027-04-26").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));

        turnTo(of(2027, 4, 26));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_HELD");
        assertThat(view(premise.esiId()).getString("rule")).isEqualTo("hold-moratorium §25.483(j)");
        assertThat(view(premise.esiId()).getString("next.what")).isEqualTo("disconnect retried on 2027-04-27");
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_MORATORIUM&esiId=" + premise.esiId()).then()
                .body("$", hasSize(1)).body("[0].reference", equalTo(premise.accountNumber()));
        assertThat(Api.operations().get("/status").then().extract().<Integer> path(
                "entities.moratoriumCountiesToday.Kenedy")).isPositive();
        assertThat(events(premise, DisconnectRequested.TYPE)).isEmpty();

        turnTo(of(2027, 4, 27));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        assertThat(event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class).requestedDate())
                .isEqualTo(of(2027, 4, 27));
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_MORATORIUM&esiId=" + premise.esiId()).then()
                .body("$", hasSize(0));
        Api.operations().get("/exceptions?type=DISCONNECT_HELD_MORATORIUM&status=RESOLVED&esiId=" + premise.esiId())
                .then().body("$", hasSize(1));
    }

    @Test
    @Order(5)
    void a_bill_arriving_after_the_payment_that_pays_it_leaves_the_account_current() {
        today(of(2027, 4, 28));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.publish(fixtures.payment(premise, "143.37", of(2027, 4, 28)));
        fixtures.bill(premise, "143.37", of(2027, 4, 27), of(2027, 5, 13));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("balance", equalTo(0.0f)).body("next.what", equalTo("none")));
        turnTo(of(2027, 5, 14));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("CURRENT");
        assertThat(view(premise.esiId()).getString("pastDueAmount")).isEqualTo("0");
        assertThat(path(premise.esiId())).containsExactly("CURRENT");
    }

    @Test
    @Order(6)
    void a_disconnect_rejected_for_a_weather_moratorium_is_a_work_item_and_goes_again_the_next_day() {
        // issued 2027-05-04, due 05-20; past due 05-21; notice Tuesday 05-25 → disconnect date Friday 06-04;
        // requested Monday 06-07, rejected WTM that day, requested again Tuesday 06-08
        today(of(2027, 5, 5));
        Premise premise = fixtures.postpayPremise("Dallas");
        fixtures.bill(premise, "96.20", of(2027, 5, 4), of(2027, 5, 20));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("next.on", equalTo("2027-05-21")));
        turnTo(of(2027, 5, 21));
        turnTo(of(2027, 5, 25));
        turnTo(of(2027, 6, 4));
        turnTo(of(2027, 6, 7));
        DisconnectRequested first = event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        assertThat(first.requestedDate()).isEqualTo(of(2027, 6, 7));

        fixtures.publish(new ServiceOrderRejected(first.requestId(), premise.esiId(), "DISCONNECT", "650R1", "WTM",
                "Weather moratorium", UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("state", equalTo("DISCONNECT_HELD")).body("rule", equalTo("disconnect-rejected-retry")));
        Api.operations().get("/exceptions?type=SERVICE_ORDER_REJECTED&esiId=" + premise.esiId()).then()
                .body("$", hasSize(1)).body("[0].reference", equalTo(first.requestId().toString()));

        turnTo(of(2027, 6, 8));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        DisconnectRequested again = probe.await(e -> premise.esiId().equals(e.subject())
                && DisconnectRequested.TYPE.equals(e.type()) && !e.body().contains(first.requestId().toString()),
                WAIT).as(DisconnectRequested.class);
        assertThat(again.requestedDate()).isEqualTo(of(2027, 6, 8));
        Api.operations().get("/exceptions?type=SERVICE_ORDER_REJECTED&esiId=" + premise.esiId()).then()
                .body("$", hasSize(0));
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PAST_DUE", "DISCONNECT_NOTICE_ISSUED",
                "DISCONNECT_PENDING", "DISCONNECT_REQUESTED", "DISCONNECT_HELD", "DISCONNECT_REQUESTED");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** Waits for the premise's one event of a type on dunning.events. */
    private static ReceivedEvent event(Premise premise, String type) {
        return probe.awaitType(type, premise.esiId(), WAIT);
    }

    private static List<ReceivedEvent> events(Premise premise, String type) {
        return probe.drain(Duration.ofMillis(300)).stream()
                .filter(e -> premise.esiId().equals(e.subject()) && type.equals(e.type())).toList();
    }

    /**
     * An answer that matches no order, published after the events under test on the same partition: once its work
     * item is there, everything before it was consumed.
     */
    private static void awaitBarrier(Premise premise) {
        String reference = "BARRIER" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.publish(new ServiceOrderRejected(null, premise.esiId(), "RECONNECT", reference, "A13", "barrier",
                UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(() -> Api.operations()
                .get("/exceptions?type=SERVICE_ORDER_UNMATCHED&esiId=" + premise.esiId()).then()
                .body("reference", org.hamcrest.Matchers.hasItem(reference)));
    }
}
