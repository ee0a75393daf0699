package org.metertocash.enrollment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The market's rules applied at intake: the date window, switch holds, one open enrollment per premise. */
@QuarkusTest
class MarketRulesTest {

    private static Market market;

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

    @Test
    void a_requested_date_more_than_90_days_ahead_is_refused_naming_the_field_and_90_days_is_accepted() {
        LocalDate today = LocalDate.now(clock);
        refusedFor(today.plusDays(91), "must be at most 90 days after today");
        accepted(today.plusDays(90));
    }

    @Test
    void a_requested_date_more_than_270_days_back_is_refused_naming_the_field_and_270_days_is_accepted() {
        LocalDate today = LocalDate.now(clock);
        refusedFor(today.minusDays(271), "must be at most 270 days before today");
        accepted(today.minusDays(270));
    }

    @Test
    void given_a_switch_hold_on_the_premise_then_a_switch_is_refused_until_the_hold_is_removed() {
        String esiId = Requests.newOncorEsiId();
        market.producer().publish(new SwitchHoldAdded(esiId, LocalDate.now(), "H" + esiId, UUID.randomUUID()));

        await().atMost(Market.WAIT).untilAsserted(() -> Api.upstreamOnce().body(Requests.enrollment(esiId))
                .post("/enrollments").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:switch-hold"))
                .body("detail", containsString("H" + esiId)));

        market.producer().publish(new SwitchHoldRemoved(esiId, LocalDate.now(), "HR" + esiId, UUID.randomUUID()));
        await().atMost(Market.WAIT).untilAsserted(() -> Api.upstreamOnce().body(Requests.enrollment(esiId))
                .post("/enrollments").then().statusCode(201).body("state", equalTo("SUBMITTED")));
    }

    @Test
    void a_switch_hold_does_not_block_a_move_in() {
        String esiId = Requests.newOncorEsiId();
        market.producer().publish(new SwitchHoldAdded(esiId, LocalDate.now(), "H" + esiId, UUID.randomUUID()));
        await().atMost(Market.WAIT).untilAsserted(() -> Api.upstreamOnce().body(Requests.enrollment(esiId))
                .post("/enrollments").then().statusCode(409));

        Map<String, Object> moveIn = Requests.enrollment(esiId);
        moveIn.put("requestType", "MOVE_IN");
        Api.upstreamOnce().body(moveIn).post("/enrollments").then().statusCode(201);
    }

    @Test
    void a_second_enrollment_for_a_premise_with_an_open_one_is_refused_naming_the_open_one_in_every_open_state() {
        String submitted = Requests.newOncorEsiId();
        String id = Requests.submit(Requests.enrollment(submitted));
        refusedAsDuplicate(submitted, id, "SUBMITTED");

        String sent = Requests.newOncorEsiId();
        UUID sentId = UUID.fromString(Requests.submit(Requests.enrollment(sent)));
        market.sent(sentId, sent);
        refusedAsDuplicate(sent, sentId.toString(), "SENT");

        String accepted = Requests.newOncorEsiId();
        refusedAsDuplicate(accepted, market.accepted(accepted, LocalDate.now().plusDays(9)).toString(), "ACCEPTED");

        String active = Requests.newOncorEsiId();
        refusedAsDuplicate(active, market.active(active).toString(), "ACTIVE");

        // a rejected enrollment does not hold the premise
        String rejected = Requests.newOncorEsiId();
        market.rejected(rejected, "A13");
        Requests.submit(Requests.enrollment(rejected));
    }

    private static void refusedAsDuplicate(String esiId, String existing, String state) {
        Api.upstreamOnce().body(Requests.enrollment(esiId)).post("/enrollments").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:enrollment-in-progress"))
                .body("detail", containsString(existing)).body("detail", containsString(state));
    }

    private static void refusedFor(LocalDate date, String reason) {
        Map<String, Object> body = Requests.enrollment(Requests.newOncorEsiId());
        body.put("requestedStartDate", date.toString());
        Api.upstreamOnce().body(body).post("/enrollments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("requestedStartDate")))
                .body("errors[0].reason", containsString(reason));
    }

    private static void accepted(LocalDate date) {
        Map<String, Object> body = Requests.enrollment(Requests.newOncorEsiId());
        body.put("requestedStartDate", date.toString());
        Api.upstreamOnce().body(body).post("/enrollments").then().statusCode(201)
                .body("requestedStartDate", equalTo(date.toString()));
    }
}
