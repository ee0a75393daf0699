package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformService;

/**
 * The spine, end to end, against the five packaged services, PostgreSQL and Kafka running as separate processes:
 * driven only through REST, files and Kafka.
 */
class SpineIT {

    private final MarketSimulator market = new MarketSimulator();

    @Test
    void an_accepted_enrollment_opens_a_billing_account_in_one_correlated_flow() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString())
                .then().statusCode(201).body("state", equalTo("SUBMITTED")).extract().path("id");

        byte[] request = Scenario.awaitOutbound814(esiId);
        assertThat(new String(request, StandardCharsets.US_ASCII)).contains("ST*814*").contains("ASI*7*021~");
        Scenario.awaitEnrollmentState(id, "SENT");

        LocalDate start = LocalDate.now().plusDays(3);
        Scenario.postToGateway(market.accept(request, start)).then().statusCode(202)
                .body("status", equalTo("PROCESSED"));
        Scenario.awaitEnrollmentState(id, "ACCEPTED");
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id)
                .then().body("scheduledStartDate", equalTo(start.toString()));

        Scenario.awaitBillingAccount(esiId);
        RunningPlatform.as(PlatformService.BILLING, Api.upstream()).get("/billing-accounts/" + esiId).then()
                .body("enrollmentId", equalTo(id))
                .body("startDate", equalTo(start.toString()))
                .body("billCycle", notNullValue())
                .body("productCode", equalTo("FIXED-12"));

        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TopicProbe enrollments = new TopicProbe(bootstrap, Topics.ENROLLMENT);
                TopicProbe billing = new TopicProbe(bootstrap, Topics.BILLING)) {
            ReceivedEvent submitted = enrollments.awaitType(EnrollmentSubmitted.TYPE, esiId, Scenario.WAIT);
            ReceivedEvent opened = billing.awaitType(BillingAccountOpened.TYPE, esiId, Scenario.WAIT);
            assertThat(opened.correlationId()).isEqualTo(submitted.correlationId());
            assertThat(opened.key()).isEqualTo(esiId);
        }
        // the downstream services follow the new account too
        await().atMost(Scenario.WAIT).untilAsserted(() -> RunningPlatform.as(PlatformService.DUNNING, Api.operations())
                .get("/accounts/" + esiId + "/collections").then().statusCode(200).body("state", equalTo("CURRENT")));
    }

    @Test
    void a_rejected_enrollment_lands_in_the_reject_queue() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString())
                .then().statusCode(201).extract().path("id");
        byte[] request = Scenario.awaitOutbound814(esiId);
        Scenario.postToGateway(market.reject(request, "SHF", "SWITCH HOLD")).then().statusCode(202);
        Scenario.awaitEnrollmentState(id, "REJECTED");
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id).then()
                .body("rejection.code", equalTo("SHF"));
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).queryParam("type", "ENROLLMENT_REJECTED")
                .queryParam("esiId", esiId).get("/exceptions").then().statusCode(200).body("reference", hasItem(id));
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                .statusCode(404);
    }

    @Test
    void the_same_post_with_the_same_key_twice_is_one_enrollment_and_one_814() throws Exception {
        String esiId = Scenario.newOncorEsiId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Scenario.enrollment(esiId);
        String first = Scenario.submit(body, key).then().statusCode(201).extract().path("id");
        String second = Scenario.submit(body, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertThat(second).isEqualTo(first);
        Scenario.awaitOutbound814(esiId);
        Scenario.awaitEnrollmentState(first, "SENT");
        Thread.sleep(2000); // any second request would be out by now
        assertThat(Scenario.outboundFilesFor(esiId)).hasSize(1);
        List<String> ids = RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).queryParam("esiId", esiId)
                .get("/enrollments").then().extract().path("id");
        assertThat(ids).containsExactly(first);
    }

    @Test
    void a_redelivered_enrollment_accepted_still_opens_one_billing_account() {
        String esiId = Scenario.newOncorEsiId();
        Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), LocalDate.now().plusDays(2)))
                .then().statusCode(202);
        Scenario.awaitBillingAccount(esiId);
        long duplicatesBefore = billingDuplicates();

        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.ENROLLMENT); TestProducer producer = new TestProducer(bootstrap)) {
            ReceivedEvent accepted = probe.awaitType(EnrollmentAccepted.TYPE, esiId, Scenario.WAIT);
            producer.send(Topics.ENROLLMENT, accepted.key(), accepted.value(), accepted.headers()); // same ce_id
        }
        await().atMost(Scenario.WAIT).until(() -> billingDuplicates() > duplicatesBefore);
        List<Object> accounts = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .queryParam("limit", 1000).get("/billing-accounts").then().extract()
                .path("findAll { it.esiId == '" + esiId + "' }");
        assertThat(accounts).hasSize(1);
        try (TopicProbe billing = new TopicProbe(bootstrap, Topics.BILLING)) {
            billing.awaitType(BillingAccountOpened.TYPE, esiId, Scenario.WAIT);
            assertThat(billing.drain(java.time.Duration.ofSeconds(2)))
                    .filteredOn(e -> BillingAccountOpened.TYPE.equals(e.type()) && esiId.equals(e.subject())).hasSize(1);
        }
    }

    @Test
    void a_poison_record_is_dead_lettered_and_the_partition_keeps_flowing() {
        String esiId = Scenario.newOncorEsiId();
        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TestProducer producer = new TestProducer(bootstrap)) {
            producer.send(Topics.ENROLLMENT, esiId, "not an event".getBytes(StandardCharsets.UTF_8), Map.of(
                    CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, EnrollmentAccepted.TYPE));
        }
        // the next enrollment for the same premise uses the same partition
        Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), LocalDate.now().plusDays(2)))
                .then().statusCode(202);
        Scenario.awaitBillingAccount(esiId);

        await().atMost(Scenario.WAIT).untilAsserted(() -> RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .get("/dead-letters").then().statusCode(200)
                .body("key", hasItem(esiId)));
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/status").then()
                .body("openDeadLetters", greaterThanOrEqualTo(1));
        // enrollment-service and edi-gateway consumed the same record too: they skip types they do not handle
    }

    @Test
    void every_service_reports_its_database_and_broker_reachable() {
        for (PlatformService service : PlatformService.values()) {
            RunningPlatform.as(service, Api.operations()).get("/status").then().statusCode(200)
                    .body("database.reachable", equalTo(true))
                    .body("broker.reachable", equalTo(true));
            RunningPlatform.as(service, Api.operations()).get("/q/health/ready").then().statusCode(200);
        }
    }

    private static long billingDuplicates() {
        return ((Number) RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/status").then()
                .extract().path("inbox.duplicatesIgnored")).longValue();
    }
}
