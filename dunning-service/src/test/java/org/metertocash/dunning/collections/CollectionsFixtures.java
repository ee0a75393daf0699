package org.metertocash.dunning.collections;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestProducer;

import io.restassured.path.json.JsonPath;

/** Accounts, bills, payments and days for the collections tests, published as the other services publish them. */
final class CollectionsFixtures {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** One premise and its post-pay account, with the customer's county. */
    record Premise(String esiId, String accountNumber, UUID enrollmentId) {
    }

    private final TestProducer producer;

    CollectionsFixtures(TestProducer producer) {
        this.producer = producer;
    }

    /** Moves the service's business clock to noon (Central) of the day. */
    static void today(LocalDate day) {
        at(day, LocalTime.NOON);
    }

    /** Moves the service's business clock to the time (Central) of the day. */
    static void at(LocalDate day, LocalTime time) {
        Instant instant = day.atTime(time).atZone(ZONE).toInstant();
        Api.admin().body("{\"instant\": \"" + instant + "\"}").put("/admin/clock").then().statusCode(200);
    }

    static void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    /** Runs the day turn for the clock's day. */
    static void dayTurn() {
        Api.operations().post("/collections/evaluations").then().statusCode(200);
    }

    /** Moves the clock to the day and runs its day turn. */
    static void turnTo(LocalDate day) {
        today(day);
        dayTurn();
    }

    static JsonPath view(String esiId) {
        return Api.operations().get("/accounts/" + esiId + "/collections").then().statusCode(200).extract().jsonPath();
    }

    static void awaitState(String esiId, String state) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + esiId + "/collections").then()
                .statusCode(200).body("state", equalTo(state)));
    }

    static List<String> path(String esiId) {
        return view(esiId).getList("history.to");
    }

    /** An accepted enrollment (customer, county) and the post-pay account billing opened for it. */
    Premise postpayPremise(String county) {
        return premise(county, BillingType.POSTPAY, "FIXED-12");
    }

    /** An accepted pre-pay enrollment (a customer with e-mail and phone, county) and its pre-pay account. */
    Premise prepayPremise(String county) {
        return premise(county, BillingType.PREPAY, "PREPAID-DAILY");
    }

    private Premise premise(String county, BillingType billingType, String product) {
        String esiId = String.format("1044372%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        String accountNumber = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        UUID enrollmentId = UUID.randomUUID();
        producer.publish(new EnrollmentAccepted(enrollmentId, esiId, "ONCOR", RequestType.SWITCH,
                LocalDate.of(2026, 10, 1), new Customer("Dana Smith", "dana@example.com", "2145550199"),
                new ServiceAddress("42 Oak Lawn Ave", null, "Dallas", "TX", "75219", county), product,
                billingType));
        producer.publish(new BillingAccountOpened(accountNumber, esiId, enrollmentId, "Dana Smith", product,
                billingType, "ONCOR", 3, LocalDate.of(2026, 10, 1)));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/accounts/" + esiId + "/collections").then()
                .statusCode(200).body("county", equalTo(county)));
        return new Premise(esiId, accountNumber, enrollmentId);
    }

    UUID bill(Premise premise, String amount, LocalDate issued, LocalDate due) {
        UUID billId = UUID.randomUUID();
        producer.publish(new BillPosted(billId, premise.accountNumber(), premise.esiId(), issued.minusDays(30),
                issued.minusDays(1), issued, due, new BigDecimal(amount), new BigDecimal("1000"),
                List.of(new BillPosted.Line("ENERGY", "Energy charge", new BigDecimal(amount)))));
        return billId;
    }

    /** A payment naming only the premise (payment-service's payer gave no account number). */
    PaymentPosted payment(Premise premise, String amount, LocalDate on) {
        Instant at = on.atTime(LocalTime.of(11, 0)).atZone(ZONE).toInstant();
        return new PaymentPosted(UUID.randomUUID(), null, premise.esiId(), new BigDecimal(amount), "CARD",
                "AUTH-" + SEQUENCE.incrementAndGet(), at, at);
    }

    UUID publish(Object event) {
        return producer.publish((org.metertocash.contracts.DomainEvent) event);
    }

    UUID publish(Object event, UUID eventId) {
        return producer.publish((org.metertocash.contracts.DomainEvent) event, eventId);
    }
}
