package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformService;

/** Kafka delivers at least once: billing's inbox turns a second delivery of the same event into nothing. */
@ExtendWith(RunningPlatform.class)
class RedeliveredEventIT {

    private final MarketSimulator market = new MarketSimulator();

    @Test
    void a_redelivered_enrollment_accepted_still_opens_one_billing_account() {
        String esiId = Scenario.newOncorEsiId();
        Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), LocalDate.now().plusDays(2)))
                .then().statusCode(202);
        Scenario.awaitBillingAccount(esiId);
        long duplicatesBefore = billingDuplicates();

        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.ENROLLMENT);
                TestProducer producer = new TestProducer(bootstrap)) {
            ReceivedEvent accepted = probe.awaitType(EnrollmentAccepted.TYPE, esiId, Scenario.WAIT);
            producer.send(Topics.ENROLLMENT, accepted.key(), accepted.value(), accepted.headers()); // same ce_id
        }

        await().atMost(Scenario.WAIT).until(() -> billingDuplicates() > duplicatesBefore);
        List<Object> accounts = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .queryParam("limit", 1000).get("/billing-accounts").then().statusCode(200).extract()
                .path("findAll { it.esiId == '" + esiId + "' }");
        assertThat(accounts).hasSize(1);
        Scenario.awaitOutboxDrained(PlatformService.BILLING);
        try (TopicProbe billing = new TopicProbe(bootstrap, Topics.BILLING)) {
            billing.awaitType(BillingAccountOpened.TYPE, esiId, Scenario.WAIT);
            assertThat(billing.drain(Duration.ofSeconds(1)))
                    .filteredOn(e -> BillingAccountOpened.TYPE.equals(e.type()) && esiId.equals(e.subject()))
                    .hasSize(1);
        }
    }

    private static long billingDuplicates() {
        return ((Number) RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/status").then()
                .statusCode(200).extract().path("inbox.duplicatesIgnored")).longValue();
    }
}
