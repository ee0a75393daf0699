package org.metertocash.dunning.gates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.dunning.collections.AccountChanged;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;

/** A premise's designations with their expiry (16 TAC §25.497), over the real API and database. */
@QuarkusTest
class DesignationsTest {

    @Inject
    Gates gates;

    @Inject
    AccountChangedRecorder accountChanged;

    private static String newEsiId() {
        return String.format("1044372%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static LocalDate today() {
        return LocalDate.parse(Api.operations().get("/admin/clock").then().extract().path("today"));
    }

    @Test
    void critical_care_is_in_force_for_two_years_from_its_start_and_collections_is_told() {
        String esiId = newEsiId();
        LocalDate from = today().minusDays(3);
        Api.operations().body(Map.of("effectiveFrom", from.toString(), "note", "oxygen concentrator"))
                .put("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(201)
                .body("type", equalTo("CRITICAL_CARE")).body("effectiveFrom", equalTo(from.toString()))
                .body("expiresOn", equalTo(from.plusYears(2).toString())).body("inForceToday", equalTo(true))
                .body("recordedBy", equalTo("ops")).body("changes.action", contains("RECORDED"));

        assertThat(gates.designationsOn(esiId, from)).containsExactly(Designation.CRITICAL_CARE);
        assertThat(gates.designationsOn(esiId, from.plusYears(2).minusDays(1))).containsExactly(Designation.CRITICAL_CARE);
        assertThat(gates.designationsOn(esiId, from.plusYears(2))).isEmpty();
        assertThat(gates.designationsOn(esiId, from.minusDays(1))).isEmpty();
        assertThat(accountChanged.of(esiId)).singleElement().extracting(AccountChanged::reason).asString()
                .startsWith("critical care designation recorded");
    }

    @Test
    void chronic_condition_lasts_ninety_days_and_low_income_has_no_expiry_unless_given() {
        String esiId = newEsiId();
        LocalDate from = today();
        Api.operations().body(Map.of("effectiveFrom", from.toString()))
                .put("/premises/" + esiId + "/designations/chronic_condition").then().statusCode(201)
                .body("expiresOn", equalTo(from.plusDays(90).toString()));
        Api.operations().body(Map.of("effectiveFrom", from.toString()))
                .put("/premises/" + esiId + "/designations/LOW_INCOME").then().statusCode(201)
                .body("expiresOn", nullValue());
        assertThat(gates.designationsOn(esiId, from.plusDays(89)))
                .containsExactlyInAnyOrder(Designation.CHRONIC_CONDITION, Designation.LOW_INCOME);
        assertThat(gates.designationsOn(esiId, from.plusDays(90))).containsExactly(Designation.LOW_INCOME);
        assertThat(gates.designationsOn(esiId, from.plusYears(20))).containsExactly(Designation.LOW_INCOME);

        // a low-income designation may be given an end; renewing changes the open one, audited
        Api.admin().body(Map.of("effectiveFrom", from.toString(), "expiresOn", from.plusYears(1).toString()))
                .put("/premises/" + esiId + "/designations/LOW_INCOME").then().statusCode(200)
                .body("expiresOn", equalTo(from.plusYears(1).toString())).body("recordedBy", equalTo("ops"))
                .body("updatedBy", equalTo("admin")).body("changes.action", contains("RECORDED", "CHANGED"));
        assertThat(gates.designationsOn(esiId, from.plusYears(1))).isEmpty();
        Api.operations().get("/premises/" + esiId + "/designations").then().statusCode(200).body("$", hasSize(2));
        assertThat(accountChanged.of(esiId)).hasSize(3);
    }

    @Test
    void the_same_designation_recorded_again_changes_nothing() {
        String esiId = newEsiId();
        Map<String, String> body = Map.of("effectiveFrom", today().toString());
        Api.operations().body(body).put("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(201);
        Api.operations().body(body).put("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(200)
                .body("changes.action", contains("RECORDED"));
        assertThat(accountChanged.of(esiId)).hasSize(1);
    }

    @Test
    void an_ended_designation_is_no_longer_in_force_from_today_and_stays_as_history() {
        String esiId = newEsiId();
        LocalDate today = today();
        Api.operations().body(Map.of("effectiveFrom", today.minusDays(30).toString()))
                .put("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(201);
        Api.admin().delete("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(200)
                .body("endedOn", equalTo(today.toString())).body("endedBy", equalTo("admin"))
                .body("inForceToday", equalTo(false)).body("changes.action", contains("RECORDED", "ENDED"));
        assertThat(gates.designationsOn(esiId, today)).isEmpty();
        assertThat(gates.designationsOn(esiId, today.minusDays(1))).containsExactly(Designation.CRITICAL_CARE);
        Api.admin().delete("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(404);
        assertThat(accountChanged.of(esiId)).extracting(AccountChanged::reason).last().asString()
                .startsWith("critical care designation ended");

        // designated again later: a new designation, the ended one kept
        Api.operations().body(Map.of("effectiveFrom", today.plusDays(5).toString()))
                .put("/premises/" + esiId + "/designations/CRITICAL_CARE").then().statusCode(201);
        Api.operations().get("/premises/" + esiId + "/designations").then()
                .body("endedOn", contains(today.toString(), null));
    }

    @Test
    void a_bad_request_names_each_field_and_only_operations_and_admin_may_designate() {
        Api.operations().body(Map.of("expiresOn", "2027-01-01")).put("/premises/123/designations/CRITICAL_CARE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("esiId", "effectiveFrom", "expiresOn"));
        Api.operations().body(Map.of("effectiveFrom", "2026-11-23")).put("/premises/" + newEsiId()
                + "/designations/VIP").then().statusCode(400).body("errors[0].field", equalTo("type"));
        Api.upstream().body(Map.of("effectiveFrom", "2026-11-23")).put("/premises/" + newEsiId()
                + "/designations/CRITICAL_CARE").then().statusCode(403);
        given().get("/premises/" + newEsiId() + "/designations").then().statusCode(401);
    }
}
