package org.metertocash.dunning.gates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Extreme-weather moratoriums per county per day (16 TAC §25.483(j)) over the real API and database. */
@QuarkusTest
class MoratoriumsTest {

    @Inject
    Gates gates;

    /** A day no other test uses: moratoriums are shared by every premise of a county. */
    private static LocalDate freshDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300_000));
    }

    @Test
    void a_moratorium_recorded_for_a_county_holds_it_that_day_only_whatever_the_spelling() {
        LocalDate day = freshDay();
        Api.operations().body(Map.of("reason", "heat advisory")).put("/moratoriums/Fort Bend/" + day).then()
                .statusCode(201).body("county", equalTo("Fort Bend")).body("date", equalTo(day.toString()))
                .body("source", equalTo("API")).body("recordedBy", equalTo("ops"));

        assertThat(gates.moratoriumOn("FORT BEND", day)).isTrue();
        assertThat(gates.moratoriumOn("fort bend county", day)).isTrue();
        assertThat(gates.moratoriumOn("Fort Bend", day.plusDays(1))).isFalse();
        assertThat(gates.moratoriumOn("Harris", day)).isFalse();
        assertThat(gates.moratoriumCountiesOn(day)).containsExactly("Fort Bend");
        Api.operations().get("/moratoriums?date=" + day).then().statusCode(200)
                .body("county", contains("Fort Bend")).body("reason", contains("heat advisory"));
    }

    @Test
    void recording_the_same_moratorium_again_changes_nothing_and_a_new_reason_is_audited() {
        LocalDate day = freshDay();
        Api.operations().body(Map.of("reason", "freeze")).put("/moratoriums/Harris/" + day).then().statusCode(201);
        Api.admin().body(Map.of("reason", "freeze")).put("/moratoriums/harris/" + day).then().statusCode(200)
                .body("recordedBy", equalTo("ops"));
        Api.admin().body(Map.of("reason", "freeze, 25°F forecast")).put("/moratoriums/HARRIS/" + day).then()
                .statusCode(200).body("reason", equalTo("freeze, 25°F forecast"));
        Api.operations().get("/moratoriums?date=" + day).then().body("county", contains("Harris"));
        Api.operations().get("/moratoriums/Harris/" + day + "/changes").then().statusCode(200)
                .body("action", contains("RECORDED", "CHANGED")).body("actor", contains("ops", "admin"));
    }

    @Test
    void a_removed_moratorium_no_longer_holds_and_its_removal_is_audited() {
        LocalDate day = freshDay();
        Api.operations().body(Map.of("reason", "heat advisory")).put("/moratoriums/Travis/" + day).then()
                .statusCode(201);
        Api.admin().delete("/moratoriums/Travis/" + day).then().statusCode(204);
        assertThat(gates.moratoriumOn("Travis", day)).isFalse();
        Api.admin().delete("/moratoriums/Travis/" + day).then().statusCode(404);
        Api.operations().get("/moratoriums/Travis/" + day + "/changes").then()
                .body("action", contains("RECORDED", "REMOVED")).body("actor", contains("ops", "admin"));
    }

    @Test
    void a_bad_request_names_each_field_and_only_operations_and_admin_may_record() {
        LocalDate day = freshDay();
        Api.operations().body(Map.of("reason", " ")).put("/moratoriums/Harris7/" + "2026-02-30").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("county", "date", "reason"));
        Api.upstream().body(Map.of("reason", "freeze")).put("/moratoriums/Harris/" + day).then().statusCode(403);
        given().body("{\"reason\":\"freeze\"}").contentType("application/json").put("/moratoriums/Harris/" + day)
                .then().statusCode(401);
        Api.operations().get("/moratoriums?date=not-a-date").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        assertThat(gates.moratoriumOn("Harris", day)).isFalse();
    }

    @Test
    void a_good_import_records_every_line_and_keeps_the_file() {
        LocalDate day = freshDay();
        String csv = "county,date,reason\nBexar," + day + ",heat advisory\n\"El Paso\"," + day + ",\"freeze, 20°F\"\n"
                + "Bexar," + day.plusDays(1) + ",\n";
        ExtractableResponse<Response> imported = Api.operations().contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/moratoriums?fileName=moratoriums.csv").then()
                .statusCode(200).body("status", equalTo("IMPORTED")).body("lines", equalTo(3))
                .body("recorded", equalTo(3)).extract();
        assertThat(gates.moratoriumCountiesOn(day)).containsExactly("Bexar", "El Paso");
        assertThat(gates.moratoriumOn("bexar", day.plusDays(1))).isTrue();
        Api.operations().get("/moratoriums?date=" + day).then().body("source", contains("IMPORT", "IMPORT"))
                .body("importId", hasItem(imported.path("importId").toString()));
        assertKept(UUID.fromString(imported.path("importId")), csv, "IMPORTED");

        // the same file again records nothing twice
        Api.operations().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/moratoriums")
                .then().statusCode(200).body("recorded", equalTo(0)).body("alreadyRecorded", equalTo(3));
        assertThat(gates.moratoriumCountiesOn(day)).containsExactly("Bexar", "El Paso");
    }

    @Test
    void an_import_with_a_bad_line_names_each_line_and_reason_imports_nothing_and_keeps_the_file() {
        LocalDate day = freshDay();
        String csv = "county,date,reason\nNueces," + day + ",heat advisory\nKleberg,tomorrow,heat advisory\n"
                + "Nueces County," + day + ",twice\n";
        ExtractableResponse<Response> refused = Api.operations().contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/moratoriums").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422))
                .body("errors.field", contains("line 3", "line 4"))
                .body("errors[0].reason", equalTo("date 'tomorrow' is not a date (YYYY-MM-DD)"))
                .body("errors[1].reason", equalTo("repeats line 2 (Nueces on " + day + ")")).extract();
        assertThat(gates.moratoriumOn("Nueces", day)).isFalse();
        UUID importId = UUID.fromString(refused.path("importId"));
        assertKept(importId, csv, "REFUSED");
        Api.operations().get("/exceptions?type=MORATORIUM_IMPORT_REFUSED").then().statusCode(200)
                .body("reference", hasItem(importId.toString()));
        Api.operations().get("/moratoriums?date=" + day).then().body("county", not(hasItem("Nueces")));
    }

    private static void assertKept(UUID importId, String csv, String status) {
        MoratoriumImport kept = QuarkusTransaction.requiringNew().call(() -> {
            MoratoriumImport file = MoratoriumImport.findById(importId);
            file.content.clone(); // read while the transaction is open
            return file;
        });
        assertThat(kept.content).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(kept.sha256).isEqualTo(sha256(csv));
        assertThat(kept.status.name()).isEqualTo(status);
        assertThat(kept.receivedBy).isEqualTo("ops");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
