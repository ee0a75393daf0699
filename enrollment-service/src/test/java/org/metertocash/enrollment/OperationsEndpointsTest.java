package org.metertocash.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    Clock clock;

    @Test
    void status_reports_version_database_broker_outbox_consumers_and_counts() {
        Requests.submit(Requests.enrollment(Requests.newOncorEsiId()));
        Api.operations().get("/status").then().statusCode(200)
                .body("service", equalTo("enrollment-service"))
                .body("version", notNullValue())
                .body("uptime", notNullValue())
                .body("database.reachable", equalTo(true))
                .body("broker.reachable", equalTo(true))
                .body("outbox.backlog", greaterThanOrEqualTo(0))
                .body("consumers.topic", hasItem(Topics.EDI))
                .body("entities.enrollments.SUBMITTED", greaterThanOrEqualTo(1))
                .body("openDeadLetters", greaterThanOrEqualTo(0));
        given().get("/status").then().statusCode(401);
        Api.upstream().get("/status").then().statusCode(403);
    }

    @Test
    void openapi_swagger_and_prometheus_metrics_are_served() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("outbox_published_total"));
    }

    @Test
    void the_clock_moves_only_for_admins_and_every_service_reads_business_time_from_it() {
        Api.operations().body(Map.of("duration", "P1D")).post("/admin/clock/advance").then().statusCode(403);
        LocalDate before = LocalDate.now(clock);
        Api.admin().body(Map.of("duration", "P3D")).post("/admin/clock/advance").then().statusCode(200)
                .body("today", equalTo(before.plusDays(3).toString()));
        try {
            assertThat(LocalDate.now(clock)).isEqualTo(before.plusDays(3));
            // requested start dates are judged against business time: 92 real days ahead is now within 90 days
            Map<String, Object> body = Requests.enrollment(Requests.newOncorEsiId());
            body.put("requestedStartDate", before.plusDays(92).toString());
            Api.upstreamOnce().body(body).post("/enrollments").then().statusCode(201);
        } finally {
            Api.admin().post("/admin/clock/reset").then().statusCode(200).body("offset", equalTo("PT0S"));
        }
    }

    @Test
    void concurrent_enrollments_for_one_premise_create_one_enrollment_and_one_event() throws Exception {
        String esiId = Requests.newOncorEsiId();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> Api.upstreamOnce().body(Requests.enrollment(esiId)).post("/enrollments"));
        }
        List<Integer> statuses = run(calls);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            probe.awaitType(EnrollmentSubmitted.TYPE, esiId, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(2)))
                    .filteredOn(e -> EnrollmentSubmitted.TYPE.equals(e.type()) && esiId.equals(e.subject()))
                    .hasSize(1);
        }
    }

    @Test
    void concurrent_retries_with_one_key_get_one_enrollment() throws Exception {
        String esiId = Requests.newOncorEsiId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Requests.enrollment(esiId);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> Api.upstream().header("Idempotency-Key", key).body(body).post("/enrollments"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<String> ids = new ArrayList<>();
            for (Future<Response> response : pool.invokeAll(calls)) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                ids.add(response.get().path("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        List<String> stored = Api.operations().queryParam("esiId", esiId).get("/enrollments").then()
                .extract().path("id");
        assertThat(stored).hasSize(1);
    }

    private static List<Integer> run(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> response : pool.invokeAll(calls)) {
                statuses.add(response.get().statusCode());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
