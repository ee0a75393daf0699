package org.metertocash.edi.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderSent;
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

/** dunning's disconnect and reconnect requests on dunning.events become 650_01 service orders to the TDSP. */
@QuarkusTest
class ServiceOrderSenderTest {

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
    void a_disconnect_request_becomes_a_valid_650_01_to_the_tdsp_and_is_announced() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested request = ServiceOrderFixtures.disconnect(esiId);
        producer.publish(request);

        byte[] file = ServiceOrderFixtures.awaitOrderFile(esiId, 1);
        assertThat(ServiceOrderFixtures.orderFilesFor(esiId).get(0).getFileName().toString())
                .startsWith("ONCOR_650_01_");
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.senderId()).isEqualTo(ServiceOrderFixtures.OUR_DUNS);
        assertThat(interchange.receiverId()).isEqualTo(ServiceOrderFixtures.ONCOR_DUNS);
        assertThat(interchange.groups().get(0).functionalId()).isEqualTo("MO");
        TransactionSet order = interchange.groups().get(0).transactions().get(0);
        assertThat(order.errors()).isEmpty();
        assertThat(order.type()).isEqualTo("650");
        assertThat(order.first("BGN").orElseThrow().element(1)).isEqualTo("13");
        assertThat(order.ref("Q5")).contains(esiId);
        assertThat(order.ref("5H")).contains("DC001");
        assertThat(order.ref("11")).contains(request.accountNumber());
        assertThat(order.dtm("002")).contains(request.requestedDate().toString().replace("-", ""));
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).contains("N1*8S*ONCOR*1*1039940674000~").contains("N1*SJ*METER TO CASH ENERGY*1*148862012~");

        String bgnReference = order.first("BGN").orElseThrow().element(2);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ServiceOrderSent sent = probe.awaitType(ServiceOrderSent.TYPE, esiId, Duration.ofSeconds(20))
                    .as(ServiceOrderSent.class);
            assertThat(sent.requestId()).isEqualTo(request.requestId());
            assertThat(sent.orderType()).isEqualTo("DISCONNECT");
            assertThat(sent.bgnReference()).isEqualTo(bgnReference);
            Api.operations().get("/edi/transactions/" + sent.ediTransactionId()).then().statusCode(200)
                    .body("transactionSet", equalTo("650_01")).body("direction", equalTo("OUTBOUND"))
                    .body("bgnReference", equalTo(bgnReference)).body("esiId", equalTo(esiId))
                    .body("details.requestId", equalTo(request.requestId().toString()));
        }
    }

    @Test
    void a_reconnect_request_becomes_a_650_01_with_the_reconnect_purpose() {
        String esiId = ServiceOrderFixtures.newEsiId();
        ReconnectRequested request = ServiceOrderFixtures.reconnect(esiId);
        producer.publish(request);

        TransactionSet order = reader.read(ServiceOrderFixtures.awaitOrderFile(esiId, 1)).interchanges().get(0)
                .groups().get(0).transactions().get(0);
        assertThat(order.errors()).isEmpty();
        assertThat(order.ref("5H")).contains("RC001");
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ServiceOrderSent sent = probe.awaitType(ServiceOrderSent.TYPE, esiId, Duration.ofSeconds(20))
                    .as(ServiceOrderSent.class);
            assertThat(sent.requestId()).isEqualTo(request.requestId());
            assertThat(sent.orderType()).isEqualTo("RECONNECT");
        }
    }

    @Test
    void a_redelivered_request_sends_nothing_twice() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested request = ServiceOrderFixtures.disconnect(esiId);
        UUID eventId = producer.publish(request);
        ServiceOrderFixtures.awaitOrderFile(esiId, 1);
        producer.publish(request, eventId);           // the same event again
        producer.publish(request);                    // the same request under a new event id
        // a marker on the same premise (same key, same partition, consumed after both repeats)
        producer.publish(ServiceOrderFixtures.reconnect(esiId));
        ServiceOrderFixtures.awaitOrderFileWith(esiId, "RC001");

        Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND").get("/edi/transactions")
                .then().statusCode(200).body("$", hasSize(2)).body("transactionSet", everyItem(equalTo("650_01")))
                .body("details.orderType", hasItem("DISCONNECT")).body("details.orderType", hasItem("RECONNECT"));
        assertThat(ServiceOrderFixtures.orderFilesFor(esiId)).hasSize(2);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            probe.await(e -> ServiceOrderSent.TYPE.equals(e.type()) && esiId.equals(e.subject())
                    && e.as(ServiceOrderSent.class).orderType().equals("RECONNECT"), Duration.ofSeconds(20));
            List<ReceivedEvent> disconnects = probe.received().stream()
                    .filter(e -> ServiceOrderSent.TYPE.equals(e.type()) && esiId.equals(e.subject()))
                    .filter(e -> e.as(ServiceOrderSent.class).orderType().equals("DISCONNECT")).toList();
            assertThat(disconnects).hasSize(1);
        }
    }

    @Test
    void a_request_that_cannot_be_a_650_is_not_sent_and_is_held_as_a_work_item() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested request = new DisconnectRequested(UUID.randomUUID(), esiId, "ONCOR", "ACC-1",
                java.time.LocalDate.now());
        producer.publish(request);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.operations()
                .queryParam("type", ServiceOrderSender.NOT_SENT).queryParam("esiId", esiId).get("/exceptions")
                .then().statusCode(200).body("reference", hasItem(request.requestId().toString())));
        Api.operations().queryParam("esiId", esiId).get("/edi/transactions").then().body("$", hasSize(0));
        assertThat(ServiceOrderFixtures.orderFilesFor(esiId)).isEmpty();
    }
}
