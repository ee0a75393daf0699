package org.metertocash.billing.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountOpeningTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static EnrollmentAccepted accepted(String esiId, BillingType type, LocalDate start) {
        return new EnrollmentAccepted(UUID.randomUUID(), esiId, "ONCOR", RequestType.SWITCH, start,
                new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), "FIXED-12", type);
    }

    static String newEsiId() {
        return String.format("1044372%010d", PREMISE.incrementAndGet());
    }

    static void awaitAccount(String esiId) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/billing-accounts/" + esiId)
                .then().statusCode(200));
    }

    @Test
    void an_accepted_enrollment_opens_its_billing_account_and_announces_it() {
        String esiId = newEsiId();
        LocalDate start = LocalDate.now().plusDays(4);
        EnrollmentAccepted event = accepted(esiId, BillingType.POSTPAY, start);
        UUID eventId = producer.publish(event);
        awaitAccount(esiId);

        String accountNumber = Api.upstream().get("/billing-accounts/" + esiId).then().statusCode(200)
                .body("enrollmentId", equalTo(event.enrollmentId().toString()))
                .body("status", equalTo("PENDING_START"))
                .body("billCycle", equalTo(BillCycle.forEsiId(esiId, 20)))
                .body("startDate", equalTo(start.toString()))
                .body("serviceAddress.county", equalTo("Dallas"))
                .extract().path("accountNumber");
        assertThat(AccountNumber.isValid(accountNumber)).isTrue();

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            ReceivedEvent opened = probe.awaitType(BillingAccountOpened.TYPE, esiId, WAIT);
            assertThat(opened.key()).isEqualTo(esiId);
            assertThat(opened.causationId()).isEqualTo(eventId.toString());
            BillingAccountOpened body = opened.as(BillingAccountOpened.class);
            assertThat(body.accountNumber()).isEqualTo(accountNumber);
            assertThat(body.billCycle()).isEqualTo(BillCycle.forEsiId(esiId, 20));
        }
    }

    @Test
    void a_redelivered_acceptance_opens_nothing_more_and_is_counted() {
        String esiId = newEsiId();
        EnrollmentAccepted event = accepted(esiId, BillingType.PREPAY, LocalDate.now());
        UUID eventId = producer.publish(event);
        awaitAccount(esiId);
        long duplicates = statusNumber("inbox.duplicatesIgnored");

        producer.publish(event, eventId);           // redelivery: same event id
        producer.publish(event);                    // the same acceptance under a new event id
        await().atMost(WAIT).until(() -> statusNumber("inbox.duplicatesIgnored") > duplicates);

        String marker = newEsiId();
        producer.publish(accepted(marker, BillingType.POSTPAY, LocalDate.now()));
        awaitAccount(marker);
        Api.operations().queryParam("billingType", "PREPAY").queryParam("limit", 1000).get("/billing-accounts")
                .then().body("findAll { it.esiId == '" + esiId + "' }", hasSize(1));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            probe.awaitType(BillingAccountOpened.TYPE, marker, WAIT);
            assertThat(probe.received()).filteredOn(e -> esiId.equals(e.subject())).hasSize(1);
        }
    }

    @Test
    void poison_records_are_dead_lettered_and_the_partition_keeps_flowing() {
        String esiId = newEsiId();
        long before = statusNumber("openDeadLetters");
        producer.send(Topics.ENROLLMENT, esiId, "{}".getBytes(StandardCharsets.UTF_8), Map.of("no", "envelope"));
        producer.send(Topics.ENROLLMENT, esiId, "<xml/>".getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, EnrollmentAccepted.TYPE));
        producer.send(Topics.ENROLLMENT, esiId, "{\"esiId\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, EnrollmentAccepted.TYPE));
        producer.publish(accepted(esiId, BillingType.POSTPAY, LocalDate.now()));

        awaitAccount(esiId);
        await().atMost(WAIT).until(() -> statusNumber("openDeadLetters") >= before + 3);
        List<String> reasons = Api.operations().get("/dead-letters").then().statusCode(200)
                .extract().path("findAll { it.key == '" + esiId + "' }.reason");
        assertThat(reasons).hasSize(3);
        Api.operations().queryParam("type", "DEAD_LETTER").queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(3));
    }

    @Test
    void status_shows_reachability_and_lag_for_every_consumed_topic() {
        Api.operations().get("/status").then().statusCode(200)
                .body("service", equalTo("billing-service"))
                .body("database.reachable", equalTo(true))
                .body("broker.reachable", equalTo(true))
                .body("consumers.topic", hasItems(Topics.ENROLLMENT, Topics.PAYMENT, Topics.EDI));
        given().get("/status").then().statusCode(401);
        Api.upstream().get("/status").then().statusCode(403);
        Api.operations().get("/billing-accounts/10443729999999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static long statusNumber(String path) {
        return ((Number) Api.operations().get("/status").then().statusCode(200).extract().path(path)).longValue();
    }
}
