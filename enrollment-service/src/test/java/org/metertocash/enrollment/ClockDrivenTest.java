package org.metertocash.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.enrollment.EnrollmentActivated;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.enrollment.workqueue.UnprocessedEnrollments;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the business clock decides, moved with the admin clock endpoint as operators do locally: activation on
 * the scheduled start date and the unprocessed-enrollment queue.
 */
@QuarkusTest
class ClockDrivenTest {

    private static Market market;

    @Inject
    EntityManager em;

    @Inject
    UnprocessedEnrollments unprocessed;

    @BeforeAll
    static void connect() {
        market = new Market();
    }

    @AfterAll
    static void disconnect() {
        market.close();
    }

    @AfterEach
    void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    @Test
    void given_an_accepted_enrollment_when_the_clock_reaches_its_start_date_then_it_is_active() {
        String esiId = Requests.newOncorEsiId();
        String today = Api.operations().get("/admin/clock").then().extract().path("today");
        LocalDate start = LocalDate.parse(today).plusDays(2);
        UUID id = market.accepted(esiId, start);
        // before the start date nothing activates it
        assertThat(Market.published(em, esiId, EnrollmentActivated.TYPE)).isZero();

        Api.admin().body(Map.of("duration", "P2D")).post("/admin/clock/advance").then().statusCode(200)
                .body("today", equalTo(start.toString()));

        Market.awaitState(id, "ACTIVE");
        Api.operations().get("/enrollments/" + id).then()
                .body("serviceStartDate", equalTo(start.toString()))
                .body("activationConfirmedBy", equalTo("START_DATE_REACHED"))
                .body("history[-1].cause", equalTo("START_DATE_REACHED"))
                .body("history[-1].actor", equalTo("system"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ENROLLMENT)) {
            EnrollmentActivated activated = probe.awaitType(EnrollmentActivated.TYPE, esiId, Market.WAIT)
                    .as(EnrollmentActivated.class);
            assertThat(activated.confirmedBy()).isEqualTo("START_DATE_REACHED");
            assertThat(activated.serviceStartDate()).isEqualTo(start);
        }

        // the utility's confirmation arriving afterwards is recorded and changes nothing
        market.producer().publish(new MarketEnrollmentCompleted(id, esiId, start, "867-" + esiId, UUID.randomUUID()));
        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id).then()
                .body("transactions[-1].transactionSet", equalTo("867_04")));
        assertThat(Market.published(em, esiId, EnrollmentActivated.TYPE)).isEqualTo(1);
        Api.operations().queryParam("esiId", esiId).queryParam("type", "UNEXPECTED_MARKET_RESPONSE")
                .get("/exceptions").then().body("", hasSize(0));
    }

    @Test
    void given_an_enrollment_submitted_longer_than_allowed_then_one_work_item_is_raised_and_closes_when_it_moves_on() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));

        Api.admin().body(Map.of("duration", "PT5H")).post("/admin/clock/advance").then().statusCode(200);

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "UNPROCESSED_ENROLLMENT").queryParam("esiId", esiId).get("/exceptions").then()
                .body("reference", equalTo(List.of(id.toString())))
                .body("[0].details.state", equalTo("SUBMITTED")));
        unprocessed.check(); // checking again raises nothing new
        String item = Api.operations().queryParam("type", "UNPROCESSED_ENROLLMENT").queryParam("esiId", esiId)
                .get("/exceptions").then().body("[0].occurrences", equalTo(1)).extract().path("[0].id");

        market.sent(id, esiId);

        Api.operations().get("/exceptions/" + item).then().body("status", equalTo("RESOLVED"))
                .body("history[-1].action", equalTo("AUTO_CLOSE"))
                .body("history[-1].outcome", equalTo("moved on to SENT"));
    }

    @Test
    void given_an_unprocessed_submitted_enrollment_when_retried_then_it_is_announced_again() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        Api.admin().body(Map.of("duration", "PT5H")).post("/admin/clock/advance").then().statusCode(200);
        String item = await().atMost(Market.WAIT).until(() -> Api.operations()
                .queryParam("type", "UNPROCESSED_ENROLLMENT").queryParam("esiId", esiId).get("/exceptions")
                .then().extract().<String> path("[0].id"), java.util.Objects::nonNull);

        Api.operations().body(Map.of("note", "gateway was down")).post("/exceptions/" + item + "/retry").then()
                .statusCode(200).body("status", equalTo("RESOLVED"))
                .body("history[-1].action", equalTo("RETRY"))
                .body("history[-1].note", equalTo("gateway was down"));

        assertThat(Market.published(em, esiId, EnrollmentSubmitted.TYPE)).isEqualTo(2);
        Api.operations().get("/enrollments/" + id).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void given_a_sent_enrollment_the_market_has_not_answered_for_longer_than_allowed_then_it_is_queued() {
        String esiId = Requests.newOncorEsiId();
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        market.sent(id, esiId);

        Api.admin().body(Map.of("duration", "P6D")).post("/admin/clock/advance").then().statusCode(200);

        await().atMost(Market.WAIT).untilAsserted(() -> Api.operations()
                .queryParam("type", "UNPROCESSED_ENROLLMENT").queryParam("esiId", esiId).get("/exceptions").then()
                .body("reference", equalTo(List.of(id.toString())))
                .body("[0].details.state", equalTo("SENT"))
                .body("[0].details.marketReference", equalTo("Q" + esiId)));
        String item = Api.operations().queryParam("type", "UNPROCESSED_ENROLLMENT").queryParam("esiId", esiId)
                .get("/exceptions").then().extract().path("[0].id");
        Api.operations().body(Map.of("note", "asked ERCOT")).post("/exceptions/" + item + "/retry").then()
                .statusCode(200).body("status", equalTo("OPEN"));
        Api.operations().body(Map.of("note", "ERCOT is working on it")).post("/exceptions/" + item + "/dismiss")
                .then().statusCode(200).body("status", equalTo("DISMISSED"))
                .body("history.action", equalTo(List.of("RAISED", "RETRY", "DISMISS")))
                .body("history[2].actor", equalTo("ops"));
    }
}
