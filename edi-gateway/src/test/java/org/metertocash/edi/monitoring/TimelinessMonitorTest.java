package org.metertocash.edi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.WAIT;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.detail;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.sendRequest;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.AcknowledgementOverdue;
import org.metertocash.edi.acknowledgement.AcknowledgementFixtures.SentRequest;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.Acknowledgements997;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Late answers to what we send, by the business clock: no 997 within 24 hours, no response within its window. */
@QuarkusTest
class TimelinessMonitorTest {

    private static TestProducer producer;
    private final Acknowledgements997 partner = new Acknowledgements997();
    private final MarketSimulator market = new MarketSimulator();

    @Inject
    TimelinessMonitor monitor;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @AfterEach
    void backToRealTime() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    private static void advanceClock(Duration duration) {
        Api.admin().body(Map.of("duration", duration.toString())).post("/admin/clock/advance").then().statusCode(200);
    }

    private static List<Map<String, Object>> openExceptions(String type, String esiId) {
        return Api.operations().queryParam("type", type).queryParam("esiId", esiId).get("/exceptions").then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    private static boolean overdueFor(ReceivedEvent event, SentRequest request, String kind) {
        return AcknowledgementOverdue.TYPE.equals(event.type())
                && request.transactionId().toString().equals(event.json().path("ediTransactionId").asText())
                && kind.equals(event.json().path("kind").asText());
    }

    @Test
    void moving_the_clock_25_hours_raises_the_overdue_997_exception_and_event_exactly_once() {
        SentRequest unacknowledged = sendRequest(producer, RequestType.SWITCH);
        SentRequest acknowledged = sendRequest(producer, RequestType.SWITCH);
        upload(partner.accept(acknowledged.file())).then().statusCode(202);
        String fileId = detail(unacknowledged.transactionId()).getString("fileId");
        Instant deliveredAt = Instant.parse(Api.operations().get("/edi/files/" + fileId).then().statusCode(200)
                .extract().path("deliveredAt"));

        advanceClock(Duration.ofHours(25));

        await().atMost(WAIT).until(() -> !openExceptions(TimelinessMonitor.ACKNOWLEDGEMENT_OVERDUE,
                unacknowledged.esiId()).isEmpty());
        monitor.check(); // more passes change nothing
        monitor.check();
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            AcknowledgementOverdue event = probe.await(e -> overdueFor(e, unacknowledged,
                    TimelinessMonitor.FUNCTIONAL_ACK), WAIT).as(AcknowledgementOverdue.class);
            assertThat(event.esiId()).isEqualTo(unacknowledged.esiId());
            assertThat(event.transactionSet()).isEqualTo("814_01");
            assertThat(event.bgnReference()).isEqualTo(unacknowledged.reference());
            assertThat(event.dueBy()).isEqualTo(event.sentAt().plus(Duration.ofHours(24)));
            assertThat(event.sentAt()).isEqualTo(deliveredAt);
            assertThat(probe.drain(Duration.ofSeconds(3)))
                    .filteredOn(e -> overdueFor(e, unacknowledged, TimelinessMonitor.FUNCTIONAL_ACK)).hasSize(1);
            assertThat(probe.received()).noneMatch(e -> overdueFor(e, acknowledged, TimelinessMonitor.FUNCTIONAL_ACK));
        }
        List<Map<String, Object>> items = openExceptions(TimelinessMonitor.ACKNOWLEDGEMENT_OVERDUE,
                unacknowledged.esiId());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("reference")).isEqualTo(unacknowledged.transactionId().toString());
        assertThat(items.get(0).get("occurrences")).isEqualTo(1);
        JsonPath detail = detail(unacknowledged.transactionId());
        assertThat(detail.getList("overdue.kind")).containsExactly(TimelinessMonitor.FUNCTIONAL_ACK);
        assertThat(detail.getList("events.type")).containsOnlyOnce(AcknowledgementOverdue.TYPE);
        assertThat(openExceptions(TimelinessMonitor.ACKNOWLEDGEMENT_OVERDUE, acknowledged.esiId())).isEmpty();
        assertThat(detail(acknowledged.transactionId()).getList("overdue")).isNullOrEmpty();

        upload(partner.accept(unacknowledged.file())).then().statusCode(202); // the 997, late

        assertThat(openExceptions(TimelinessMonitor.ACKNOWLEDGEMENT_OVERDUE, unacknowledged.esiId())).isEmpty();
    }

    @Test
    void a_request_still_unanswered_after_its_window_is_overdue_and_an_answered_one_is_not() {
        SentRequest unanswered = sendRequest(producer, RequestType.SWITCH);
        SentRequest answered = sendRequest(producer, RequestType.SWITCH);
        upload(partner.accept(unanswered.file())).then().statusCode(202);
        upload(partner.accept(answered.file())).then().statusCode(202);
        upload(market.accept(answered.file(), LocalDate.now().plusDays(3))).then().statusCode(202);

        advanceClock(Duration.ofDays(5).plusHours(1)); // edi.monitoring.response-window."814_01"=P5D
        monitor.check();

        List<Map<String, Object>> items = openExceptions(TimelinessMonitor.RESPONSE_OVERDUE, unanswered.esiId());
        assertThat(items).extracting(i -> i.get("reference")).containsExactly(unanswered.transactionId().toString());
        assertThat(detail(unanswered.transactionId()).getList("overdue.kind"))
                .containsExactly(TimelinessMonitor.BUSINESS_RESPONSE);
        assertThat(openExceptions(TimelinessMonitor.RESPONSE_OVERDUE, answered.esiId())).isEmpty();
        assertThat(detail(answered.transactionId()).getList("overdue")).isNullOrEmpty();
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            AcknowledgementOverdue event = probe.await(e -> overdueFor(e, unanswered,
                    TimelinessMonitor.BUSINESS_RESPONSE), WAIT).as(AcknowledgementOverdue.class);
            assertThat(event.dueBy()).isEqualTo(event.sentAt().plus(Duration.ofDays(5)));
        }

        upload(market.accept(unanswered.file(), LocalDate.now().plusDays(3))).then().statusCode(202); // late
        monitor.check();

        assertThat(openExceptions(TimelinessMonitor.RESPONSE_OVERDUE, unanswered.esiId())).isEmpty();
    }
}
