package org.metertocash.billing.bill;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Post-pay accounts, products and usage for bill tests that drive billing-service over Kafka and its API: a product of
 * 10.0¢/kWh flat with a $5.00 base charge on a TDU of the run ($4.00/month, 5.0000¢/kWh), accounts in Dallas (gross
 * receipts 1.997 %, PUC assessment 0.1667 %) starting 1 May 2026. Test classes extending {@link Connected} get a
 * producer and these fixtures for the class.
 */
public final class BillFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    public static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L + 500_000_000L);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String TDU = "R" + RUN;
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private final TestProducer producer;

    /**
     * Base of the tests that drive billing-service over Kafka with these fixtures: one producer per test class, and
     * the business clock back to the wall clock after every test.
     */
    public abstract static class Connected {

        protected static TestProducer producer;
        protected static BillFixtures fixtures;

        @BeforeAll
        static void connect() {
            producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
            fixtures = new BillFixtures(producer);
        }

        @AfterAll
        static void disconnect() {
            producer.close();
        }

        @AfterEach
        void resetBusinessClock() {
            resetClock();
        }
    }

    public BillFixtures(TestProducer producer) {
        this.producer = producer;
    }

    public static RequestSpecification ops() {
        return Api.operations().config(EXACT);
    }

    public static RequestSpecification opsOnce() {
        return ops().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static void clockAt(Instant instant) {
        Api.admin().body("{\"instant\": \"" + instant + "\"}").put("/admin/clock").then().statusCode(200);
    }

    public static void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    /** A product code of this run not yet in the catalogue. */
    public static String productCode() {
        return "RB-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates the product {@code code}: 10.0¢/kWh flat, $5.00 base charge per cycle, on this run's TDU. */
    public static String createProduct(String code) {
        Api.admin().body("{\"customerCharge\": 4.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2026-01-01").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Rebill test plan", "billingType": "POSTPAY", "termMonths": 12, "tdu": "%s",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(code, TDU)).post("/products").then().statusCode(201);
        return code;
    }

    public static String newProduct() {
        return createProduct(productCode());
    }

    /** A post-pay account in Dallas starting 1 May 2026 on the product, open once billing has it. */
    public String openAccount(String productCode) {
        String esiId = String.format("1044372%010d", PREMISE.incrementAndGet());
        producer.publish(new EnrollmentAccepted(UUID.randomUUID(), esiId, TDU, RequestType.SWITCH, MAY,
                new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), productCode,
                BillingType.POSTPAY));
        await().atMost(WAIT).untilAsserted(() -> ops().get("/billing-accounts/" + esiId).then().statusCode(200));
        return esiId;
    }

    /** The 1st of {@code month} 2026. */
    private static LocalDate month(int month) {
        return LocalDate.of(2026, month, 1);
    }

    /**
     * 1000 kWh of {@code quality} (ACTUAL or ESTIMATED) for the month starting on the 1st of {@code month} 2026; returns
     * the id of its bill once the bill has {@code status}.
     */
    public String monthBill(String esiId, int month, String quality, String status) {
        usage(esiId, "ORIGINAL", "U" + month + "-" + esiId, null, month(month), month(month + 1), quality, "1000");
        return awaitBill(esiId, month(month), status);
    }

    /** Usage of meter M100 from the wires utility: purpose ORIGINAL, CANCEL or REPLACE (of {@code original}). */
    public void usage(String esiId, String purpose, String document, String original, LocalDate start, LocalDate end,
            String quality, String kwh) {
        producer.publish(new UsageReported(esiId, "M100", purpose, document, original, start, end, quality, false,
                new BigDecimal(kwh), null, null, null, List.of(), UUID.randomUUID()));
    }

    public static String awaitBill(String esiId, LocalDate periodStart, String status) {
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("esiId", esiId).get("/bills").then().statusCode(200)
                .body("find { it.periodStart == '" + periodStart + "' && it.status == '" + status + "' }.status",
                        equalTo(status)));
        return ops().queryParam("esiId", esiId).get("/bills").then().extract()
                .path("find { it.periodStart == '" + periodStart + "' && it.status == '" + status + "' }.id");
    }

    public static BigDecimal balance(String esiId) {
        return ops().get("/billing-accounts/" + esiId).then().statusCode(200).extract().path("balance");
    }
}
