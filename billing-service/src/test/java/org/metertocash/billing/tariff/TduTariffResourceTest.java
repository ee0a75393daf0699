package org.metertocash.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.rating.TduTariff;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;

@QuarkusTest
class TduTariffResourceTest {

    private static RestAssuredConfig previous;

    @Inject
    TduTariffs tariffs;

    @BeforeAll
    static void exactNumbers() {
        previous = RestAssured.config;
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @AfterAll
    static void restore() {
        RestAssured.config = previous;
    }

    /** A TDU of this test alone, so its versions do not change what other tests rate with. */
    private static String newTdu() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static String charges(String customer, String delivery) {
        return "{\"customerCharge\": " + customer + ", \"deliveryCentsPerKwh\": " + delivery + "}";
    }

    @Test
    void the_five_tdus_residential_rates_of_september_2023_are_seeded() {
        Api.upstream().get("/tdu-tariffs").then().statusCode(200)
                .body("findAll { it.effectiveDate == '2023-09-01' }.tdu",
                        hasItems("ONCOR", "CNP", "AEP_TCC", "AEP_TNC", "TNMP"));
        Api.operations().get("/tdu-tariffs/ONCOR").then().statusCode(200)
                .body("find { it.effectiveDate == '2023-09-01' }.customerCharge", comparesEqualTo(d("4.23")))
                .body("find { it.effectiveDate == '2023-09-01' }.deliveryCentsPerKwh", comparesEqualTo(d("5.0339")));
        Api.operations().get("/tdu-tariffs/CNP").then()
                .body("find { it.effectiveDate == '2023-09-01' }.deliveryCentsPerKwh", comparesEqualTo(d("5.4694")));
        Api.operations().get("/tdu-tariffs/AEP_TCC").then()
                .body("find { it.effectiveDate == '2023-09-01' }.customerCharge", comparesEqualTo(d("4.79")))
                .body("find { it.effectiveDate == '2023-09-01' }.deliveryCentsPerKwh", comparesEqualTo(d("5.5226")));
        Api.operations().get("/tdu-tariffs/AEP_TNC").then()
                .body("find { it.effectiveDate == '2023-09-01' }.deliveryCentsPerKwh", comparesEqualTo(d("5.1265")));
        Api.operations().get("/tdu-tariffs/TNMP").then()
                .body("find { it.effectiveDate == '2023-09-01' }.customerCharge", comparesEqualTo(d("7.85")))
                .body("find { it.effectiveDate == '2023-09-01' }.deliveryCentsPerKwh", comparesEqualTo(d("6.0465")));
    }

    @Test
    void an_admin_adds_versions_and_the_one_in_force_is_the_latest_effective_on_or_before_the_date() {
        String tdu = newTdu();
        Api.admin().body(charges("4.23", "5.0339")).put("/tdu-tariffs/" + tdu + "/2023-09-01").then().statusCode(201)
                .body("updatedBy", equalTo("admin"));
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(charges("4.50", "5.2"))
                .put("/tdu-tariffs/" + tdu + "/2024-03-01").then().statusCode(201);
        Api.admin().body(charges("4.50", "5.20")).put("/tdu-tariffs/" + tdu + "/2024-03-01").then().statusCode(200);
        Api.operations().get("/tdu-tariffs/" + tdu).then().statusCode(200)
                .body("effectiveDate", contains("2023-09-01", "2024-03-01"))
                .body("customerCharge", contains(d("4.23"), d("4.50")));

        assertThat(tariffs.inForce(tdu, LocalDate.of(2023, 8, 31))).isEmpty();
        assertThat(tariffs.inForce(tdu, LocalDate.of(2024, 2, 29)).map(TduTariff::effectiveDate))
                .contains(LocalDate.of(2023, 9, 1));
        assertThat(tariffs.inForce(tdu, LocalDate.of(2024, 3, 1)).map(TduTariff::effectiveDate))
                .contains(LocalDate.of(2024, 3, 1));
        assertThat(tariffs.inForceDuring(tdu, LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 16)))
                .extracting(TduTariff::effectiveDate)
                .containsExactly(LocalDate.of(2023, 9, 1), LocalDate.of(2024, 3, 1));
        assertThat(tariffs.inForceDuring(tdu, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)))
                .extracting(TduTariff::effectiveDate).containsExactly(LocalDate.of(2023, 9, 1));
        assertThat(tariffs.inForceDuring(tdu, LocalDate.of(2023, 8, 1), LocalDate.of(2023, 9, 15))).isEmpty();
    }

    @Test
    void a_correction_replaces_the_version_of_its_date() {
        String tdu = newTdu();
        Api.admin().body(charges("7.85", "6.0465")).put("/tdu-tariffs/" + tdu + "/2023-09-01").then().statusCode(201);
        Api.admin().body(charges("7.85", "6.0466")).put("/tdu-tariffs/" + tdu + "/2023-09-01").then().statusCode(200)
                .body("deliveryCentsPerKwh", comparesEqualTo(d("6.0466")));
        assertThat(tariffs.versions(tdu)).extracting(TduTariff::deliveryCentsPerKwh)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("6.0466"));
    }

    @Test
    void tariffs_are_changed_by_admins_with_valid_charges_only() {
        String tdu = newTdu();
        Api.operations().body(charges("1", "1")).put("/tdu-tariffs/" + tdu + "/2024-03-01").then().statusCode(403);
        Api.admin().body(charges("-1", "-0.5")).put("/tdu-tariffs/" + tdu + "/2024-03-01").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("customerCharge", "deliveryCentsPerKwh"));
        Api.admin().body(charges("1", "1")).put("/tdu-tariffs/" + tdu + "/2024-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"));
        Api.admin().body(charges("1", "1")).put("/tdu-tariffs/oncor/2024-03-01").then().statusCode(400)
                .body("errors[0].field", equalTo("tdu"));
        Api.operations().get("/tdu-tariffs/" + tdu).then().statusCode(404);
        assertThat(tariffs.versions(tdu)).isEqualTo(List.of());
    }
}
