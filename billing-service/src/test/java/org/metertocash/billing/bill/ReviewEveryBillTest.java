package org.metertocash.billing.bill;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** With {@code billing.bills.auto-post=false} even a clean bill waits for a person. */
@QuarkusTest
@TestProfile(ReviewEveryBillTest.AutoPostOff.class)
class ReviewEveryBillTest {

    /** Every bill is reviewed before it posts. */
    public static class AutoPostOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.bills.auto-post", "false");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L + 500_000_000L);
    private static final String TDU = "R" + RUN;
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @AfterEach
    void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    private static RequestSpecification opsOnce() {
        return Api.operations().config(EXACT).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    void a_clean_bill_waits_for_review_is_held_with_a_note_and_posts_when_approved() {
        Api.admin().body("{\"instant\": \"2026-06-05T17:00:00Z\"}").put("/admin/clock").then().statusCode(200);
        Api.admin().body("{\"customerCharge\": 4.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2026-01-01").then().statusCode(oneOf(200, 201));
        String product = "REVIEW-" + RUN;
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Review plan", "billingType": "POSTPAY", "termMonths": 12, "tdu": "%s",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(product, TDU)).post("/products").then().statusCode(201);
        String esiId = String.format("1044372%010d", PREMISE.incrementAndGet());
        producer.publish(new EnrollmentAccepted(UUID.randomUUID(), esiId, TDU, RequestType.SWITCH, MAY,
                new Customer("Ana Ramirez", null, null),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), product,
                BillingType.POSTPAY));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/billing-accounts/" + esiId).then()
                .statusCode(200));
        producer.publish(new UsageReported(esiId, "M1", "ORIGINAL", "V-" + esiId, null, MAY, MAY.plusMonths(1),
                "ACTUAL", false, new BigDecimal("1000"), null, null, null, List.of(), UUID.randomUUID()));

        await().atMost(WAIT).untilAsserted(() -> Api.operations().queryParam("esiId", esiId).get("/bills").then()
                .body("status", contains("HELD_FOR_REVIEW")));
        String billId = Api.operations().queryParam("esiId", esiId).get("/bills").then().extract().path("[0].id");
        Api.operations().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions")
                .then().body("[0].summary", containsString("auto-post is off"));

        opsOnce().body("{\"note\": \"checking with the customer first\"}").post("/bills/" + billId + "/hold").then()
                .statusCode(200).body("status", equalTo("HELD_FOR_REVIEW"))
                .body("failedRules", hasSize(0))
                .body("history.find { it.actor == 'ops' }.action", equalTo("HELD"));
        opsOnce().body("{\"note\": \"fine\"}").post("/bills/" + billId + "/approve").then().statusCode(200)
                .body("status", equalTo("POSTED")).body("amountDue", comparesEqualTo(new BigDecimal("162.45")));
        Api.operations().config(EXACT).get("/billing-accounts/" + esiId).then()
                .body("balance", comparesEqualTo(new BigDecimal("162.45")));
        opsOnce().body("{\"note\": \"too late\"}").post("/bills/" + billId + "/hold").then().statusCode(409);
    }

    @Test
    void a_bill_that_does_not_exist_is_404_and_a_list_needs_an_esi_id() {
        Api.operations().get("/bills/" + UUID.randomUUID()).then().statusCode(404);
        Api.operations().get("/bills").then().statusCode(400);
        Api.upstream().queryParam("esiId", "10443720000000001").get("/bills").then().statusCode(403);
    }
}
