package org.metertocash.edi.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.ServiceOrderFiles;
import org.metertocash.x12.Segment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The TDSP's 650_02 completes or rejects our 650_01, matched by BGN06; anything else is held for operations. */
@QuarkusTest
class ServiceOrderResponseTest {

    private static TestProducer producer;
    private final ServiceOrderFiles tdsp = new ServiceOrderFiles();

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static RequestSpecification upload(byte[] file) {
        return Api.upstream().contentType("application/edi-x12").body(file);
    }

    @Test
    void a_completion_is_matched_by_bgn06_and_published_with_the_completion_date() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested request = ServiceOrderFixtures.disconnect(esiId);
        producer.publish(request);
        byte[] order = ServiceOrderFixtures.awaitOrderFile(esiId, 1);
        LocalDate completedOn = request.requestedDate().plusDays(1);

        upload(tdsp.complete(order, completedOn)).post("/edi/inbound").then().statusCode(202)
                .body("status", equalTo("PROCESSED"))
                .body("interchanges[0].transactions[0].transactionSet", equalTo("650_02"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent sent = probe.awaitType(ServiceOrderSent.TYPE, esiId, Duration.ofSeconds(20));
            ReceivedEvent completed = probe.awaitType(ServiceOrderCompleted.TYPE, esiId, Duration.ofSeconds(20));
            ServiceOrderCompleted event = completed.as(ServiceOrderCompleted.class);
            assertThat(event.requestId()).isEqualTo(request.requestId());
            assertThat(event.orderType()).isEqualTo("DISCONNECT");
            assertThat(event.completedOn()).isEqualTo(completedOn);
            assertThat(event.orderReference()).isEqualTo(sent.as(ServiceOrderSent.class).bgnReference());
            assertThat(completed.correlationId()).isEqualTo(sent.correlationId());
            assertThat(completed.causationId()).isEqualTo(sent.id());
            Api.operations().get("/edi/transactions/" + event.ediTransactionId()).then().statusCode(200)
                    .body("transactionSet", equalTo("650_02")).body("status", equalTo("PROCESSED"))
                    .body("details.completedOn", equalTo(completedOn.toString()));
        }
        Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND").get("/edi/transactions")
                .then().body("[0].transactionSet", equalTo("650_01")).body("[0].status", equalTo("ANSWERED"))
                .body("[0].answeredBy", notNullValue());
    }

    @Test
    void a_weather_moratorium_rejection_is_published_with_its_reason_and_queued_for_operations() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested request = ServiceOrderFixtures.disconnect(esiId);
        producer.publish(request);
        byte[] order = ServiceOrderFixtures.awaitOrderFile(esiId, 1);

        upload(tdsp.reject(order, "WTM", "WEATHER MORATORIUM")).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("650_02"));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ServiceOrderRejected event = probe.awaitType(ServiceOrderRejected.TYPE, esiId, Duration.ofSeconds(20))
                    .as(ServiceOrderRejected.class);
            assertThat(event.requestId()).isEqualTo(request.requestId());
            assertThat(event.orderType()).isEqualTo("DISCONNECT");
            assertThat(event.reasonCode()).isEqualTo("WTM");
            assertThat(event.reasonText()).isEqualTo("WEATHER MORATORIUM");
            assertThat(event.orderReference()).isEqualTo(tdsp.readOrder(order).bgnReference());
        }
        Api.operations().queryParam("type", ServiceOrderResponses.REJECTED).queryParam("esiId", esiId)
                .get("/exceptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].reference", equalTo(tdsp.readOrder(order).bgnReference()))
                .body("[0].summary", containsString("WTM"));
        Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND").get("/edi/transactions")
                .then().body("[0].status", equalTo("ANSWERED"));
    }

    @Test
    void a_reconnect_is_completed_like_a_disconnect() {
        String esiId = ServiceOrderFixtures.newEsiId();
        ReconnectRequested request = ServiceOrderFixtures.reconnect(esiId);
        producer.publish(request);
        byte[] order = ServiceOrderFixtures.awaitOrderFile(esiId, 1);

        upload(tdsp.complete(order, request.requestedDate())).post("/edi/inbound").then().statusCode(202)
                .body("status", equalTo("PROCESSED"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ServiceOrderCompleted event = probe.awaitType(ServiceOrderCompleted.TYPE, esiId, Duration.ofSeconds(20))
                    .as(ServiceOrderCompleted.class);
            assertThat(event.requestId()).isEqualTo(request.requestId());
            assertThat(event.orderType()).isEqualTo("RECONNECT");
            assertThat(event.completedOn()).isEqualTo(request.requestedDate());
        }
    }

    @Test
    void a_rejected_reconnect_is_published_and_queued_as_urgent() {
        String esiId = ServiceOrderFixtures.newEsiId();
        ReconnectRequested request = ServiceOrderFixtures.reconnect(esiId);
        producer.publish(request);
        byte[] order = ServiceOrderFixtures.awaitOrderFile(esiId, 1);

        upload(tdsp.reject(order, "A13", "METER INACCESSIBLE")).post("/edi/inbound").then().statusCode(202);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ServiceOrderRejected event = probe.awaitType(ServiceOrderRejected.TYPE, esiId, Duration.ofSeconds(20))
                    .as(ServiceOrderRejected.class);
            assertThat(event.orderType()).isEqualTo("RECONNECT");
            assertThat(event.reasonCode()).isEqualTo("A13");
        }
        Api.operations().queryParam("type", ServiceOrderResponses.REJECTED).queryParam("esiId", esiId)
                .get("/exceptions").then().body("$", hasSize(1))
                .body("[0].summary", containsString("Reconnect")).body("[0].summary", containsString("still off"));
    }

    @Test
    void an_answer_to_no_order_of_ours_is_failed_and_queued() {
        String esiId = ServiceOrderFixtures.newEsiId();
        ServiceOrderFiles.Order nothingOfOurs = new ServiceOrderFiles.Order(ServiceOrderFixtures.OUR_DUNS,
                ServiceOrderFixtures.ONCOR_DUNS, "NOSUCHREF", esiId, "DC001", null);
        byte[] answer = tdsp.answer(nothingOfOurs, List.of(new Segment("DTM", List.of("198", "20261201"), 0)));

        String transactionId = upload(answer).post("/edi/inbound").then().statusCode(422)
                .contentType("application/problem+json")
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", "EDI_UNMATCHED_RESPONSE").get("/exceptions").then()
                .body("reference", hasItem(transactionId));
        Api.operations().get("/edi/transactions/" + transactionId).then().body("transactionSet", equalTo("650_02"))
                .body("errors[0].code", equalTo("UNMATCHED"));
    }

    @Test
    void a_second_answer_to_an_answered_order_is_failed_and_publishes_nothing() {
        String esiId = ServiceOrderFixtures.newEsiId();
        producer.publish(ServiceOrderFixtures.disconnect(esiId));
        byte[] order = ServiceOrderFixtures.awaitOrderFile(esiId, 1);
        upload(tdsp.complete(order, LocalDate.now())).post("/edi/inbound").then().statusCode(202);

        String transactionId = upload(tdsp.reject(order, "DUP", null)).post("/edi/inbound").then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", "EDI_TRANSACTION_FAILED").queryParam("esiId", esiId).get("/exceptions")
                .then().body("reference", hasItem(transactionId))
                .body("summary", hasItem(containsString("already answered")));
        Api.operations().get("/edi/transactions/" + transactionId).then().body("status", equalTo("FAILED"))
                .body("producedEventId", org.hamcrest.Matchers.nullValue());
    }
}
