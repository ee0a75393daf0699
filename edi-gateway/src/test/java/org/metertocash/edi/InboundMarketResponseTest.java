package org.metertocash.edi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class InboundMarketResponseTest {

    private static TestProducer producer;
    private final MarketSimulator market = new MarketSimulator();

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
    void an_accept_is_matched_to_our_request_and_published_with_the_scheduled_date() {
        String esiId = Market.newEsiId();
        EnrollmentSubmitted submitted = Market.submitted(esiId, RequestType.SWITCH);
        producer.publish(submitted);
        byte[] request = Market.awaitFileFor(esiId);
        LocalDate start = LocalDate.now().plusDays(3);

        String fileId = upload(market.accept(request, start)).post("/edi/inbound")
                .then().statusCode(202)
                .body("status", equalTo("PROCESSED"))
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_05"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("fileId");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent sent = probe.awaitType(MarketEnrollmentRequestSent.TYPE, esiId, Duration.ofSeconds(20));
            ReceivedEvent accepted = probe.awaitType(MarketEnrollmentAccepted.TYPE, esiId, Duration.ofSeconds(20));
            MarketEnrollmentAccepted event = accepted.as(MarketEnrollmentAccepted.class);
            assertThat(event.enrollmentId()).isEqualTo(submitted.enrollmentId());
            assertThat(event.scheduledStartDate()).isEqualTo(start);
            assertThat(event.originalReference()).isEqualTo(sent.as(MarketEnrollmentRequestSent.class).bgnReference());
            assertThat(accepted.correlationId()).isEqualTo(sent.correlationId());
            assertThat(accepted.causationId()).isEqualTo(sent.id());
        }
        Api.operations().get("/edi/files/" + fileId).then().statusCode(200).body("status", equalTo("PROCESSED"))
                .body("sha256", notNullValue());
        Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND").get("/edi/transactions")
                .then().body("[0].status", equalTo("ANSWERED")).body("[0].answeredBy", notNullValue());
    }

    @Test
    void a_reject_carries_the_reason_and_a_move_in_reject_is_an_814_17() {
        String esiId = Market.newEsiId();
        EnrollmentSubmitted submitted = Market.submitted(esiId, RequestType.MOVE_IN);
        producer.publish(submitted);
        byte[] request = Market.awaitFileFor(esiId);

        upload(market.reject(request, "SHF", "SWITCH HOLD")).post("/edi/inbound")
                .then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_17"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            MarketEnrollmentRejected event = probe.awaitType(MarketEnrollmentRejected.TYPE, esiId,
                    Duration.ofSeconds(20)).as(MarketEnrollmentRejected.class);
            assertThat(event.reasonCode()).isEqualTo("SHF");
            assertThat(event.reasonText()).isEqualTo("SWITCH HOLD");
            assertThat(event.enrollmentId()).isEqualTo(submitted.enrollmentId());
        }
    }

    @Test
    void the_same_interchange_twice_is_processed_once() {
        String esiId = Market.newEsiId();
        producer.publish(Market.submitted(esiId, RequestType.SWITCH));
        byte[] answer = market.accept(Market.awaitFileFor(esiId), LocalDate.now().plusDays(4));
        upload(answer).post("/edi/inbound").then().statusCode(202).body("status", equalTo("PROCESSED"));
        upload(answer).post("/edi/inbound").then().statusCode(202).body("status", equalTo("DUPLICATE"))
                .body("interchanges[0].status", equalTo("DUPLICATE"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            probe.awaitType(MarketEnrollmentAccepted.TYPE, esiId, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(2)))
                    .filteredOn(e -> MarketEnrollmentAccepted.TYPE.equals(e.type()) && esiId.equals(e.subject()))
                    .hasSize(1);
        }
    }

    @Test
    void a_file_needs_an_upstream_caller() {
        given().contentType("application/edi-x12").body("ISA*".getBytes()).post("/edi/inbound").then().statusCode(401);
        Api.operations().contentType("application/edi-x12").body("ISA*".getBytes()).post("/edi/inbound")
                .then().statusCode(403);
    }

    @Test
    void an_answer_to_nothing_we_sent_is_failed_and_queued() {
        String esiId = Market.newEsiId();
        producer.publish(Market.submitted(esiId, RequestType.SWITCH));
        byte[] request = Market.awaitFileFor(esiId);
        String text = new String(market.accept(request, LocalDate.now().plusDays(2)))
                .replace("REF*Q5*" + esiId, "REF*Q5*10443729999999999");
        String bgn06 = text.substring(text.indexOf("BGN*11*"));
        bgn06 = bgn06.substring(0, bgn06.indexOf('~'));
        text = text.replace(bgn06, bgn06.substring(0, bgn06.lastIndexOf('*') + 1) + "NOSUCHREF");
        String transactionId = upload(text.getBytes()).post("/edi/inbound").then().statusCode(422)
                .contentType("application/problem+json")
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", "EDI_UNMATCHED_RESPONSE").get("/exceptions").then()
                .body("reference", hasItem(transactionId));
    }
}
