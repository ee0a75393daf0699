package org.metertocash.edi.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.WAIT;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.detail;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.sendRequest;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.upload;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.edi.acknowledgement.AcknowledgementFixtures.SentRequest;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.Acknowledgements997;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A partner's 824 rejecting the content of one of our transactions. */
@QuarkusTest
class ApplicationAdviceReceivedTest {

    private static TestProducer producer;
    private final Acknowledgements997 partner = new Acknowledgements997();

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void an_824_rejecting_our_814_publishes_transaction_rejected_and_raises_a_work_item() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);

        String adviceId = upload(partner.reject824(request.file(), "848", "INCORRECT DATA")).then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("824"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent sent = probe.awaitType(MarketEnrollmentRequestSent.TYPE, request.esiId(), WAIT);
            ReceivedEvent received = probe.awaitType(TransactionRejected.TYPE, request.esiId(), WAIT);
            TransactionRejected rejected = received.as(TransactionRejected.class);
            assertThat(rejected.enrollmentId()).isEqualTo(request.submitted().enrollmentId());
            assertThat(rejected.rejectedSet()).isEqualTo("814_01");
            assertThat(rejected.rejectedReference()).isEqualTo(request.reference());
            assertThat(rejected.reasonCode()).isEqualTo("848");
            assertThat(rejected.reasonText()).isEqualTo("INCORRECT DATA");
            assertThat(rejected.ediTransactionId()).isEqualTo(UUID.fromString(adviceId));
            assertThat(received.correlationId()).isEqualTo(sent.correlationId());
            assertThat(received.causationId()).isEqualTo(sent.id());
        }
        JsonPath ours = detail(request.transactionId());
        assertThat(ours.getString("status")).isEqualTo("REJECTED");
        assertThat(ours.getString("advice[0].kind")).isEqualTo("824");
        assertThat(ours.getString("advice[0].code")).isEqualTo("TR");
        assertThat(ours.getString("advice[0].ediTransactionId")).isEqualTo(adviceId);
        assertThat(ours.getString("advice[0].errors[0].code")).isEqualTo("848");
        assertThat(ours.getList("events.type")).contains(TransactionRejected.TYPE);
        Api.operations().queryParam("type", ApplicationAdvices.REJECTED).queryParam("esiId", request.esiId())
                .get("/exceptions").then().statusCode(200)
                .body("reference", hasItem(request.transactionId().toString()));
    }

    @Test
    void an_824_about_nothing_we_sent_is_failed_and_queued() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        String advice = new String(partner.reject824(request.file(), "848", "INCORRECT DATA"),
                StandardCharsets.US_ASCII);
        String oti = advice.substring(advice.indexOf("OTI*"), advice.indexOf('~', advice.indexOf("OTI*")));
        String[] elements = oti.split("\\*", -1);
        elements[3] = "NOSUCHREFERENCE";
        elements[9] = "9999";
        advice = advice.replace(oti, String.join("*", elements));

        String adviceId = upload(advice.getBytes(StandardCharsets.US_ASCII)).then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");

        Api.operations().queryParam("type", ApplicationAdvices.UNMATCHED).get("/exceptions").then().statusCode(200)
                .body("reference", hasItem(adviceId));
        assertThat(detail(request.transactionId()).getString("status")).isIn("QUEUED", "SENT");
    }
}
