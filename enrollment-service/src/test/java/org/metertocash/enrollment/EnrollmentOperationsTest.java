package org.metertocash.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentCancelled;
import org.metertocash.contracts.enrollment.EnrollmentMovedOut;
import org.metertocash.contracts.enrollment.EnrollmentResubmitted;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.contracts.enrollment.MoveOutRequested;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/** The operations on an enrollment, through REST: resubmit, cancel, move out, record a TPV. */
@QuarkusTest
class EnrollmentOperationsTest {

    private static Market market;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @BeforeAll
    static void connect() {
        market = new Market();
    }

    @AfterAll
    static void disconnect() {
        market.close();
    }

    // ------------------------------------------------------------------ correct and resubmit

    @Test
    void given_a_rejected_enrollment_when_corrected_then_a_new_one_is_submitted_and_the_old_links_to_it() {
        String esiId = Requests.newOncorEsiId();
        UUID rejected = market.rejected(esiId, "A13");
        LocalDate newStart = LocalDate.now().plusDays(12);

        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("corrections", "service address line corrected, later start");
        correction.put("serviceAddress", Map.of("line1", "1210 Elm St", "city", "Dallas", "state", "TX",
                "zip", "75201", "county", "Dallas"));
        correction.put("requestedStartDate", newStart.toString());
        String replacement = Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Correlation-Id", "fix-" + esiId)
                .body(correction).post("/enrollments/" + rejected + "/resubmit")
                .then().statusCode(201)
                .header("Location", containsString("/enrollments/"))
                .body("state", equalTo("SUBMITTED"))
                .body("previousEnrollmentId", equalTo(rejected.toString()))
                .body("serviceAddress.line1", equalTo("1210 Elm St"))
                .body("requestedStartDate", equalTo(newStart.toString()))
                .body("customer.name", equalTo("Ana Ramirez"))
                .body("productCode", equalTo("FIXED-12"))
                .extract().path("id");

        Api.operations().get("/enrollments/" + rejected).then()
                .body("state", equalTo("REJECTED"))
                .body("replacedByEnrollmentId", equalTo(replacement))
                .body("history[-1].cause", equalTo("RESUBMIT"))
                .body("history[-1].actor", equalTo("ops"));
        Api.operations().queryParam("type", "ENROLLMENT_REJECTED").queryParam("esiId", esiId)
                .queryParam("status", "RESOLVED").get("/exceptions").then()
                .body("reference", equalTo(List.of(rejected.toString())));
        assertThat(Market.publishedTypes(em, esiId)).containsSubsequence(EnrollmentResubmitted.TYPE,
                EnrollmentSubmitted.TYPE);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            ReceivedEvent resubmitted = probe.awaitType(EnrollmentResubmitted.TYPE, esiId, Market.WAIT);
            EnrollmentResubmitted event = resubmitted.as(EnrollmentResubmitted.class);
            assertThat(event.enrollmentId()).hasToString(replacement);
            assertThat(event.previousEnrollmentId()).isEqualTo(rejected);
            assertThat(event.corrections()).isEqualTo("service address line corrected, later start");
            ReceivedEvent submitted = probe.await(e -> EnrollmentSubmitted.TYPE.equals(e.type())
                    && e.as(EnrollmentSubmitted.class).enrollmentId().toString().equals(replacement), Market.WAIT);
            assertThat(submitted.as(EnrollmentSubmitted.class).previousEnrollmentId()).isEqualTo(rejected);
            assertThat(submitted.correlationId()).isEqualTo(resubmitted.correlationId());
        }
    }

    @Test
    void a_rejected_enrollment_is_resubmitted_once_and_only_a_rejected_one_can_be() {
        String esiId = Requests.newOncorEsiId();
        UUID rejected = market.rejected(esiId, "A13");
        Map<String, Object> correction = Map.of("corrections", "customer phone corrected");
        Api.upstreamOnce().body(correction).post("/enrollments/" + rejected + "/resubmit").then().statusCode(201);

        Api.upstreamOnce().body(correction).post("/enrollments/" + rejected + "/resubmit").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:already-resubmitted"));
        String submitted = Requests.submit(Requests.enrollment(Requests.newOncorEsiId()));
        Api.upstreamOnce().body(correction).post("/enrollments/" + submitted + "/resubmit").then()
                .statusCode(409).body("type", equalTo("urn:metertocash:problem:not-rejected"));
        Api.upstreamOnce().body(Map.of()).post("/enrollments/" + UUID.randomUUID() + "/resubmit").then()
                .statusCode(400).body("errors[0].field", equalTo("corrections"));
        Api.upstreamOnce().body(correction).post("/enrollments/" + UUID.randomUUID() + "/resubmit").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_correction_goes_through_intake_again_so_an_invalid_correction_is_refused_and_nothing_changes() {
        String esiId = Requests.newOncorEsiId();
        UUID rejected = market.rejected(esiId, "A13");

        Api.upstreamOnce().body(Map.of("corrections", "new ESI ID", "esiId", "1044372123"))
                .post("/enrollments/" + rejected + "/resubmit").then()
                .statusCode(400).body("errors.field", equalTo(List.of("esiId")));

        Api.operations().get("/enrollments/" + rejected).then().body("replacedByEnrollmentId", nullValue());
        assertThat(Market.published(em, esiId, EnrollmentResubmitted.TYPE)).isZero();
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void given_a_submitted_enrollment_when_cancelled_then_the_market_is_not_notified() {
        String esiId = Requests.newOncorEsiId();
        String id = Requests.submit(Requests.enrollment(esiId));

        Api.upstreamOnce().body(Map.of("reason", "customer changed their mind")).post("/enrollments/" + id + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("customer changed their mind"));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            EnrollmentCancelled cancelled = probe.awaitType(EnrollmentCancelled.TYPE, esiId, Market.WAIT)
                    .as(EnrollmentCancelled.class);
            assertThat(cancelled.marketNotified()).isFalse();
            assertThat(cancelled.reason()).isEqualTo("customer changed their mind");
        }
        Api.operations().get("/enrollments/" + id).then()
                .body("history[-1].cause", equalTo("CANCEL")).body("history[-1].actor", equalTo("upstream"));
        // the premise is free again
        Requests.submit(Requests.enrollment(esiId));
    }

    @Test
    void given_an_accepted_enrollment_when_cancelled_before_its_start_then_the_market_is_notified_and_the_cancel_recorded() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.accepted(esiId, LocalDate.now().plusDays(10));

        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "duplicate sale")).post("/enrollments/" + id + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            assertThat(probe.awaitType(EnrollmentCancelled.TYPE, esiId, Market.WAIT).as(EnrollmentCancelled.class)
                    .marketNotified()).isTrue();
        }

        market.producer().publish(new MarketCancelSent(id, esiId, "X" + esiId, "Q" + esiId, UUID.randomUUID()));
        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id).then()
                .body("transactions[-1].transactionSet", equalTo("814_08"))
                .body("transactions[-1].originalReference", equalTo("Q" + esiId))
                .body("history[-1].cause", equalTo("CANCEL_SENT")));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("CANCELLED"));
    }

    @Test
    void an_enrollment_cannot_be_cancelled_on_its_start_date_or_once_active() {
        String esiId = Requests.newOncorEsiId();
        Map<String, Object> startingToday = Requests.enrollment(esiId);
        startingToday.put("requestedStartDate", LocalDate.now(clock).toString());
        String id = Requests.submit(startingToday);
        Api.upstreamOnce().body(Map.of("reason", "too late")).post("/enrollments/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:cancel-too-late"));

        UUID active = market.active(Requests.newOncorEsiId());
        Api.upstreamOnce().body(Map.of("reason", "too late")).post("/enrollments/" + active + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:metertocash:problem:cancel-not-allowed"))
                .body("detail", containsString("move-out"));
        Api.upstreamOnce().body(Map.of()).post("/enrollments/" + active + "/cancel")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("SUBMITTED"));
        Api.operations().get("/enrollments/" + active).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void a_repeated_cancel_with_the_same_key_gets_the_first_answer_and_publishes_once() {
        String esiId = Requests.newOncorEsiId();
        String id = Requests.submit(Requests.enrollment(esiId));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("reason", "customer moved away");

        Api.operations().header("Idempotency-Key", key).body(body).post("/enrollments/" + id + "/cancel")
                .then().statusCode(200);
        Api.operations().header("Idempotency-Key", key).body(body).post("/enrollments/" + id + "/cancel")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("state", equalTo("CANCELLED"));
        Api.operations().body(body).post("/enrollments/" + id + "/cancel")
                .then().statusCode(400).body("errors.field", hasItems("Idempotency-Key"));

        assertThat(Market.published(em, esiId, EnrollmentCancelled.TYPE)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ move-out

    @Test
    void given_an_active_enrollment_when_a_move_out_is_requested_and_completed_then_it_is_moved_out() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);
        LocalDate moveOut = LocalDate.now().plusDays(30);

        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("moveOutDate", moveOut.toString())).post("/enrollments/" + id + "/move-out")
                .then().statusCode(202).body("state", equalTo("ACTIVE"))
                .body("moveOut.date", equalTo(moveOut.toString()));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            MoveOutRequested requested = probe.awaitType(MoveOutRequested.TYPE, esiId, Market.WAIT)
                    .as(MoveOutRequested.class);
            assertThat(requested.moveOutDate()).isEqualTo(moveOut);
            assertThat(requested.tdspDuns()).isEqualTo("1039940674000");
        }
        Api.upstreamOnce().body(Map.of("moveOutDate", moveOut.plusDays(1).toString()))
                .post("/enrollments/" + id + "/move-out").then().statusCode(409)
                .body("type", equalTo("urn:metertocash:problem:move-out-pending"));

        market.producer().publish(new MoveOutRequestSent(id, esiId, "MO" + esiId, UUID.randomUUID()));
        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id).then()
                .body("moveOut.reference", equalTo("MO" + esiId)));
        market.producer().publish(new MoveOutCompleted(id, esiId, moveOut, "MC" + esiId, "MO" + esiId,
                UUID.randomUUID()));
        Market.awaitState(id, "MOVED_OUT");

        Api.operations().get("/enrollments/" + id).then()
                .body("serviceEndDate", equalTo(moveOut.toString()))
                .body("history.cause.takeRight(3)", equalTo(List.of("MOVE_OUT_REQUESTED", "MOVE_OUT_SENT",
                        "MOVE_OUT_COMPLETED")))
                .body("transactions.transactionSet.takeRight(2)", equalTo(List.of("814_24", "814_25")));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            assertThat(probe.awaitType(EnrollmentMovedOut.TYPE, esiId, Market.WAIT).as(EnrollmentMovedOut.class)
                    .serviceEndDate()).isEqualTo(moveOut);
        }
    }

    @Test
    void given_a_move_out_rejected_by_the_market_then_the_enrollment_stays_active_and_an_analyst_follows_up() {
        String esiId = Requests.newOncorEsiId();
        UUID id = market.active(esiId);
        LocalDate moveOut = LocalDate.now().plusDays(30);
        Api.upstreamOnce().body(Map.of("moveOutDate", moveOut.toString())).post("/enrollments/" + id + "/move-out")
                .then().statusCode(202);

        market.producer().publish(new MoveOutRejected(id, esiId, "A13", "Date not valid", "MO" + esiId,
                UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().queryParam("type", "MOVE_OUT_REJECTED")
                .queryParam("esiId", esiId).get("/exceptions").then()
                .body("reference", equalTo(List.of(id.toString())))
                .body("[0].details.reasonCode", equalTo("A13"))
                .body("[0].details.moveOutDate", equalTo(moveOut.toString())));
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("ACTIVE"))
                .body("moveOut", nullValue()).body("history[-1].cause", equalTo("MOVE_OUT_REJECTED"));
        // with the rejected move-out cleared, a new one can be asked for
        Api.upstreamOnce().body(Map.of("moveOutDate", moveOut.plusDays(2).toString()))
                .post("/enrollments/" + id + "/move-out").then().statusCode(202);
    }

    @Test
    void a_move_out_needs_an_active_enrollment_and_a_date_within_the_market_window() {
        String esiId = Requests.newOncorEsiId();
        UUID accepted = market.accepted(esiId, LocalDate.now().plusDays(8));
        Api.upstreamOnce().body(Map.of("moveOutDate", LocalDate.now().plusDays(30).toString()))
                .post("/enrollments/" + accepted + "/move-out").then().statusCode(409)
                .body("type", equalTo("urn:metertocash:problem:move-out-not-allowed"));

        UUID active = market.active(Requests.newOncorEsiId());
        Api.upstreamOnce().body(Map.of("moveOutDate", LocalDate.now(clock).plusDays(91).toString()))
                .post("/enrollments/" + active + "/move-out").then().statusCode(400)
                .body("errors[0].field", equalTo("moveOutDate"));
        Api.upstreamOnce().body(Map.of()).post("/enrollments/" + active + "/move-out").then().statusCode(400)
                .body("errors[0].field", equalTo("moveOutDate"));
        assertThat(Market.published(em, esiId, MoveOutRequested.TYPE)).isZero();
    }

    // ------------------------------------------------------------------ TPV

    @Test
    void given_a_product_that_requires_a_tpv_then_the_enrollment_waits_unsent_until_the_tpv_is_recorded() {
        String esiId = Requests.newOncorEsiId();
        Map<String, Object> body = Requests.enrollment(esiId);
        body.put("productCode", "DOOR-12");
        String id = Requests.submit(body);
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("PENDING_TPV"));
        assertThat(Market.published(em, esiId, EnrollmentSubmitted.TYPE)).isZero();
        String item = Api.operations().queryParam("type", "MISSING_TPV").queryParam("esiId", esiId)
                .get("/exceptions").then().body("reference", equalTo(List.of(id))).extract().path("[0].id");
        // the premise is taken while it waits
        Api.upstreamOnce().body(Requests.enrollment(esiId)).post("/enrollments").then().statusCode(409)
                .body("detail", containsString(id));

        Api.upstreamOnce().body(tpv()).post("/enrollments/" + id + "/tpv").then().statusCode(201)
                .body("state", equalTo("SUBMITTED"))
                .body("tpv.vendor", equalTo("VoiceLog"))
                .body("tpv.confirmationId", equalTo("VL-558201"))
                .body("tpv.recordedBy", equalTo("upstream"));

        assertThat(Market.published(em, esiId, EnrollmentSubmitted.TYPE)).isEqualTo(1);
        Api.operations().get("/exceptions/" + item).then().body("status", equalTo("RESOLVED"))
                .body("history.action", equalTo(List.of("RAISED", "AUTO_CLOSE")));
        Api.operations().get("/enrollments/" + id).then()
                .body("history.to", equalTo(List.of("PENDING_TPV", "SUBMITTED")))
                .body("history.cause", equalTo(List.of("SUBMIT", "TPV_RECORDED")))
                .body("tpv.recordingReference", equalTo("s3://tpv/2024/VL-558201.wav"));
        Api.upstreamOnce().body(tpv()).post("/enrollments/" + id + "/tpv").then().statusCode(409)
                .body("type", equalTo("urn:metertocash:problem:tpv-already-recorded"));
    }

    @Test
    void given_a_tpv_in_the_request_then_an_enrollment_for_a_tpv_product_is_sent_at_once() {
        String esiId = Requests.newOncorEsiId();
        Map<String, Object> body = Requests.enrollment(esiId);
        body.put("productCode", "DOOR-12");
        body.put("tpv", tpv());

        String id = Requests.submit(body);

        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("SUBMITTED"))
                .body("tpv.confirmationId", equalTo("VL-558201"));
        assertThat(Market.published(em, esiId, EnrollmentSubmitted.TYPE)).isEqualTo(1);
        Api.operations().queryParam("type", "MISSING_TPV").queryParam("esiId", esiId).get("/exceptions").then()
                .body("", hasSize(0));
    }

    @Test
    void a_tpv_names_its_vendor_confirmation_date_and_recording() {
        String id = Requests.submit(Requests.enrollment(Requests.newOncorEsiId()));
        Api.upstreamOnce().body(Map.of("vendor", "VoiceLog", "verifiedOn", LocalDate.now(clock).plusDays(1).toString()))
                .post("/enrollments/" + id + "/tpv").then().statusCode(400)
                .body("errors.field", equalTo(List.of("confirmationId", "recordingReference", "verifiedOn")));
    }

    @Test
    void operations_need_credentials() {
        String id = Requests.submit(Requests.enrollment(Requests.newOncorEsiId()));
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "x")).post("/enrollments/" + id + "/cancel").then().statusCode(401);
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("SUBMITTED"));
    }

    private Map<String, Object> tpv() {
        return Map.of("vendor", "VoiceLog", "confirmationId", "VL-558201",
                "verifiedOn", LocalDate.now(clock).toString(), "recordingReference", "s3://tpv/2024/VL-558201.wav");
    }
}
