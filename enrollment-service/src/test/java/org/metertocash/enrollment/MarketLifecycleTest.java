package org.metertocash.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.contracts.enrollment.EnrollmentActivated;
import org.metertocash.contracts.enrollment.EnrollmentDropped;
import org.metertocash.contracts.enrollment.EnrollmentRejected;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/** Each transition driven by the edi.events the gateway publishes, as it publishes them. */
@QuarkusTest
class MarketLifecycleTest {

    private static Market market;

    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        market = new Market();
    }

    @AfterAll
    static void disconnect() {
        market.close();
    }

    @Test
    void given_an_accepted_enrollment_when_the_utility_confirms_the_start_then_it_is_active_with_its_market_transactions() {
        String esiId = Requests.newOncorEsiId();
        LocalDate start = LocalDate.now().plusDays(6);
        UUID id = market.accepted(esiId, start);
        UUID ediTransaction = UUID.randomUUID();

        UUID completion = market.producer().publish(new MarketEnrollmentCompleted(id, esiId, start, "867-" + esiId,
                ediTransaction));
        Market.awaitState(id, "ACTIVE");

        Api.operations().get("/enrollments/" + id).then()
                .body("serviceStartDate", equalTo(start.toString()))
                .body("activationConfirmedBy", equalTo("MARKET_COMPLETION"))
                .body("history.to", equalTo(List.of("SUBMITTED", "SENT", "ACCEPTED", "ACTIVE")))
                .body("history.cause", equalTo(List.of("SUBMIT", "REQUEST_SENT", "MARKET_ACCEPTED", "MARKET_COMPLETED")))
                .body("history.actor", equalTo(List.of("upstream", "market", "market", "market")))
                .body("history[3].causeEventId", equalTo(completion.toString()))
                .body("transactions.transactionSet", equalTo(List.of("814_01", "814_05", "867_04")))
                .body("transactions[0].bgnReference", equalTo("Q" + esiId))
                .body("transactions[1].originalReference", equalTo("Q" + esiId))
                .body("transactions[1].date", equalTo(start.toString()))
                .body("transactions[2].ediTransactionId", equalTo(ediTransaction.toString()))
                .body("transactions[2].bgnReference", equalTo("867-" + esiId));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            ReceivedEvent activated = probe.awaitType(EnrollmentActivated.TYPE, esiId, Market.WAIT);
            assertThat(activated.causationId()).isEqualTo(completion.toString());
            EnrollmentActivated event = activated.as(EnrollmentActivated.class);
            assertThat(event.enrollmentId()).isEqualTo(id);
            assertThat(event.serviceStartDate()).isEqualTo(start);
            assertThat(event.confirmedBy()).isEqualTo("MARKET_COMPLETION");
        }
    }

    @Test
    void given_a_completion_that_names_no_enrollment_then_the_open_enrollment_of_the_premise_is_activated() {
        String esiId = Requests.newOncorEsiId();
        LocalDate start = LocalDate.now().plusDays(6);
        UUID id = market.accepted(esiId, start);

        market.producer().publish(new MarketEnrollmentCompleted(null, esiId, start, "867-" + esiId, UUID.randomUUID()));

        Market.awaitState(id, "ACTIVE");
    }

    @Test
    void given_a_redelivered_completion_then_the_enrollment_is_activated_once() {
        String esiId = Requests.newOncorEsiId();
        LocalDate start = LocalDate.now().plusDays(6);
        UUID id = market.accepted(esiId, start);
        var completion = new MarketEnrollmentCompleted(id, esiId, start, "867-" + esiId, UUID.randomUUID());
        UUID eventId = market.producer().publish(completion);
        Market.awaitState(id, "ACTIVE");
        long duplicatesBefore = Market.duplicatesIgnored();

        market.producer().publish(completion, eventId);

        await().atMost(Market.WAIT).until(() -> Market.duplicatesIgnored() > duplicatesBefore);
        assertThat(Market.published(em, esiId, EnrollmentActivated.TYPE)).isEqualTo(1);
        Api.operations().get("/enrollments/" + id).then()
                .body("history.to", equalTo(List.of("SUBMITTED", "SENT", "ACCEPTED", "ACTIVE")))
                .body("transactions.transactionSet", equalTo(List.of("814_01", "814_05", "867_04")));
    }

    @Test
    void given_an_active_enrollment_when_a_loss_notice_arrives_then_it_is_dropped_and_queued_for_retention() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);
        LocalDate end = LocalDate.now().plusDays(20);

        UUID notice = market.producer().publish(new LossNoticeReceived(esiId, end, "L" + esiId, UUID.randomUUID()));
        Market.awaitState(id, "DROPPED");

        Api.operations().get("/enrollments/" + id).then()
                .body("serviceEndDate", equalTo(end.toString()))
                .body("history[-1].cause", equalTo("LOSS_NOTICE"))
                .body("history[-1].causeEventId", equalTo(notice.toString()))
                .body("transactions[-1].transactionSet", equalTo("814_06"));
        Api.operations().queryParam("type", "LOSS_NOTICE").queryParam("esiId", esiId).get("/exceptions").then()
                .statusCode(200).body("", hasSize(1))
                .body("[0].reference", equalTo(id.toString()))
                .body("[0].details.serviceEndDate", equalTo(end.toString()))
                .body("[0].details.customer", equalTo("Ana Ramirez"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            EnrollmentDropped dropped = probe.awaitType(EnrollmentDropped.TYPE, esiId, Market.WAIT)
                    .as(EnrollmentDropped.class);
            assertThat(dropped.serviceEndDate()).isEqualTo(end);
            assertThat(dropped.reason()).isEqualTo("LOSS");
        }
    }

    @Test
    void given_a_loss_notice_resent_under_a_new_event_id_then_nothing_changes_a_second_time() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);
        LocalDate end = LocalDate.now().plusDays(20);
        market.producer().publish(new LossNoticeReceived(esiId, end, "L" + esiId, UUID.randomUUID()));
        Market.awaitState(id, "DROPPED");

        market.producer().publish(new LossNoticeReceived(esiId, end, "L" + esiId, UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id).then()
                .body("transactions.findAll { it.transactionSet == '814_06' }", hasSize(2)));
        assertThat(Market.published(em, esiId, EnrollmentDropped.TYPE)).isEqualTo(1);
        Api.operations().queryParam("esiId", esiId).get("/exceptions").then()
                .body("findAll { it.type == 'LOSS_NOTICE' }.occurrences", equalTo(List.of(1)))
                .body("findAll { it.type == 'UNEXPECTED_MARKET_RESPONSE' }", hasSize(0));
    }

    @Test
    void given_an_enrollment_request_rejected_by_an_824_then_it_is_rejected_and_queued_with_the_reason_code() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        market.sent(id, esiId);

        market.producer().publish(new TransactionRejected(esiId, "814_01", "Q" + esiId, "A76",
                "ESI ID not found", id, UUID.randomUUID()));
        Market.awaitState(id, "REJECTED");

        Api.operations().get("/enrollments/" + id).then()
                .body("rejection.code", equalTo("A76"))
                .body("history[-1].cause", equalTo("TRANSACTION_REJECTED"))
                .body("transactions[-1].transactionSet", equalTo("824"))
                .body("transactions[-1].originalReference", equalTo("Q" + esiId));
        Api.operations().queryParam("type", "ENROLLMENT_REJECTED").queryParam("esiId", esiId).get("/exceptions")
                .then().body("[0].reference", equalTo(id.toString()))
                .body("[0].details.reasonCode", equalTo("A76"))
                .body("[0].details.rejectedBy", equalTo("824"))
                .body("[0].summary", org.hamcrest.Matchers.startsWith("[A76]"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            EnrollmentRejected rejected = probe.awaitType(EnrollmentRejected.TYPE, esiId, Market.WAIT)
                    .as(EnrollmentRejected.class);
            assertThat(rejected.reasonCode()).isEqualTo("A76");
        }
    }

    @Test
    void given_an_824_against_a_move_out_then_an_analyst_gets_a_work_item_and_no_enrollment_changes() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);

        UUID advice = market.producer().publish(new TransactionRejected(esiId, "814_24", "MO" + esiId, "A13",
                "Other", null, UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "MARKET_TRANSACTION_REJECTED").queryParam("esiId", esiId).get("/exceptions")
                .then().body("reference", equalTo(List.of(advice.toString())))
                .body("[0].details.rejectedSet", equalTo("814_24")));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void given_a_loss_notice_before_service_started_then_nothing_changes_and_an_analyst_is_told() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.accepted(esiId, LocalDate.now().plusDays(9));

        UUID notice = market.producer().publish(new LossNoticeReceived(esiId, LocalDate.now().plusDays(3),
                "L" + esiId, UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "UNEXPECTED_MARKET_RESPONSE").queryParam("esiId", esiId).get("/exceptions")
                .then().body("reference", hasItem(notice.toString()))
                .body("find { it.reference == '" + notice + "' }.details.state", equalTo("ACCEPTED")));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("ACCEPTED"))
                .body("history.to", equalTo(List.of("SUBMITTED", "SENT", "ACCEPTED")));
        assertThat(Market.published(em, esiId, EnrollmentDropped.TYPE)).isZero();
    }

    @Test
    void given_an_active_enrollment_when_an_acceptance_arrives_then_nothing_changes_and_an_analyst_is_told() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);

        UUID late = market.producer().publish(new MarketEnrollmentAccepted(id, esiId, "A2" + esiId, "Q" + esiId,
                LocalDate.now().plusDays(30), UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "UNEXPECTED_MARKET_RESPONSE").queryParam("esiId", esiId).get("/exceptions")
                .then().body("reference", hasItem(late.toString())));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("ACTIVE"))
                .body("scheduledStartDate", equalTo(LocalDate.now().plusDays(7).toString()));
    }

    @Test
    void given_an_enrollment_cancelled_before_the_market_had_it_when_the_gateway_reports_it_sent_then_an_analyst_is_told() {
        String esiId = Requests.newOncorEsiId();
        String id = Requests.submit(Requests.enrollment(esiId));
        Api.upstreamOnce().body(java.util.Map.of("reason", "customer called back"))
                .post("/enrollments/" + id + "/cancel").then().statusCode(200);

        UUID sent = market.producer().publish(new org.metertocash.contracts.edi.MarketEnrollmentRequestSent(
                UUID.fromString(id), esiId, "814_01", "Q" + esiId, "000000002", "f.x12"));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "UNEXPECTED_MARKET_RESPONSE").queryParam("esiId", esiId).get("/exceptions")
                .then().body("reference", equalTo(List.of(sent.toString())))
                .body("[0].details.state", equalTo("CANCELLED")));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("CANCELLED"))
                .body("transactions.transactionSet", equalTo(List.of("814_01")));
    }

    @Test
    void given_a_loss_notice_for_a_premise_we_never_enrolled_then_it_is_queued_as_unmatched() {
        String esiId = Requests.newOncorEsiId();

        UUID notice = market.producer().publish(new LossNoticeReceived(esiId, LocalDate.now(), "L" + esiId,
                UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().queryParam("esiId", esiId)
                .get("/exceptions").then()
                .body("type", equalTo(List.of("UNMATCHED_MARKET_RESPONSE")))
                .body("reference", equalTo(List.of(notice.toString()))));
        Api.operations().queryParam("esiId", esiId).get("/enrollments").then().body("", hasSize(0));
    }
}
