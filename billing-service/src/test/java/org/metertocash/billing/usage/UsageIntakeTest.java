package org.metertocash.billing.usage;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsageIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static String newEsiId() {
        return String.format("1044372%010d", PREMISE.incrementAndGet());
    }

    private static UsageReported monthly(String esiId, String document, String purpose, String original,
            LocalDate start, LocalDate end, String kwh) {
        return new UsageReported(esiId, "M100", purpose, document, original, start, end, "ACTUAL", false,
                new BigDecimal(kwh), null, null, null, List.of(), UUID.randomUUID());
    }

    private static void awaitReads(String esiId, int count) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().queryParam("esiId", esiId).get("/meter-reads")
                .then().statusCode(200).body("$", hasSize(count)));
    }

    @Test
    void monthly_usage_becomes_an_active_read_once_however_often_it_is_announced() {
        String esiId = newEsiId();
        UsageReported usage = monthly(esiId, "U1", "ORIGINAL", null, MAY, MAY.plusMonths(1), "1234.5");
        producer.publish(usage);
        producer.publish(usage);
        producer.publish(monthly(esiId, "U2", "ORIGINAL", null, MAY.plusMonths(1), MAY.plusMonths(2), "980"));
        awaitReads(esiId, 2);
        Api.operations().queryParam("esiId", esiId).get("/meter-reads").then()
                .body("documentReference", contains("U1", "U2"))
                .body("status", contains("ACTIVE", "ACTIVE"))
                .body("[0].totalKwh", equalTo(1234.5f));
    }

    @Test
    void a_replacement_supersedes_the_read_and_a_cancel_cancels_it_even_when_it_arrives_first() {
        String esiId = newEsiId();
        producer.publish(monthly(esiId, "A1", "ORIGINAL", null, MAY, MAY.plusMonths(1), "1000"));
        producer.publish(monthly(esiId, "A2", "REPLACE", "A1", MAY, MAY.plusMonths(1), "1100"));
        // the cancel of B1 comes before B1 itself
        producer.publish(monthly(esiId, "B1-C", "CANCEL", "B1", MAY.plusMonths(1), MAY.plusMonths(2), "900"));
        producer.publish(monthly(esiId, "B1", "ORIGINAL", null, MAY.plusMonths(1), MAY.plusMonths(2), "900"));
        awaitReads(esiId, 4);
        Api.operations().queryParam("esiId", esiId).queryParam("status", "ACTIVE").get("/meter-reads").then()
                .body("documentReference", contains("A2"));
        Api.operations().queryParam("esiId", esiId).get("/meter-reads").then()
                .body("find { it.documentReference == 'A1' }.status", equalTo("REPLACED"))
                .body("find { it.documentReference == 'B1' }.status", equalTo("CANCELLED"))
                .body("find { it.documentReference == 'B1-C' }.status", equalTo("CANCEL"));
    }

    @Test
    void an_original_for_a_period_already_read_is_held_not_billed_twice() {
        String esiId = newEsiId();
        producer.publish(monthly(esiId, "O1", "ORIGINAL", null, MAY, MAY.plusMonths(1), "700"));
        producer.publish(monthly(esiId, "O2", "ORIGINAL", null, MAY.plusDays(10), MAY.plusMonths(1), "300"));
        awaitReads(esiId, 2);
        Api.operations().queryParam("esiId", esiId).get("/meter-reads").then()
                .body("status", containsInAnyOrder("ACTIVE", "OVERLAPPING"));
        Api.operations().queryParam("type", UsageIntake.USAGE_OVERLAP).get("/exceptions").then()
                .body("esiId", hasItem(esiId));
    }

    @Test
    void interval_usage_keeps_every_interval_value_and_shows_them_on_request() {
        String esiId = newEsiId();
        List<BigDecimal> intervals = new ArrayList<>();
        for (int i = 0; i < 96 * 30; i++) {
            intervals.add(new BigDecimal("0.25").add(BigDecimal.valueOf(i % 4, 2)));
        }
        BigDecimal total = intervals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        producer.publish(new UsageReported(esiId, "AMS1", "ORIGINAL", "I1", null, MAY, MAY.plusDays(30), "ACTUAL",
                false, total, new BigDecimal("4.2"), Instant.parse("2026-05-01T05:00:00Z"), 15, intervals,
                UUID.randomUUID()));
        awaitReads(esiId, 1);
        Api.operations().queryParam("esiId", esiId).get("/meter-reads").then()
                .body("[0].intervalCount", equalTo(2880)).body("[0].intervalMinutes", equalTo(15))
                .body("[0].intervalKwh", equalTo(null));
        Api.operations().queryParam("esiId", esiId).queryParam("intervals", true).get("/meter-reads").then()
                .body("[0].intervalKwh", hasSize(2880));
    }

    @Test
    void reads_are_for_operations() {
        Api.upstream().queryParam("esiId", "10443720000000001").get("/meter-reads").then().statusCode(403);
        Api.operations().get("/meter-reads").then().statusCode(400);
    }
}
