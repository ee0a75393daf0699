package org.metertocash.dunning.collections;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.WAIT;
import static org.metertocash.dunning.collections.CollectionsFixtures.awaitState;
import static org.metertocash.dunning.collections.CollectionsFixtures.path;
import static org.metertocash.dunning.collections.CollectionsFixtures.today;
import static org.metertocash.dunning.collections.CollectionsFixtures.turnTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.view;

import java.math.BigDecimal;
import java.time.Duration;
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
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.NoticeIssued;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.dunning.collections.CollectionsFixtures.Premise;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pre-pay collections on the real stack (16 TAC §25.498): billing's balance events in, dunning's notices and orders
 * out, days turned through the business clock. The configured pre-pay policy: low balance → text and e-mail;
 * below the disconnection balance → a warning by both, the disconnection from the next business day; the connection
 * balance restored → a reconnect at once; a critical-care or chronic-condition customer moved to postpaid, never
 * disconnected as pre-pay. Every date is worked out by hand.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrepayFlowTest {

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
    void low_balance_then_below_the_disconnection_balance_then_disconnected_then_reconnected_after_a_payment() {
        today(of(2027, 7, 8));
        Premise premise = fixtures.prepayPremise("Dallas");

        // Thursday 07-08: the balance falls below the product's 20.00 low-balance threshold: a text and an e-mail
        fixtures.publish(new PrepayBalanceLow(premise.accountNumber(), premise.esiId(), new BigDecimal("18.40"),
                new BigDecimal("20.00"), of(2027, 7, 8)));
        awaitState(premise.esiId(), "PREPAY_LOW_BALANCE");
        List<NoticeIssued> low = notices(premise, "PREPAY_LOW_BALANCE", 2);
        assertThat(low).extracting(NoticeIssued::channel).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(low).extracting(NoticeIssued::recipient).containsExactlyInAnyOrder("2145550199",
                "dana@example.com");
        assertThat(low).allSatisfy(n -> {
            assertThat(n.amount()).isEqualByComparingTo("18.40");
            assertThat(n.disconnectDate()).isNull();
            assertThat(n.issuedOn()).isEqualTo(of(2027, 7, 8));
        });

        // Friday 07-09: below the 10.00 disconnection balance: warned by both; the day after is a Saturday, so
        // disconnection may begin Monday 07-12
        today(of(2027, 7, 9));
        fixtures.publish(new PrepayBalanceBelowDisconnection(premise.accountNumber(), premise.esiId(),
                new BigDecimal("6.10"), new BigDecimal("10.00"), of(2027, 7, 9)));
        awaitState(premise.esiId(), "PREPAY_DISCONNECT_PENDING");
        List<NoticeIssued> warnings = notices(premise, "PREPAY_DISCONNECT_WARNING", 2);
        assertThat(warnings).extracting(NoticeIssued::channel).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(warnings).allSatisfy(n -> {
            assertThat(n.amount()).isEqualByComparingTo("6.10");
            assertThat(n.disconnectDate()).isEqualTo(of(2027, 7, 12));
        });
        assertThat(view(premise.esiId()).getString("next.on")).isEqualTo("2027-07-12");

        turnTo(of(2027, 7, 9));
        turnTo(of(2027, 7, 10));
        turnTo(of(2027, 7, 11));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("PREPAY_DISCONNECT_PENDING");
        assertThat(events(premise, DisconnectRequested.TYPE)).isEmpty();

        turnTo(of(2027, 7, 12));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
        DisconnectRequested disconnect = event(premise, DisconnectRequested.TYPE).as(DisconnectRequested.class);
        assertThat(disconnect.requestedDate()).isEqualTo(of(2027, 7, 12));
        assertThat(disconnect.accountNumber()).isEqualTo(premise.accountNumber());

        today(of(2027, 7, 13));
        fixtures.publish(new ServiceOrderCompleted(disconnect.requestId(), premise.esiId(), "DISCONNECT", "650P1",
                of(2027, 7, 13), UUID.randomUUID()));
        awaitState(premise.esiId(), "DISCONNECTED");

        // Wednesday 07-14: a payment alone does not reconnect — billing says when the connection balance is back
        today(of(2027, 7, 14));
        fixtures.publish(fixtures.payment(premise, "100.00", of(2027, 7, 14)));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("balance", equalTo(-100.0f)));
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("DISCONNECTED");
        fixtures.publish(new PrepayReconnectEligible(premise.accountNumber(), premise.esiId(),
                new BigDecimal("93.90"), new BigDecimal("75.00"), of(2027, 7, 14)));
        awaitState(premise.esiId(), "RECONNECT_REQUESTED");
        ReconnectRequested reconnect = event(premise, ReconnectRequested.TYPE).as(ReconnectRequested.class);
        assertThat(reconnect.requestedDate()).isEqualTo(of(2027, 7, 14));
        DunningHoldCleared cleared = event(premise, DunningHoldCleared.TYPE).as(DunningHoldCleared.class);
        assertThat(cleared.clearedState()).isEqualTo("DISCONNECTED");
        assertThat(cleared.reason()).isEqualTo("prepaid balance restored to the connection balance (§25.498); "
                + "reconnect ordered (§25.483(n))");

        fixtures.publish(new ServiceOrderCompleted(reconnect.requestId(), premise.esiId(), "RECONNECT", "650P2",
                of(2027, 7, 14), UUID.randomUUID()));
        awaitState(premise.esiId(), "CURRENT");
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PREPAY_LOW_BALANCE", "PREPAY_DISCONNECT_PENDING",
                "DISCONNECT_REQUESTED", "DISCONNECTED", "RECONNECT_REQUESTED", "CURRENT");
        assertThat(events(premise, NoticeIssued.TYPE)).hasSize(4);
        assertThat(events(premise, DisconnectRequested.TYPE)).hasSize(1);
        assertThat(events(premise, LateFeeAssessed.TYPE)).isEmpty();
    }

    @Test
    @Order(2)
    void a_critical_care_pre_pay_customer_is_moved_to_postpaid_once_and_never_disconnected() {
        // Tuesday 07-20: below the disconnection balance, warned; disconnection could begin Wednesday 07-21
        today(of(2027, 7, 20));
        Premise premise = fixtures.prepayPremise("Dallas");
        fixtures.publish(new PrepayBalanceBelowDisconnection(premise.accountNumber(), premise.esiId(),
                new BigDecimal("4.00"), new BigDecimal("10.00"), of(2027, 7, 20)));
        awaitState(premise.esiId(), "PREPAY_DISCONNECT_PENDING");

        // designated critical care the same day, through the API: moved to postpaid at once (§25.498)
        designate(premise, "{\"effectiveFrom\": \"2027-07-20\"}");
        assertThat(view(premise.esiId()).getString("state")).isEqualTo("PREPAY_CONVERTED");
        assertThat(view(premise.esiId()).getString("rule")).isEqualTo("prepay-conversion §25.498");
        assertThat(view(premise.esiId()).getString("billingType")).isEqualTo("POSTPAY");
        assertThat(view(premise.esiId()).getString("convertedToPostpayOn")).isEqualTo("2027-07-20");
        PrepayConversionRequested conversion = event(premise, PrepayConversionRequested.TYPE)
                .as(PrepayConversionRequested.class);
        assertThat(conversion.designation()).isEqualTo("CRITICAL_CARE");
        assertThat(conversion.requestedOn()).isEqualTo(of(2027, 7, 20));
        assertThat(event(premise, DunningHoldCleared.TYPE).as(DunningHoldCleared.class).reason())
                .isEqualTo("moved to postpaid (§25.498); pre-pay disconnection called off");

        // the designation renewed, the days turned, billing still reporting the pre-pay balance until it switches
        designate(premise, "{\"effectiveFrom\": \"2027-07-20\", \"note\": \"doctor's letter on file\"}");
        turnTo(of(2027, 7, 21));
        turnTo(of(2027, 7, 22));
        fixtures.publish(new PrepayBalanceBelowDisconnection(premise.accountNumber(), premise.esiId(),
                new BigDecimal("2.00"), new BigDecimal("10.00"), of(2027, 7, 21)));
        turnTo(of(2027, 7, 23));
        // billing's first post-pay bill, published after the balance report on the same partition: once it counts,
        // the report before it was consumed
        fixtures.bill(premise, "64.20", of(2027, 7, 23), of(2027, 8, 9));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + premise.esiId() + "/collections")
                .then().body("balance", equalTo(64.2f)));

        assertThat(events(premise, PrepayConversionRequested.TYPE)).hasSize(1);
        assertThat(events(premise, DisconnectRequested.TYPE)).isEmpty();
        assertThat(events(premise, DisconnectCancelRequested.TYPE)).isEmpty();
        assertThat(path(premise.esiId())).containsExactly("CURRENT", "PREPAY_DISCONNECT_PENDING", "PREPAY_CONVERTED",
                "CURRENT");
        assertThat(view(premise.esiId()).getString("next.what")).isEqualTo("past due on 2027-08-10 unless 64.20 is paid");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static void designate(Premise premise, String body) {
        Api.operations().body(body).put("/premises/" + premise.esiId() + "/designations/CRITICAL_CARE").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    /** Waits for the premise's notices of a kind (as many as expected) and reads them. */
    private static List<NoticeIssued> notices(Premise premise, String kind, int expected) {
        await().atMost(WAIT).until(() -> noticesOf(premise, kind).size() >= expected);
        List<NoticeIssued> notices = noticesOf(premise, kind);
        assertThat(notices).hasSize(expected);
        return notices;
    }

    private static List<NoticeIssued> noticesOf(Premise premise, String kind) {
        return events(premise, NoticeIssued.TYPE).stream().map(e -> e.as(NoticeIssued.class))
                .filter(n -> kind.equals(n.kind())).toList();
    }

    private static ReceivedEvent event(Premise premise, String type) {
        return probe.awaitType(type, premise.esiId(), WAIT);
    }

    private static List<ReceivedEvent> events(Premise premise, String type) {
        return probe.drain(Duration.ofMillis(300)).stream()
                .filter(e -> premise.esiId().equals(e.subject()) && type.equals(e.type())).toList();
    }
}
