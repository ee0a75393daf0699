package org.metertocash.e2e;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformService;

/** A record no consumer can read is set aside with its reason; the records behind it still flow. */
@ExtendWith(RunningPlatform.class)
class PoisonRecordIT {

    private final MarketSimulator market = new MarketSimulator();

    @Test
    void a_poison_record_is_dead_lettered_and_the_partition_keeps_flowing() {
        String esiId = Scenario.newOncorEsiId();
        String poisonId = UUID.randomUUID().toString();
        try (TestProducer producer = new TestProducer(RunningPlatform.get().kafkaBootstrapServers())) {
            producer.send(Topics.ENROLLMENT, esiId, "not an event".getBytes(StandardCharsets.UTF_8),
                    Map.of(CloudEvents.ID, poisonId, CloudEvents.TYPE, EnrollmentAccepted.TYPE));
        }

        // the next enrollment for the same premise has the same key, so its events follow on the same partition
        Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), LocalDate.now().plusDays(2)))
                .then().statusCode(202);
        Scenario.awaitBillingAccount(esiId);

        String letter = "find { it.eventId == '" + poisonId + "' }";
        Scenario.awaitValue(PlatformService.BILLING, "/dead-letters", "eventId", hasItem(poisonId));
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/dead-letters").then()
                .body(letter + ".key", equalTo(esiId))
                .body(letter + ".topic", equalTo(Topics.ENROLLMENT))
                .body(letter + ".reason", not(emptyOrNullString()));
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/status").then()
                .body("openDeadLetters", greaterThanOrEqualTo(1));
    }
}
