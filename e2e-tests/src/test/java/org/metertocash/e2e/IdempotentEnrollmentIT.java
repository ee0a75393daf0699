package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformService;

/** An upstream system retrying its POST with the same Idempotency-Key enrolls the customer once. */
@ExtendWith(RunningPlatform.class)
class IdempotentEnrollmentIT {

    @Test
    void the_same_post_with_the_same_key_twice_is_one_enrollment_and_one_814() {
        String esiId = Scenario.newOncorEsiId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Scenario.enrollment(esiId);

        String first = Scenario.submit(body, key).then().statusCode(201).extract().path("id");
        String second = Scenario.submit(body, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        Scenario.awaitOutbound814(esiId);
        // whatever the two calls published has been published and the gateway has acted on all of it
        Scenario.awaitOutboxDrained(PlatformService.ENROLLMENT);
        Scenario.awaitCaughtUp(PlatformService.EDI_GATEWAY, Topics.ENROLLMENT);
        Scenario.awaitEnrollmentState(first, "SENT");
        List<String> ids = RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).queryParam("esiId", esiId)
                .get("/enrollments").then().statusCode(200).extract().path("id");
        assertThat(ids).containsExactly(first);
        RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.operations()).queryParam("esiId", esiId)
                .queryParam("direction", "OUTBOUND").get("/edi/transactions").then().statusCode(200)
                .body("$", hasSize(1));
        assertThat(Scenario.outboundFilesFor(esiId)).hasSize(1);
    }
}
