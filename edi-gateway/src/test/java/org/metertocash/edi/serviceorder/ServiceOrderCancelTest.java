package org.metertocash.edi.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.ServiceOrderFiles;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Collections withdraws a disconnect (DisconnectCancelRequested on dunning.events): a 650_01 cancel quoting the order
 * when the order went out, the order never sent when the cancel overtook it, a work item when the disconnect was
 * already done; the wires utility's answers to a cancelled order and to the cancel itself. Every outbound file is
 * read back as the TDSP reads it.
 */
@QuarkusTest
class ServiceOrderCancelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestProducer producer;
    private final ServiceOrderFiles tdsp = new ServiceOrderFiles();
    private final X12Reader reader = new X12Reader(new X12Schemas());

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** The premise's 650 cancel files, oldest first. */
    private List<Path> cancelFilesFor(String esiId) {
        return ServiceOrderFixtures.orderFilesFor(esiId).stream().filter(f -> tdsp.isCancel(bytes(f))).toList();
    }

    private byte[] awaitCancelFile(String esiId) {
        await().atMost(WAIT).until(() -> !cancelFilesFor(esiId).isEmpty());
        return bytes(cancelFilesFor(esiId).get(0));
    }

    /** A disconnect order sent to the TDSP: its file. */
    private static byte[] sentOrder(DisconnectRequested order) {
        producer.publish(order);
        return ServiceOrderFixtures.awaitOrderFileWith(order.esiId(), "DC001");
    }

    private static JsonPath outbound(String esiId) {
        return Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND")
                .get("/edi/transactions").then().statusCode(200).extract().jsonPath();
    }

    private static ServiceOrderStatus statusOf(UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ServiceOrder.byRequest(requestId).map(o -> o.status).orElse(null));
    }

    private static ServiceOrderCancel cancelOf(UUID originalRequestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ServiceOrderCancel.byOriginalRequest(originalRequestId).orElse(null));
    }

    private static void noServiceOrderWorkItems(String esiId) {
        for (String type : List.of(ServiceOrderCancels.TOO_LATE, ServiceOrderResponses.REJECTED,
                "EDI_TRANSACTION_FAILED", ServiceOrderSender.NOT_SENT)) {
            Api.operations().queryParam("type", type).queryParam("esiId", esiId).get("/exceptions").then()
                    .statusCode(200).body("$", hasSize(0));
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void a_cancel_of_a_sent_disconnect_is_a_valid_650_01_quoting_the_order_and_the_order_is_cancel_sent() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        String orderReference = tdsp.readOrder(sentOrder(order)).bgnReference();

        DisconnectCancelRequested cancel = ServiceOrderFixtures.cancel(order);
        producer.publish(cancel);
        byte[] file = awaitCancelFile(esiId);

        assertThat(cancelFilesFor(esiId).get(0).getFileName().toString()).startsWith("ONCOR_650_01_");
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.receiverId()).isEqualTo(ServiceOrderFixtures.ONCOR_DUNS);
        assertThat(interchange.groups().get(0).functionalId()).isEqualTo("MO");
        ServiceOrderFiles.Cancel read = tdsp.readCancel(file);
        assertThat(read.transactionSet().errors()).isEmpty();
        assertThat(read.orderReference()).isEqualTo(orderReference);
        assertThat(read.bgnReference()).isNotEqualTo(orderReference);
        assertThat(read.esiId()).isEqualTo(esiId);
        assertThat(read.purposeCode()).isEqualTo("DC001");
        assertThat(read.accountNumber()).isEqualTo(order.accountNumber());
        assertThat(read.tdspDuns()).isEqualTo(ServiceOrderFixtures.ONCOR_DUNS);
        assertThat(read.ourDuns()).isEqualTo(ServiceOrderFixtures.OUR_DUNS);
        assertThat(read.transactionSet().dtm("002")).isEmpty();

        assertThat(statusOf(order.requestId())).isEqualTo(ServiceOrderStatus.CANCEL_SENT);
        JsonPath sent = outbound(esiId);
        assertThat(sent.getList("$")).hasSize(2);
        assertThat(sent.getString("find { it.bgnReference == '" + read.bgnReference() + "' }.transactionSet"))
                .isEqualTo("650_01");
        assertThat(sent.getString("find { it.bgnReference == '" + read.bgnReference() + "' }.originalReference"))
                .isEqualTo(orderReference);
        assertThat(sent.getString("find { it.bgnReference == '" + read.bgnReference() + "' }.details.purpose"))
                .isEqualTo("CANCEL");
        assertThat(sent.getString("find { it.bgnReference == '" + read.bgnReference()
                + "' }.details.originalRequestId")).isEqualTo(order.requestId().toString());
        assertThat(sent.getString("find { it.bgnReference == '" + read.bgnReference() + "' }.producedEventId"))
                .isNull();
    }

    @Test
    void the_same_cancel_delivered_again_or_requested_again_sends_one_650() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        sentOrder(order);
        DisconnectCancelRequested cancel = ServiceOrderFixtures.cancel(order);
        UUID eventId = producer.publish(cancel);
        awaitCancelFile(esiId);

        producer.publish(cancel, eventId);                         // the same event again
        producer.publish(cancel);                                  // the same cancel under a new event id
        producer.publish(ServiceOrderFixtures.cancel(order));      // another cancel request of the same order
        // a marker on the same premise (same key, same partition, consumed after the repeats)
        producer.publish(ServiceOrderFixtures.reconnect(esiId));
        ServiceOrderFixtures.awaitOrderFileWith(esiId, "RC001");

        assertThat(cancelFilesFor(esiId)).hasSize(1);
        assertThat(ServiceOrderFixtures.orderFilesFor(esiId)).hasSize(3);
        assertThat(outbound(esiId).getList("details.purpose")).containsOnlyOnce("CANCEL");
        assertThat(cancelOf(order.requestId()).requestId).isEqualTo(cancel.requestId());
    }

    @Test
    void a_cancel_that_overtakes_its_order_keeps_the_order_from_ever_being_sent() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        producer.publish(ServiceOrderFixtures.cancel(order));
        producer.publish(order);
        producer.publish(ServiceOrderFixtures.reconnect(esiId)); // the marker
        ServiceOrderFixtures.awaitOrderFileWith(esiId, "RC001");

        assertThat(ServiceOrderFixtures.orderFilesFor(esiId)).hasSize(1);
        JsonPath sent = outbound(esiId);
        assertThat(sent.getList("details.orderType")).containsExactly("RECONNECT");
        assertThat(statusOf(order.requestId())).isNull();
        ServiceOrderCancel cancel = cancelOf(order.requestId());
        assertThat(cancel.outcome).isEqualTo(ServiceOrderCancel.Outcome.BEFORE_ORDER);
        assertThat(cancel.withheldEventId).isNotNull();
        assertThat(cancel.bgnReference).isNull();
    }

    @Test
    void a_cancel_after_the_disconnect_was_completed_sends_nothing_and_is_queued_as_too_late() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        byte[] orderFile = sentOrder(order);
        String orderReference = tdsp.readOrder(orderFile).bgnReference();
        Api.upstream().contentType("application/edi-x12").body(tdsp.complete(orderFile, LocalDate.now()))
                .post("/edi/inbound").then().statusCode(202).body("status", equalTo("PROCESSED"));

        producer.publish(ServiceOrderFixtures.cancel(order));

        await().atMost(WAIT).untilAsserted(() -> Api.operations().queryParam("type", ServiceOrderCancels.TOO_LATE)
                .queryParam("esiId", esiId).get("/exceptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].reference", equalTo(orderReference))
                .body("[0].summary", containsString("completed on " + LocalDate.now())));
        assertThat(outbound(esiId).getList("$")).hasSize(1);
        assertThat(statusOf(order.requestId())).isEqualTo(ServiceOrderStatus.COMPLETED);
        assertThat(cancelOf(order.requestId()).outcome).isEqualTo(ServiceOrderCancel.Outcome.TOO_LATE);
    }

    @Test
    void a_completion_of_a_cancelled_order_is_logged_against_it_announced_to_collections_and_queued() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        byte[] orderFile = sentOrder(order);
        String orderReference = tdsp.readOrder(orderFile).bgnReference();
        producer.publish(ServiceOrderFixtures.cancel(order));
        awaitCancelFile(esiId);

        // the premise is off: collections hears the completion (and orders the reconnect when the arrears are cured)
        String transactionId;
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            transactionId = Api.upstream().contentType("application/edi-x12")
                    .body(tdsp.complete(orderFile, LocalDate.now())).post("/edi/inbound").then().statusCode(202)
                    .body("interchanges[0].transactions[0].transactionSet", equalTo("650_02"))
                    .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                    .extract().path("interchanges[0].transactions[0].id");
            ServiceOrderCompleted completed = probe.awaitType(ServiceOrderCompleted.TYPE, esiId, Duration.ofSeconds(30))
                    .as(ServiceOrderCompleted.class);
            assertThat(completed.requestId()).isEqualTo(order.requestId());
            assertThat(completed.orderType()).isEqualTo("DISCONNECT");
        }
        Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200)
                .body("status", equalTo("PROCESSED")).body("producedEventId", notNullValue())
                .body("details.answersCancelledOrder", equalTo(orderReference))
                .body("details.completedOn", equalTo(LocalDate.now().toString()));
        assertThat(statusOf(order.requestId())).isEqualTo(ServiceOrderStatus.CANCEL_SENT);
        Api.operations().queryParam("type", ServiceOrderCancels.TOO_LATE).queryParam("esiId", esiId)
                .get("/exceptions").then().body("$", hasSize(1)).body("[0].reference", equalTo(orderReference))
                .body("[0].summary", containsString("although collections had cancelled it"));
        JsonPath sent = outbound(esiId);
        assertThat(sent.getString("find { it.bgnReference == '" + orderReference + "' }.status"))
                .isEqualTo("ANSWERED");
    }

    @Test
    void a_rejection_of_a_cancelled_order_is_logged_against_it_and_raises_nothing() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        byte[] orderFile = sentOrder(order);
        producer.publish(ServiceOrderFixtures.cancel(order));
        awaitCancelFile(esiId);

        String transactionId = Api.upstream().contentType("application/edi-x12")
                .body(tdsp.reject(orderFile, "A13", "CANCELLED BY CR")).post("/edi/inbound").then()
                .statusCode(202).body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        Api.operations().get("/edi/transactions/" + transactionId).then()
                .body("producedEventId", nullValue()).body("details.reasonCode", equalTo("A13"));
        noServiceOrderWorkItems(esiId);
    }

    @Test
    void the_tdsps_confirmation_of_our_cancel_answers_the_cancel_and_closes_the_order() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        String orderReference = tdsp.readOrder(sentOrder(order)).bgnReference();
        producer.publish(ServiceOrderFixtures.cancel(order));
        byte[] cancelFile = awaitCancelFile(esiId);
        String cancelReference = tdsp.readCancel(cancelFile).bgnReference();

        String transactionId = Api.upstream().contentType("application/edi-x12")
                .body(tdsp.complete(cancelFile, LocalDate.now())).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        Api.operations().get("/edi/transactions/" + transactionId).then().body("producedEventId", nullValue())
                .body("details.answersCancel", equalTo(cancelReference))
                .body("details.cancelOf", equalTo(orderReference));
        JsonPath sent = outbound(esiId);
        assertThat(sent.getString("find { it.bgnReference == '" + cancelReference + "' }.status"))
                .isEqualTo("ANSWERED");
        assertThat(sent.getString("find { it.bgnReference == '" + orderReference + "' }.status"))
                .isEqualTo("ANSWERED");
        assertThat(cancelOf(order.requestId()).answer).isEqualTo(ServiceOrderCancel.Answer.CONFIRMED);
        noServiceOrderWorkItems(esiId);
    }

    @Test
    void the_tdsps_refusal_of_our_cancel_is_queued_for_operations() {
        String esiId = ServiceOrderFixtures.newEsiId();
        DisconnectRequested order = ServiceOrderFixtures.disconnect(esiId);
        sentOrder(order);
        producer.publish(ServiceOrderFixtures.cancel(order));
        byte[] cancelFile = awaitCancelFile(esiId);
        String cancelReference = tdsp.readCancel(cancelFile).bgnReference();

        Api.upstream().contentType("application/edi-x12").body(tdsp.reject(cancelFile, "A13", "CREW DISPATCHED"))
                .post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"));

        Api.operations().queryParam("type", ServiceOrderResponses.REJECTED).queryParam("esiId", esiId)
                .get("/exceptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].reference", equalTo(cancelReference))
                .body("[0].summary", containsString("Cancel " + cancelReference))
                .body("[0].summary", containsString("may still be carried out"));
        ServiceOrderCancel cancel = cancelOf(order.requestId());
        assertThat(cancel.answer).isEqualTo(ServiceOrderCancel.Answer.REFUSED);
        assertThat(cancel.answerCode).isEqualTo("A13");
    }
}
