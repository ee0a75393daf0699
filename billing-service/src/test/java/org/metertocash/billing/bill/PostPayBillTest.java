package org.metertocash.billing.bill;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Post-pay bills end to end inside billing-service: an accepted enrollment opens the account, an admin creates its
 * product, the wires utility's usage arrives on Kafka, and the bill run drafts, validates and posts the bill —
 * ledger charge and BillPosted on billing.events — or holds it for review.
 */
@QuarkusTest
class PostPayBillTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** A TDU of this run only, so its tariff is exactly the one put here: $4.00/month and 5.0000¢/kWh. */
    private static final String TDU = "T" + RUN;
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    /** Friday 5 June 2026, noon in Texas. */
    private static final Instant FRIDAY_5_JUNE = Instant.parse("2026-06-05T17:00:00Z");
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

    // ------------------------------------------------------------------------------------------------ fixtures

    private static RequestSpecification ops() {
        return Api.operations().config(EXACT);
    }

    private static RequestSpecification opsOnce() {
        return ops().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static void clockAt(Instant instant) {
        Api.admin().body("{\"instant\": \"" + instant + "\"}").put("/admin/clock").then().statusCode(200);
    }

    /** 10.0¢/kWh flat, $5.00 base charge per cycle, on this run's TDU. */
    private static String newProduct() {
        // the same tariff again is no change (200 after the first 201)
        Api.admin().body("{\"customerCharge\": 4.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2026-01-01").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String code = "BILL-" + RUN + "-" + SEQUENCE.incrementAndGet();
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Bill test plan", "billingType": "POSTPAY", "termMonths": 12, "tdu": "%s",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(code, TDU)).post("/products").then().statusCode(201);
        return code;
    }

    /** An account in Dallas (gross receipts 1.997 % and PUC assessment 0.1667 %) starting 1 May 2026. */
    private static String openAccount(String productCode) {
        String esiId = String.format("1044372%010d", PREMISE.incrementAndGet());
        producer.publish(new EnrollmentAccepted(UUID.randomUUID(), esiId, TDU, RequestType.SWITCH, MAY,
                new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), productCode,
                BillingType.POSTPAY));
        await().atMost(WAIT).untilAsserted(() -> ops().get("/billing-accounts/" + esiId).then().statusCode(200));
        return esiId;
    }

    private static void usage(String esiId, String document, LocalDate start, LocalDate end, String kwh) {
        producer.publish(new UsageReported(esiId, "M100", "ORIGINAL", document, null, start, end, "ACTUAL", false,
                new BigDecimal(kwh), null, null, null, List.of(), UUID.randomUUID()));
    }

    private static String awaitBill(String esiId, LocalDate periodStart, String status) {
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("esiId", esiId).get("/bills").then().statusCode(200)
                .body("find { it.periodStart == '" + periodStart + "' }.status", equalTo(status)));
        return ops().queryParam("esiId", esiId).get("/bills").then().extract()
                .path("find { it.periodStart == '" + periodStart + "' }.id");
    }

    private static BigDecimal balance(String esiId) {
        return ops().get("/billing-accounts/" + esiId).then().statusCode(200).extract().path("balance");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void usage_on_an_open_account_posts_a_bill_with_the_hand_computed_total_charged_and_announced() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = openAccount(newProduct());
        usage(esiId, "U-" + esiId, MAY, JUNE, "1000");
        String billId = awaitBill(esiId, MAY, "POSTED");

        // 31 days, 1000 kWh: energy 1000 × 10.0¢ = 100.00; base 5.00; TDU customer 4.00; delivery 1000 × 5.0¢ = 50.00
        // → charges 159.00; gross receipts 1.997 % = 3.17523 → 3.18; PUC 0.1667 % = 0.265053 → 0.27 → 162.45.
        // Issued Friday 5 June; + 16 days = Sunday 21 June → due Monday 22 June (16 TAC §25.480(b)).
        ops().get("/bills/" + billId).then().statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("days", equalTo(31))
                .body("lines.code", contains("ENERGY", "BASE_CHARGE", "TDU_CUSTOMER_CHARGE", "TDU_DELIVERY_CHARGE",
                        "TAX_GROSS_RECEIPTS", "TAX_PUC_ASSESSMENT"))
                .body("lines.amount", contains(comparesEqualTo(d("100.00")), comparesEqualTo(d("5.00")),
                        comparesEqualTo(d("4.00")), comparesEqualTo(d("50.00")), comparesEqualTo(d("3.18")),
                        comparesEqualTo(d("0.27"))))
                .body("lines.ledgerAccount", contains("REVENUE", "REVENUE", "TDU_CHARGES", "TDU_CHARGES", "TAXES",
                        "TAXES"))
                .body("chargesTotal", comparesEqualTo(d("159.00")))
                .body("taxTotal", comparesEqualTo(d("3.45")))
                .body("amountDue", comparesEqualTo(d("162.45")))
                .body("issueDate", equalTo("2026-06-05"))
                .body("dueDate", equalTo("2026-06-22"))
                .body("failedRules", hasSize(0))
                .body("validation.rule", hasItem(BillValidation.AMOUNT_ABOVE_MAXIMUM))
                .body("ledgerPostingId", notNullValue());
        assertThat(balance(esiId)).isEqualByComparingTo("162.45");
        ops().get("/billing-accounts/" + esiId + "/ledger").then().statusCode(200)
                .body("[0].reference", equalTo(billId))
                .body("[0].entries.find { it.account == 'REVENUE' }.credit", comparesEqualTo(d("105.00")))
                .body("[0].entries.find { it.account == 'TDU_CHARGES' }.credit", comparesEqualTo(d("54.00")))
                .body("[0].entries.find { it.account == 'TAXES' }.credit", comparesEqualTo(d("3.45")));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            BillPosted posted = probe.awaitType(BillPosted.TYPE, esiId, WAIT).as(BillPosted.class);
            assertThat(posted.billId()).hasToString(billId);
            assertThat(posted.amountDue()).isEqualByComparingTo("162.45");
            assertThat(posted.totalKwh()).isEqualByComparingTo("1000");
            assertThat(posted.issueDate()).isEqualTo(LocalDate.of(2026, 6, 5));
            assertThat(posted.dueDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(ChronoUnit.DAYS.between(posted.issueDate(), posted.dueDate())).isGreaterThanOrEqualTo(16);
            assertThat(posted.lines()).hasSize(6);
        }
    }

    @Test
    void interval_usage_is_billed_on_the_sum_of_its_intervals() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = openAccount(newProduct());
        // 31 days of 15-minute intervals at 0.5 kWh: 2976 × 0.5 = 1488 kWh
        List<BigDecimal> intervals = java.util.Collections.nCopies(96 * 31, d("0.5"));
        producer.publish(new UsageReported(esiId, "AMS1", "ORIGINAL", "I-" + esiId, null, MAY, JUNE, "ACTUAL", false,
                d("1488"), null, Instant.parse("2026-05-01T05:00:00Z"), 15, intervals, UUID.randomUUID()));
        String billId = awaitBill(esiId, MAY, "POSTED");
        // energy 148.80 + base 5.00 + TDU 4.00 + 74.40 = 232.20; 1.997 % = 4.637034 → 4.64; 0.1667 % = 0.387077 → 0.39
        ops().get("/bills/" + billId).then()
                .body("totalKwh", comparesEqualTo(d("1488")))
                .body("chargesTotal", comparesEqualTo(d("232.20")))
                .body("amountDue", comparesEqualTo(d("237.23")));
        Api.operations().get("/status").then().statusCode(200).body("entities.billsByStatus.POSTED", notNullValue());
    }

    @Test
    void a_high_usage_bill_is_held_for_review_then_approved_and_posted() {
        clockAt(Instant.parse("2026-07-06T17:00:00Z"));
        String esiId = openAccount(newProduct());
        usage(esiId, "H1-" + esiId, MAY, JUNE, "1000");
        awaitBill(esiId, MAY, "POSTED");
        // 2000 kWh in 30 days is 66.7 kWh/day against 32.3 kWh/day: +106.7 %, beyond +70 % under 100 kWh/day
        usage(esiId, "H2-" + esiId, JUNE, JULY, "2000");
        String billId = awaitBill(esiId, JUNE, "HELD_FOR_REVIEW");
        BigDecimal beforeApproval = balance(esiId);

        ops().get("/bills/" + billId).then().body("failedRules", contains(BillValidation.HIGH_USAGE))
                .body("ledgerPostingId", equalTo(null)).body("dueDate", equalTo(null));
        ops().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions").then()
                .body("reference", contains(billId)).body("[0].summary", containsString(BillValidation.HIGH_USAGE));
        ops().get("/bill-runs/2026-07-06").then().statusCode(200).body("review.id", hasItem(billId));

        BigDecimal amount = opsOnce().body("{\"note\": \"customer confirmed a new pool pump\"}")
                .post("/bills/" + billId + "/approve").then().statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("issueDate", equalTo("2026-07-06"))
                .body("dueDate", equalTo("2026-07-22"))
                .body("history.action", hasItem("APPROVED"))
                .body("history.find { it.action == 'APPROVED' }.actor", equalTo("ops"))
                .extract().path("amountDue");
        assertThat(balance(esiId)).isEqualByComparingTo(beforeApproval.add(amount));
        ops().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(0));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            probe.await(e -> BillPosted.TYPE.equals(e.type()) && billId.equals(e.json().path("billId").asText()),
                    WAIT);
        }
        // a posted bill is not approved twice
        opsOnce().body("{\"note\": \"again\"}").post("/bills/" + billId + "/approve").then().statusCode(409);
    }

    @Test
    void re_running_the_bill_run_creates_nothing_twice() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = openAccount(newProduct());
        usage(esiId, "R-" + esiId, MAY, JUNE, "800");
        awaitBill(esiId, MAY, "POSTED");
        BigDecimal balance = balance(esiId);
        long before = ((Number) ops().get("/bill-runs/2026-06-05").then().statusCode(200).extract().path("count"))
                .longValue();

        ops().post("/bill-runs/2026-06-05").then().statusCode(200).body("run.posted", equalTo(0));
        ops().post("/bill-runs/2026-06-05").then().statusCode(200).body("run.held", equalTo(0));

        ops().get("/bill-runs/2026-06-05").then().body("count", equalTo((int) before));
        ops().queryParam("esiId", esiId).get("/bills").then().body("$", hasSize(1));
        assertThat(balance(esiId)).isEqualByComparingTo(balance);
        ops().post("/bill-runs/2026-06-06").then().statusCode(400);
    }

    @Test
    void usage_of_an_account_whose_product_does_not_exist_raises_a_work_item_and_no_bill() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = openAccount("NO-SUCH-" + RUN);
        usage(esiId, "N-" + esiId, MAY, JUNE, "900");
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("type", BillDrafting.BILL_NO_PRODUCT)
                .queryParam("esiId", esiId).get("/exceptions").then().body("$", hasSize(1)));

        ops().post("/bill-runs/2026-06-05").then().statusCode(200);
        ops().queryParam("esiId", esiId).get("/bills").then().statusCode(200).body("$", hasSize(0));
        // the read waits for the product: the runs since have not raised it again
        ops().queryParam("type", BillDrafting.BILL_NO_PRODUCT).queryParam("esiId", esiId).get("/exceptions").then()
                .body("[0].occurrences", equalTo(1))
                .body("[0].summary", containsString("NO-SUCH-" + RUN));
    }

    @Test
    void cancelling_a_posted_bill_reverses_its_ledger_charge_and_announces_it() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = openAccount(newProduct());
        usage(esiId, "C-" + esiId, MAY, JUNE, "1200");
        String billId = awaitBill(esiId, MAY, "POSTED");
        BigDecimal amount = ops().get("/bills/" + billId).then().extract().path("amountDue");
        assertThat(balance(esiId)).isEqualByComparingTo(amount);

        opsOnce().body("{}").post("/bills/" + billId + "/cancel").then().statusCode(400)
                .body("errors.field", contains("note"));
        opsOnce().body("{\"note\": \"meter was swapped, usage wrong\"}").post("/bills/" + billId + "/cancel").then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reversalPostingId", notNullValue())
                .body("history.find { it.action == 'CANCELLED' }.note", equalTo("meter was swapped, usage wrong"));
        assertThat(balance(esiId)).isEqualByComparingTo("0.00");
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            BillCancelled cancelled = probe.awaitType(BillCancelled.TYPE, esiId, WAIT).as(BillCancelled.class);
            assertThat(cancelled.billId()).hasToString(billId);
            assertThat(cancelled.amountReversed()).isEqualByComparingTo(amount);
        }
        opsOnce().body("{\"note\": \"twice\"}").post("/bills/" + billId + "/cancel").then().statusCode(409);
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"note\": \"x\"}")
                .post("/bills/" + billId + "/cancel").then().statusCode(403);
    }
}
