package org.metertocash.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestTokens;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformProcesses.Replica;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A second enrollment-service instance in the production profile, beside the running one (same database, same
 * consumer group), as a deployment with replicas runs it: only signed JWTs authenticate, roles come from the token's
 * groups, the local users do not exist, and the two instances share the work.
 */
@ExtendWith(RunningPlatform.class)
class ProductionReplicaIT {

    private static final Map<String, String> PRODUCTION_TRUST = Map.of(
            "JWT_ISSUER", TestTokens.ISSUER,
            "JWT_PUBLIC_KEY_LOCATION", "META-INF/jwt/dev-public-key.pem");

    private static Replica replica;

    @BeforeAll
    static void startReplica() throws Exception {
        replica = RunningPlatform.get().startReplica(PlatformService.ENROLLMENT, "prod", PRODUCTION_TRUST,
                Duration.ofMinutes(2));
    }

    @Test
    void the_local_users_do_not_exist_in_production() {
        given().baseUri(replica.url()).auth().preemptive().basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD)
                .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Scenario.enrollment(Scenario.newOncorEsiId())).post("/enrollments")
                .then().statusCode(401);
        given().baseUri(replica.url()).auth().preemptive().basic(Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD)
                .get("/status").then().statusCode(401);
    }

    @Test
    void a_signed_token_carries_the_role_and_health_stays_open() {
        bearer("ops-dashboard", "operations").get("/status").then().statusCode(200)
                .body("service", equalTo("enrollment-service"));
        bearer("crm", "upstream").get("/status").then().statusCode(403);
        given().baseUri(replica.url()).get("/q/health/ready").then().statusCode(200);
        given().baseUri(replica.url()).get("/status").then().statusCode(401);
    }

    @Test
    void an_expired_foreign_or_tampered_token_is_refused() {
        String expired = TestTokens.signed("crm", List.of("upstream"), Instant.now().minusSeconds(600));
        given().baseUri(replica.url()).auth().oauth2(expired).get("/enrollments").then().statusCode(401);
        String foreign = TestTokens.signed("https://elsewhere.example", "crm", List.of("operations"),
                Instant.now().plusSeconds(600));
        given().baseUri(replica.url()).auth().oauth2(foreign).get("/status").then().statusCode(401);
        String valid = TestTokens.signed("crm", List.of("operations"), Instant.now().plusSeconds(600));
        String[] parts = valid.split("\\.");
        String otherClaims = TestTokens.signed("crm", List.of("admin", "operations"), Instant.now().plusSeconds(600))
                .split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        given().baseUri(replica.url()).auth().oauth2(tampered).get("/status").then().statusCode(401);
    }

    @Test
    void an_enrollment_taken_by_the_replica_flows_through_the_spine_like_any_other() {
        String esiId = Scenario.newOncorEsiId();
        String id = bearer("crm", "upstream").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Scenario.enrollment(esiId)).post("/enrollments")
                .then().statusCode(201).extract().path("id");

        // either instance's relay may publish it; the gateway answers it with an 814 and the market accepts
        byte[] request = Scenario.awaitOutbound814(esiId);
        Scenario.postToGateway(new MarketSimulator().accept(request, LocalDate.now().plusDays(5))).then().statusCode(202);
        Scenario.awaitEnrollmentState(id, "ACCEPTED");
        Scenario.awaitBillingAccount(esiId);
        // the first instance sees what the replica stored: one database
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id)
                .then().statusCode(200).body("esiId", equalTo(esiId));
    }

    @Test
    void production_without_a_configured_token_issuer_and_key_refuses_to_start() {
        assertThatThrownBy(() -> RunningPlatform.get().startReplica(PlatformService.ENROLLMENT, "prod", Map.of(),
                Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).contains("replica exited")
                        .contains("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location"));
    }

    private static RequestSpecification bearer(String subject, String group) {
        return given().baseUri(replica.url()).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.signed(subject, List.of(group), Instant.now().plusSeconds(600)));
    }
}
