package org.metertocash.billing.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProductResourceTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static RestAssuredConfig previous;

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

    private static String newCode(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    private static RequestSpecification adminOnce() {
        return Api.admin().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** The domain primer's worked example: 10.0¢, a $5.00 base charge, Oncor. */
    static String primerExample(String code, String cents) {
        return """
                {"code": "%s", "name": "Worked example", "billingType": "POSTPAY", "termMonths": 12, "tdu": "ONCOR",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": %s},
                 "baseCharge": 5.00,
                 "fees": [{"code": "MIN-USAGE", "description": "Minimum usage fee", "amount": 8.00, "maxKwh": 999}]}
                """.formatted(code, cents);
    }

    @Test
    void an_admin_creates_a_product_everyone_can_read() {
        String code = newCode("FIXED");
        adminOnce().body(primerExample(code, "10.0")).post("/products").then().statusCode(201)
                .header("Location", containsString("/products/" + code))
                .body("code", equalTo(code))
                .body("energyCharge.type", equalTo("FLAT"))
                .body("energyCharge.centsPerKwh", comparesEqualTo(d("10.0")))
                .body("fees[0].maxKwh", equalTo(999))
                .body("createdBy", equalTo("admin"));
        for (RequestSpecification reader : new RequestSpecification[] { Api.upstream(), Api.operations() }) {
            reader.get("/products/" + code).then().statusCode(200)
                    .body("name", equalTo("Worked example"))
                    .body("baseCharge", comparesEqualTo(d("5.00")))
                    .body("tdu", equalTo("ONCOR"));
        }
        Api.operations().queryParam("tdu", "ONCOR").get("/products").then().statusCode(200)
                .body("code", hasItem(code));
        Api.operations().queryParam("tdu", "CNP").get("/products").then().statusCode(200)
                .body("code", not(hasItem(code)));
        Api.operations().get("/products/NO-SUCH-PRODUCT").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void only_an_admin_creates_and_always_with_an_idempotency_key() {
        String code = newCode("FIXED");
        Api.upstreamOnce().body(primerExample(code, "10.0")).post("/products").then().statusCode(403);
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(primerExample(code, "10.0"))
                .post("/products").then().statusCode(403);
        Api.admin().body(primerExample(code, "10.0")).post("/products").then().statusCode(400)
                .body("errors.field", contains("Idempotency-Key"));
        given().get("/products/" + code).then().statusCode(401);
        Api.operations().get("/products/" + code).then().statusCode(404);
    }

    @Test
    void a_repeated_request_gets_the_first_answer_and_a_product_never_changes() {
        String code = newCode("FIXED");
        String key = UUID.randomUUID().toString();
        Api.admin().header("Idempotency-Key", key).body(primerExample(code, "10.0")).post("/products").then()
                .statusCode(201);
        Api.admin().header("Idempotency-Key", key).body(primerExample(code, "10.0")).post("/products").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("code", equalTo(code));
        // the same product under another key: the product as it is (10.00 is the price 10.0)
        adminOnce().body(primerExample(code, "10.00")).post("/products").then().statusCode(200)
                .body("energyCharge.centsPerKwh", comparesEqualTo(d("10.0")));
        // other prices under the same code: refused
        adminOnce().body(primerExample(code, "10.5")).post("/products").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:product-immutable"));
        Api.operations().get("/products/" + code).then().body("energyCharge.centsPerKwh", comparesEqualTo(d("10.0")));
    }

    @Test
    void an_impossible_product_is_refused_naming_every_field() {
        String body = """
                {"code": "%s", "name": "Impossible", "billingType": "PREPAY", "termMonths": 0, "tdu": "ONCOR",
                 "energyCharge": {"type": "TIME_OF_USE", "periods": [
                    {"name": "DAY", "centsPerKwh": -1, "usageShare": 0.6,
                     "schedule": [{"days": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"], "fromHour": 6, "toHour": 22}]},
                    {"name": "NIGHT", "centsPerKwh": 5, "usageShare": 0.3,
                     "schedule": [{"days": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"], "fromHour": 21, "toHour": 6}]}]},
                 "fees": [{"code": "MIN", "amount": 8, "minKwh": 2000, "maxKwh": 1999}],
                 "prepay": {"lowBalanceThreshold": 20, "disconnectionBalance": 15, "connectionBalance": 100}}
                """.formatted(newCode("TOU"));
        adminOnce().body(body).post("/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:validation"))
                .body("errors.field", containsInAnyOrder(
                        "energyCharge.periods[0].centsPerKwh",
                        "energyCharge.periods",                         // shares 0.9
                        "energyCharge.periods[1].schedule[0]",          // 21–22 on weekdays twice
                        "energyCharge.periods",                         // weekend days uncovered
                        "fees[0].maxKwh",
                        "prepay.disconnectionBalance",
                        "prepay.connectionBalance"));
        adminOnce().body("{\"code\": \"X\", \"energyCharge\": {\"type\": \"STEPPED\"}}").post("/products").then()
                .statusCode(400).body("errors[0].field", equalTo("energyCharge.type"));
    }

    @Test
    void the_efl_endpoint_reproduces_the_primers_worked_example() {
        String code = newCode("FIXED");
        adminOnce().body("""
                {"code": "%s", "name": "Worked example", "billingType": "POSTPAY", "termMonths": 12, "tdu": "ONCOR",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(code)).post("/products").then().statusCode(201);
        Api.upstream().queryParam("asOf", "2023-10-01").get("/products/" + code + "/efl").then().statusCode(200)
                .body("tdu", equalTo("ONCOR"))
                .body("tariff.effectiveDate", equalTo("2023-09-01"))
                .body("tariff.customerCharge", comparesEqualTo(d("4.23")))
                .body("averages.kwh", contains(500, 1000, 2000))
                // 84.3995 / 500, 159.569 / 1000, 309.908 / 2000
                .body("averages.centsPerKwh", contains(d("16.9"), d("16.0"), d("15.5")))
                .body("averages[1].unroundedCentsPerKwh", comparesEqualTo(d("15.9569")))
                .body("averages[1].totalDollars", comparesEqualTo(d("159.569")))
                .body("averages[1].components.code", contains("ENERGY", "BASE_CHARGE", "TDU_CUSTOMER_CHARGE",
                        "TDU_DELIVERY_CHARGE"));
    }

    @Test
    void the_efl_of_a_posted_time_of_use_product_blends_its_shares() {
        String code = newCode("NIGHTS");
        adminOnce().body("""
                {"code": "%s", "name": "Free nights", "billingType": "PREPAY", "termMonths": 0, "tdu": "TNMP",
                 "energyCharge": {"type": "TIME_OF_USE", "periods": [
                    {"name": "NIGHT", "centsPerKwh": 0, "usageShare": 0.35,
                     "schedule": [{"days": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"], "fromHour": 21, "toHour": 6}]},
                    {"name": "DAY", "centsPerKwh": 14.5, "usageShare": 0.65,
                     "schedule": [{"days": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"], "fromHour": 6, "toHour": 21}]}]},
                 "baseCharge": 4.95,
                 "prepay": {"lowBalanceThreshold": 25.00, "disconnectionBalance": 10.00, "connectionBalance": 75.00}}
                """.formatted(code)).post("/products").then().statusCode(201)
                .body("prepay.disconnectionBalance", comparesEqualTo(d("10.00")));
        Api.operations().queryParam("asOf", "2024-01-15").get("/products/" + code + "/efl").then().statusCode(200)
                // 500 × 0.65 × 14.5¢ + 4.95 + 7.85 + 500 × 6.0465¢ = 90.1575 → 18.0315; 167.515; 322.23
                .body("averages.centsPerKwh", contains(d("18.0"), d("16.8"), d("16.1")))
                .body("averages[0].unroundedCentsPerKwh", comparesEqualTo(d("18.0315")));
        Api.operations().queryParam("billingType", "PREPAY").get("/products").then().body("code", hasItem(code));
    }

    @Test
    void an_efl_needs_a_tariff_in_force_and_a_date() {
        String code = newCode("FIXED");
        adminOnce().body(primerExample(code, "10.0")).post("/products").then().statusCode(201);
        Api.operations().queryParam("asOf", "2020-01-01").get("/products/" + code + "/efl").then().statusCode(404)
                .body("detail", containsString("ONCOR"));
        Api.operations().queryParam("asOf", "1 Oct 2023").get("/products/" + code + "/efl").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        Api.operations().get("/products/" + code + "/efl").then().statusCode(200); // today's tariff
    }
}
