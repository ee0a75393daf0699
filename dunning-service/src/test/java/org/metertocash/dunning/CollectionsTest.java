package org.metertocash.dunning;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

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
class CollectionsTest {

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
                .body("service", equalTo("dunning-service"))
                .body("database.reachable", equalTo(true)).body("broker.reachable", equalTo(true))
                .body("consumers.topic", hasItems(Topics.BILLING, Topics.PAYMENT, Topics.EDI));
        given().get("/status").then().statusCode(401);
        Api.upstream().get("/status").then().statusCode(403);
    }

    @Test
    void an_opened_account_enters_collections_current_exactly_once() {
        String esiId = String.format("1044372%010d", System.nanoTime() % 10_000_000_000L);
        String accountNumber = String.format("%010d", System.nanoTime() % 10_000_000_000L);
        BillingAccountOpened opened = new BillingAccountOpened(accountNumber, esiId, UUID.randomUUID(), "Ana Ramirez",
                "FIXED-12", BillingType.PREPAY, "ONCOR", 3, LocalDate.now());
        UUID eventId = producer.publish(opened);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.operations()
                .get("/accounts/" + esiId + "/collections").then().statusCode(200).body("state", equalTo("CURRENT")));
        long duplicates = duplicates();
        producer.publish(opened, eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicates);
        Api.operations().get("/accounts/" + esiId + "/collections").then()
                .body("accountNumber", equalTo(accountNumber))
                .body("billingType", equalTo("PREPAY"))
                .body("history", hasSize(1)).body("history[0].rule", equalTo("account opened"));
        Api.operations().get("/accounts/10443729999999999/collections").then().statusCode(404);
    }

    private static long duplicates() {
        return ((Number) Api.operations().get("/status").then().extract().path("inbox.duplicatesIgnored")).longValue();
    }
}
