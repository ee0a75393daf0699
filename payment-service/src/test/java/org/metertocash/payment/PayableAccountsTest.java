package org.metertocash.payment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PayableAccountsTest {

    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void the_service_boots_migrated_healthy_and_guarded() {
        // ready once its Kafka consumers have joined (moments after boot): waited for, not read once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP")));
        Api.operations().get("/status").then().statusCode(200)
                .body("service", equalTo("payment-service"))
                .body("database.reachable", equalTo(true)).body("broker.reachable", equalTo(true))
                .body("consumers.topic", hasItem(Topics.BILLING));
        given().get("/status").then().statusCode(401);
        Api.upstream().get("/status").then().statusCode(403);
    }

    @Test
    void an_opened_billing_account_becomes_payable_exactly_once() {
        String accountNumber = String.format("%010d", System.nanoTime() % 10_000_000_000L);
        BillingAccountOpened opened = new BillingAccountOpened(accountNumber, "10443720000000042", UUID.randomUUID(),
                "Ana Ramirez", "FIXED-12", BillingType.POSTPAY, "ONCOR", 3, LocalDate.now());
        UUID eventId = producer.publish(opened);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.operations().get("/accounts/" + accountNumber)
                .then().statusCode(200).body("esiId", equalTo("10443720000000042")));
        long duplicates = duplicates();
        producer.publish(opened, eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicates);
        Api.operations().get("/accounts/" + accountNumber).then().statusCode(200)
                .body("customerName", equalTo("Ana Ramirez")).body("billingType", equalTo("POSTPAY"));
        Api.operations().get("/accounts/0000000000").then().statusCode(404).contentType("application/problem+json");
    }

    private static long duplicates() {
        return ((Number) Api.operations().get("/status").then().extract().path("inbox.duplicatesIgnored")).longValue();
    }
}
