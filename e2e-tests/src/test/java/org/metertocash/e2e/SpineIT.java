package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformService;

/**
 * The spine, end to end, against the five packaged services, PostgreSQL and Kafka running as separate processes:
 * an upstream POST, the gateway's 814 file, the market's answer posted back, the enrollment's new state and the
 * billing account — driven only through REST, files and Kafka.
 */
@ExtendWith(RunningPlatform.class)
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
            assertThat(opened.correlationId()).isNotBlank().isEqualTo(submitted.correlationId());
            assertThat(opened.key()).isEqualTo(esiId);
        }
        // the services downstream of billing follow the new account too
        Scenario.awaitValue(PlatformService.DUNNING, "/accounts/" + esiId + "/collections", "state",
                equalTo("CURRENT"));
    }

    @Test
    void a_rejected_enrollment_lands_in_the_reject_queue_with_its_reason() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString())
                .then().statusCode(201).extract().path("id");
        byte[] request = Scenario.awaitOutbound814(esiId);

        Scenario.postToGateway(market.reject(request, "SHF", "SWITCH HOLD")).then().statusCode(202);

        Scenario.awaitEnrollmentState(id, "REJECTED");
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id).then()
                .body("rejection.code", equalTo("SHF"))
                .body("rejection.text", equalTo("SWITCH HOLD"));
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).queryParam("type", "ENROLLMENT_REJECTED")
                .queryParam("esiId", esiId).get("/exceptions").then().statusCode(200).body("reference", hasItem(id));
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                .statusCode(404);
    }
}
