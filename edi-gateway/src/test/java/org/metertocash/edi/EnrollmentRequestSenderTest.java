package org.metertocash.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EnrollmentRequestSenderTest {

    private static TestProducer producer;
    private final X12Reader reader = new X12Reader(new X12Schemas());

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void a_submitted_switch_becomes_a_valid_814_01_in_the_outbound_folder_and_is_announced() {
        String esiId = Market.newEsiId();
        EnrollmentSubmitted submitted = Market.submitted(esiId, RequestType.SWITCH);
        producer.publish(submitted);

        byte[] file = Market.awaitFileFor(esiId);
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.senderId()).isEqualTo("148862012");
        assertThat(interchange.receiverId()).isEqualTo("183529049");
        TransactionSet request = interchange.groups().get(0).transactions().get(0);
        assertThat(request.errors()).isEmpty();
        assertThat(request.first("BGN").orElseThrow().element(1)).isEqualTo("13");
        assertThat(request.first("LIN").orElseThrow().element(5)).isEqualTo("CE");
        assertThat(request.first("ASI").orElseThrow().elements()).containsExactly("7", "021");
        assertThat(request.dtm("150")).contains(submitted.requestedStartDate().toString().replace("-", ""));
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).contains("N1*8S*ONCOR*1*1039940674000~").contains("N3*1200 ELM ST*APT 4~")
                .contains("N4*DALLAS*TX*75201**CO*DALLAS~").contains("PER*IC*ANA RAMIREZ*TE*2145550100*EM*ana@example.com~");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent sent = probe.awaitType(MarketEnrollmentRequestSent.TYPE, esiId, Duration.ofSeconds(20));
            MarketEnrollmentRequestSent event = sent.as(MarketEnrollmentRequestSent.class);
            assertThat(event.enrollmentId()).isEqualTo(submitted.enrollmentId());
            assertThat(event.transactionSet()).isEqualTo("814_01");
            assertThat(event.bgnReference()).isEqualTo(request.first("BGN").orElseThrow().element(2));
            assertThat(event.interchangeControlNumber()).isEqualTo(interchange.controlNumber());
        }
        Api.operations().queryParam("esiId", esiId).get("/edi/transactions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].transactionSet", equalTo("814_01"))
                .body("[0].direction", equalTo("OUTBOUND"));
    }

    @Test
    void a_move_in_becomes_an_814_16() {
        String esiId = Market.newEsiId();
        producer.publish(Market.submitted(esiId, RequestType.MOVE_IN));
        byte[] file = Market.awaitFileFor(esiId);
        TransactionSet request = reader.read(file).interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(request.first("LIN").orElseThrow().element(5)).isEqualTo("MVI");
        assertThat(Market.filesFor(esiId).get(0).getFileName().toString()).startsWith("ERCOT_814_16_");
    }

    @Test
    void a_redelivered_submission_writes_no_second_file() throws Exception {
        String esiId = Market.newEsiId();
        EnrollmentSubmitted submitted = Market.submitted(esiId, RequestType.SWITCH);
        var eventId = producer.publish(submitted);
        Market.awaitFileFor(esiId);
        producer.publish(submitted, eventId);          // the same event again
        producer.publish(submitted);                   // the same enrollment under a new event id
        String later = Market.newEsiId();              // a marker: once it is out, both repeats were consumed
        producer.publish(Market.submitted(later, RequestType.SWITCH));
        Market.awaitFileFor(later);
        Thread.sleep(1500); // let the delivery sweep run once more
        assertThat(Market.filesFor(esiId)).hasSize(1);
        Api.operations().queryParam("esiId", esiId).get("/edi/transactions").then().body("$", hasSize(1));
    }

    @Test
    void interchange_control_numbers_increase_without_gaps() {
        List<String> esiIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String esiId = Market.newEsiId();
            esiIds.add(esiId);
            producer.publish(Market.submitted(esiId, RequestType.SWITCH));
        }
        List<Long> controls = new ArrayList<>();
        for (String esiId : esiIds) {
            controls.add(Long.parseLong(reader.read(Market.awaitFileFor(esiId)).interchanges().get(0).controlNumber()));
        }
        // consumed from three partitions, the five may be numbered in any order, but as one block with no gap
        java.util.Collections.sort(controls);
        for (int i = 1; i < controls.size(); i++) {
            assertThat(controls.get(i)).isEqualTo(controls.get(i - 1) + 1);
        }
    }
}
