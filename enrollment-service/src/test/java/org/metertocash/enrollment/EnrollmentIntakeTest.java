package org.metertocash.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestTokens;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EnrollmentIntakeTest {

    @Test
    void a_valid_enrollment_is_stored_as_submitted_and_published_through_the_outbox() {
        String esiId = Requests.newOncorEsiId();
        String id = Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Correlation-Id", "crm-4711")
                .body(Requests.enrollment(esiId))
                .post("/enrollments")
                .then().statusCode(201)
                .header("Location", containsString("/enrollments/"))
                .body("state", equalTo("SUBMITTED"))
                .body("tdsp", equalTo("ONCOR"))
                .extract().path("id");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            ReceivedEvent event = probe.awaitType(EnrollmentSubmitted.TYPE, esiId, Duration.ofSeconds(20));
            assertThat(event.key()).isEqualTo(esiId);
            assertThat(event.headers()).containsEntry(CloudEvents.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEvents.SOURCE, "enrollment-service")
                    .containsEntry(CloudEvents.CONTENT_TYPE, "application/json")
                    .containsKey(CloudEvents.ID).containsKey(CloudEvents.TIME);
            assertThat(event.correlationId()).isEqualTo(UUID.nameUUIDFromBytes("crm-4711".getBytes()).toString());
            EnrollmentSubmitted submitted = event.as(EnrollmentSubmitted.class);
            assertThat(submitted.enrollmentId()).hasToString(id);
            assertThat(submitted.tdspDuns()).isEqualTo("1039940674000");
            assertThat(submitted.customer().name()).isEqualTo("Ana Ramirez");
        }
    }

    @Test
    void the_same_request_with_the_same_key_returns_the_first_answer_and_creates_one_enrollment() {
        String esiId = Requests.newOncorEsiId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Requests.enrollment(esiId);
        String first = Api.upstream().header("Idempotency-Key", key).body(body).post("/enrollments")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String second = Api.upstream().header("Idempotency-Key", key).body(body).post("/enrollments")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).extract().path("id");
        assertThat(second).isEqualTo(first);
        List<String> ids = Api.operations().queryParam("esiId", esiId).get("/enrollments")
                .then().statusCode(200).extract().path("id");
        assertThat(ids).containsExactly(first);
    }

    @Test
    void the_same_key_with_a_different_body_is_a_conflict() {
        String key = UUID.randomUUID().toString();
        Api.upstream().header("Idempotency-Key", key).body(Requests.enrollment(Requests.newOncorEsiId()))
                .post("/enrollments").then().statusCode(201);
        Api.upstream().header("Idempotency-Key", key).body(Requests.enrollment(Requests.newOncorEsiId()))
                .post("/enrollments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:idempotency-key-reused"));
    }

    @Test
    void a_request_without_an_idempotency_key_is_refused() {
        Api.upstream().body(Requests.enrollment(Requests.newOncorEsiId())).post("/enrollments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void every_invalid_field_is_named_in_one_problem() {
        Map<String, Object> body = Requests.enrollment("1099999000000000");
        body.put("serviceAddress", Map.of("line1", "", "city", "Dallas", "state", "OK", "zip", "7520", "county", "Dallas"));
        body.put("customer", Map.of("name", "Ana"));
        body.put("requestedStartDate", LocalDate.now().plusDays(200).toString());
        body.remove("billingType");
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/enrollments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:validation"))
                .body("errors.field", hasItems("esiId", "serviceAddress.line1", "serviceAddress.zip",
                        "serviceAddress.state", "customer", "requestedStartDate", "billingType"))
                .body("errors.find { it.field == 'esiId' }.reason",
                        equalTo("must be 17 or 22 digits starting with 10"))
                .body("stackTrace", nullValue());
    }

    @Test
    void a_refused_enrollment_is_kept_with_what_was_sent_and_lands_in_the_work_queue() {
        Map<String, Object> body = Requests.enrollment("1099999000000000");
        String key = UUID.randomUUID().toString();
        String sent = Api.upstream().header("Idempotency-Key", key).body(body).log().ifValidationFails()
                .post("/enrollments").then().statusCode(400).extract().asString();
        List<Map<String, Object>> kept = Api.operations().get("/refused-requests?path=/enrollments&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.idempotencyKey == '" + key + "' }");
        assertThat(kept).hasSize(1);
        assertThat((String) kept.get(0).get("body")).contains("\"esiId\":\"1099999000000000\"");
        assertThat(kept.get(0).get("caller")).isEqualTo("upstream");
        assertThat(sent).contains("esiId");
        Api.operations().queryParam("type", "REFUSED_REQUEST").get("/exceptions").then().statusCode(200)
                .body("find { it.reference == '" + kept.get(0).get("id") + "' }.summary",
                        containsString("POST /enrollments from upstream refused (400)"));
    }

    @Test
    void an_esi_id_must_match_the_length_of_its_utility() {
        Map<String, Object> body = Requests.enrollment("10089010000000000"); // CenterPoint prefix, 17 digits
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/enrollments")
                .then().statusCode(400)
                .body("errors.find { it.field == 'esiId' }.reason", containsString("have 22 digits"));
    }

    @Test
    void a_centerpoint_premise_is_routed_to_centerpoint() {
        String esiId = "1008901" + String.format("%015d", System.nanoTime() % 1_000_000_000_000_000L);
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Requests.enrollment(esiId)).post("/enrollments")
                .then().statusCode(201).body("tdsp", equalTo("CNP"));
    }

    @Test
    void unreadable_json_names_the_field() {
        Map<String, Object> body = Requests.enrollment(Requests.newOncorEsiId());
        body.put("billingType", "SOMETIMES");
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/enrollments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("billingType"))
                .body("errors[0].reason", containsString("POSTPAY"));
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"customer\": ")
                .post("/enrollments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_premise_with_an_enrollment_in_progress_cannot_be_enrolled_again() {
        String esiId = Requests.newOncorEsiId();
        Requests.submit(Requests.enrollment(esiId));
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Requests.enrollment(esiId)).post("/enrollments")
                .then().statusCode(409).body("type", equalTo("urn:metertocash:problem:enrollment-in-progress"));
    }

    @Test
    void callers_need_credentials_and_the_right_role() {
        given().contentType(ContentType.JSON).body(Requests.enrollment(Requests.newOncorEsiId()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/enrollments")
                .then().statusCode(401).contentType("application/problem+json");
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Requests.enrollment(Requests.newOncorEsiId())).post("/enrollments")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic("upstream", "wrong").get("/enrollments")
                .then().statusCode(401);
    }

    @Test
    void a_signed_bearer_token_with_the_upstream_group_may_enroll() {
        String token = TestTokens.signed("crm-portal", List.of("upstream"), Instant.now().plusSeconds(300));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Requests.enrollment(Requests.newOncorEsiId())).post("/enrollments")
                .then().statusCode(201).body("id", notNullValue());
        String expired = TestTokens.signed("crm-portal", List.of("upstream"), Instant.now().minusSeconds(600));
        given().auth().oauth2(expired).get("/enrollments").then().statusCode(401);
    }

    @Test
    void health_is_open_and_reports_database_and_kafka() {
        given().get("/q/health/live").then().statusCode(200);
        // the Kafka consumers join moments after boot: readiness is awaited, not read once
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check")));
    }
}
