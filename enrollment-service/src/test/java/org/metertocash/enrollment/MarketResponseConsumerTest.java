package org.metertocash.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MarketResponseConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestProducer market;

    @BeforeAll
    static void connect() {
        market = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        market.close();
    }

    @Test
    void a_market_acceptance_moves_the_enrollment_to_accepted_and_publishes_enrollment_accepted() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        LocalDate start = LocalDate.now().plusDays(4);

        market.publish(new MarketEnrollmentRequestSent(id, esiId, "814_01", "REF" + esiId, "000000001", "f.x12"));
        awaitState(id, "SENT");
        UUID acceptance = market.publish(new MarketEnrollmentAccepted(id, esiId, "R" + esiId, "REF" + esiId, start,
                UUID.randomUUID()));
        awaitState(id, "ACCEPTED");

        Api.operations().get("/enrollments/" + id).then()
                .body("scheduledStartDate", equalTo(start.toString()))
                .body("marketReference", equalTo("REF" + esiId));
        Api.operations().get("/enrollments/" + id + "/history").then()
                .body("to", equalTo(List.of("SUBMITTED", "SENT", "ACCEPTED")));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            ReceivedEvent accepted = probe.awaitType(EnrollmentAccepted.TYPE, esiId, WAIT);
            assertThat(accepted.causationId()).isEqualTo(acceptance.toString());
            EnrollmentAccepted event = accepted.as(EnrollmentAccepted.class);
            assertThat(event.scheduledStartDate()).isEqualTo(start);
            assertThat(event.serviceAddress().county()).isEqualTo("Dallas");
            assertThat(event.billingType().name()).isEqualTo("POSTPAY");
        }
    }

    @Test
    void a_redelivered_acceptance_has_no_second_effect_and_is_counted() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        var acceptance = new MarketEnrollmentAccepted(id, esiId, "R" + esiId, "REF" + esiId,
                LocalDate.now().plusDays(3), UUID.randomUUID());
        UUID eventId = market.publish(acceptance);
        awaitState(id, "ACCEPTED");
        long duplicatesBefore = duplicatesIgnored();

        market.publish(acceptance, eventId);

        await().atMost(WAIT).until(() -> duplicatesIgnored() > duplicatesBefore);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            probe.awaitType(EnrollmentAccepted.TYPE, esiId, WAIT);
            long published = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> EnrollmentAccepted.TYPE.equals(e.type()) && esiId.equals(e.subject())).count();
            assertThat(published).isEqualTo(1);
        }
        Api.operations().get("/enrollments/" + id + "/history").then()
                .body("to", equalTo(List.of("SUBMITTED", "ACCEPTED")));
    }

    @Test
    void a_market_rejection_lands_in_the_reject_queue_where_an_analyst_resolves_it() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        market.publish(new MarketEnrollmentRejected(id, esiId, "R" + esiId, "REF" + esiId, "SHF",
                "Switch hold on premise", UUID.randomUUID()));
        awaitState(id, "REJECTED");
        Api.operations().get("/enrollments/" + id).then()
                .body("rejection.code", equalTo("SHF")).body("rejection.text", equalTo("Switch hold on premise"));

        String item = Api.operations().queryParam("esiId", esiId).queryParam("type", "ENROLLMENT_REJECTED")
                .get("/exceptions").then().statusCode(200)
                .body("reference", hasItem(id.toString())).extract().path("[0].id");
        // the reject queue by reason
        Api.operations().queryParam("type", "ENROLLMENT_REJECTED").queryParam("reasonCode", "SHF")
                .queryParam("limit", 1000).get("/exceptions").then().statusCode(200).body("id", hasItem(item));
        Api.operations().queryParam("type", "ENROLLMENT_REJECTED").queryParam("reasonCode", "DUP")
                .queryParam("limit", 1000).get("/exceptions").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(item)));
        Api.operations().body(Map.of()).post("/exceptions/" + item + "/resolve")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        Api.operations().body(Map.of("note", "customer will call the TDSP about the hold"))
                .post("/exceptions/" + item + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("history.action", equalTo(List.of("RAISED", "RESOLVE")))
                .body("history[1].actor", equalTo("ops"));
    }

    @Test
    void an_answer_for_an_unknown_enrollment_changes_nothing_and_is_queued() {
        String esiId = Requests.newOncorEsiId();
        UUID unknown = UUID.randomUUID();
        UUID eventId = market.publish(new MarketEnrollmentAccepted(unknown, esiId, "R1", "REF-UNKNOWN",
                LocalDate.now(), UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().queryParam("esiId", esiId)
                .get("/exceptions").then().body("type", hasItem("UNMATCHED_MARKET_RESPONSE"))
                .body("reference", hasItem(eventId.toString())));
    }

    @Test
    void a_poison_record_is_dead_lettered_and_the_partition_keeps_flowing() {
        String esiId = Requests.newOncorEsiId();
        long deadBefore = openDeadLetters();
        // same key as the good event that follows: same partition, so it must not stall behind the poison
        market.send(Topics.EDI, esiId, "{not json".getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, MarketEnrollmentAccepted.TYPE));
        market.send(Topics.EDI, esiId, "{}".getBytes(StandardCharsets.UTF_8), Map.of("unrelated", "header"));

        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        market.publish(new MarketEnrollmentAccepted(id, esiId, "R" + esiId, "REF" + esiId,
                LocalDate.now().plusDays(3), UUID.randomUUID()));
        awaitState(id, "ACCEPTED");

        await().atMost(WAIT).until(() -> openDeadLetters() >= deadBefore + 2);
        List<String> reasons = Api.operations().get("/dead-letters").then().statusCode(200)
                .extract().path("findAll { it.key == '" + esiId + "' }.reason");
        assertThat(reasons).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("missing ce_id"))
                .anySatisfy(r -> assertThat(r).contains("not a valid MarketEnrollmentAccepted"));
        Api.operations().queryParam("type", "DEAD_LETTER").get("/exceptions").then()
                .body("esiId", hasItem(esiId));

        String poisonId = Api.operations().get("/dead-letters").then()
                .extract().path("find { it.key == '" + esiId + "' && it.eventType != null }.id");
        Api.operations().post("/dead-letters/" + poisonId + "/replay").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("outcome", org.hamcrest.Matchers.startsWith("failed again"));
        Api.upstream().get("/dead-letters").then().statusCode(403);
    }

    private static void awaitState(UUID id, String state) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id)
                .then().statusCode(200).body("state", equalTo(state)));
    }

    private static long duplicatesIgnored() {
        return ((Number) Api.operations().get("/status").then().statusCode(200)
                .extract().path("inbox.duplicatesIgnored")).longValue();
    }

    private static long openDeadLetters() {
        return ((Number) Api.operations().get("/status").then().statusCode(200)
                .extract().path("openDeadLetters")).longValue();
    }
}
