package org.metertocash.edi.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.detail;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.read;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.sendRequest;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.edi.acknowledgement.AcknowledgementFixtures.SentRequest;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.Acknowledgements997;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ack.FunctionalAcknowledgement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A partner's 997 is matched to our group (partner + GS06) and transactions (ST02), and marks them. */
@QuarkusTest
class AcknowledgementsReceivedTest {

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
    void a_997_accepting_our_814_marks_it_acknowledged() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);

        String ackId = upload(partner.accept(request.file())).then().statusCode(202)
                .body("status", equalTo("PROCESSED"))
                .body("interchanges[0].transactions[0].transactionSet", equalTo("997"))
                .extract().path("interchanges[0].transactions[0].id");

        JsonPath ours = detail(request.transactionId());
        assertThat(ours.getString("acknowledgement.kind")).isEqualTo("997");
        assertThat(ours.getString("acknowledgement.direction")).isEqualTo("INBOUND");
        assertThat(ours.getString("acknowledgement.ediTransactionId")).isEqualTo(ackId);
        assertThat(ours.getString("acknowledgement.code")).isEqualTo("A");
        assertThat(ours.getString("acknowledgement.groupCode")).isEqualTo("A");
        assertThat(ours.getString("status")).isIn("QUEUED", "SENT");
        JsonPath ack = detail(ackId);
        assertThat(ack.getString("status")).isEqualTo("PROCESSED");
        assertThat(ack.getString("esiId")).isEqualTo(request.esiId());
        assertThat(ack.getList("acknowledges.transactionId")).containsExactly(request.transactionId().toString());
        assertThat(ack.getList("acknowledges.code")).containsExactly("A");
    }

    @Test
    void a_997_rejecting_our_814_rejects_it_and_raises_a_work_item() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);

        upload(partner.reject(request.file(), "5", null)).then().statusCode(202).body("status", equalTo("PROCESSED"));

        JsonPath ours = detail(request.transactionId());
        assertThat(ours.getString("status")).isEqualTo("REJECTED");
        assertThat(ours.getString("acknowledgement.code")).isEqualTo("R");
        assertThat(ours.getList("acknowledgement.errors.transactionErrorCodes")).containsExactly("5");
        Api.operations().queryParam("type", ReceivedAcknowledgements.REJECTED).queryParam("esiId", request.esiId())
                .get("/exceptions").then().statusCode(200)
                .body("reference", hasItem(request.transactionId().toString()));
    }

    @Test
    void a_997_that_lists_no_ak2_takes_its_verdict_from_ak9() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        Interchange ours = read(request.file());
        FunctionalAcknowledgement groupOnly = new FunctionalAcknowledgement("GE",
                ours.groups().get(0).controlNumber(), List.of(), FunctionalAcknowledgement.REJECTED, 1, 1, 0,
                List.of("5"));

        upload(partner.write997(request.file(), List.of(groupOnly))).then().statusCode(202);

        JsonPath detail = detail(request.transactionId());
        assertThat(detail.getString("acknowledgement.code")).isEqualTo("R");
        assertThat(detail.getList("acknowledgement.errors.groupErrorCodes")).containsExactly("5");
    }

    @Test
    void a_997_for_a_group_we_never_sent_is_failed_and_queued() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        String gs06 = read(request.file()).groups().get(0).controlNumber();
        String ack = new String(partner.accept(request.file()), StandardCharsets.US_ASCII)
                .replace("AK1*GE*" + gs06 + "~", "AK1*GE*987654321~");

        String ackId = upload(ack.getBytes(StandardCharsets.US_ASCII)).then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");

        Api.operations().queryParam("type", ReceivedAcknowledgements.UNMATCHED).get("/exceptions").then()
                .statusCode(200).body("reference", hasItem(ackId));
        assertThat(detail(request.transactionId()).getString("acknowledgement")).isNull();
    }
}
