package org.metertocash.payment.single;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.newAccountNumber;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.PaymentFixtures.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SinglePaymentTest {

    private static TopicProbe probe;

    @BeforeAll
    static void listen() {
        probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.PAYMENT);
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    private static ReceivedEvent awaitPosted(String paymentId) {
        return probe.await(e -> PaymentPosted.TYPE.equals(e.type())
                && paymentId.equals(e.as(PaymentPosted.class).paymentId().toString()), WAIT);
    }

    private static long postedCount(String paymentId) {
        return probe.received().stream().filter(e -> PaymentPosted.TYPE.equals(e.type())
                && paymentId.equals(e.as(PaymentPosted.class).paymentId().toString())).count();
    }

    @Test
    void given_a_payable_account_when_a_payment_is_posted_then_it_is_announced_once_to_billing() {
        Account account = openAccount();
        Map<String, Object> body = payment(account.accountNumber(), account.esiId(), "125.40");
        body.put("receivedAt", "2026-01-15T09:30:00-06:00");

        String id = Api.upstreamOnce().header("X-Correlation-Id", "portal-991").body(body).post("/payments")
                .then().statusCode(201)
                .header("Location", containsString("/payments/"))
                .body("status", equalTo("POSTED"))
                .body("appliedAccountNumber", equalTo(account.accountNumber()))
                .body("amount", equalTo(125.40f))
                .body("instrument.last4", equalTo("4242"))
                .body("source.type", equalTo("API"))
                .body("receivedOn", equalTo("2026-01-15"))
                .extract().path("id");

        ReceivedEvent event = awaitPosted(id);
        assertThat(event.key()).isEqualTo(account.esiId());
        assertThat(event.correlationId()).isEqualTo(UUID.nameUUIDFromBytes("portal-991".getBytes()).toString());
        PaymentPosted posted = event.as(PaymentPosted.class);
        assertThat(posted.accountNumber()).isEqualTo(account.accountNumber());
        assertThat(posted.esiId()).isEqualTo(account.esiId());
        assertThat(posted.amount()).isEqualByComparingTo("125.40");
        assertThat(posted.channel()).isEqualTo("CARD");
        assertThat(posted.externalReference()).isEqualTo(body.get("externalReference"));
        assertThat(posted.receivedAt()).isEqualTo(Instant.parse("2026-01-15T15:30:00Z"));
        assertThat(posted.postedAt()).isNotNull();
    }

    @Test
    void given_a_retried_request_with_the_same_key_then_one_payment_is_posted_and_announced_once() {
        Account account = openAccount();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = payment(account.accountNumber(), account.esiId(), "60.00");

        String first = Api.upstream().header("Idempotency-Key", key).body(body).post("/payments")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String second = Api.upstream().header("Idempotency-Key", key).body(body).post("/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);

        // a later payment on the same premise is published after the first on the same partition: once it has
        // arrived, every announcement of the first has too
        String marker = Api.upstreamOnce().body(payment(account.accountNumber(), account.esiId(), "1.00"))
                .post("/payments").then().statusCode(201).extract().path("id");
        awaitPosted(marker);
        assertThat(postedCount(first)).isEqualTo(1);
        List<String> ids = Api.operations().queryParam("accountNumber", account.accountNumber()).get("/payments")
                .then().statusCode(200).header("X-Total-Count", "2").extract().path("id");
        assertThat(ids).containsExactlyInAnyOrder(first, marker);
    }

    @Test
    void given_a_retried_request_then_the_repeat_answers_exactly_what_the_first_answered() {
        Account account = openAccount();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = payment(account.accountNumber(), account.esiId(), "42.17");

        Response first = Api.upstream().header("Idempotency-Key", key).body(body)
                .post("/payments");
        Response again = Api.upstream().header("Idempotency-Key", key).body(body)
                .post("/payments");

        first.then().statusCode(201).contentType("application/json").header("Idempotent-Replayed", nullValue());
        again.then().statusCode(201).contentType("application/json").header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.jsonPath().getString("status")).isEqualTo("POSTED");
        assertThat(first.jsonPath().getString("appliedAccountNumber")).isEqualTo(account.accountNumber());
    }

    @Test
    void given_the_same_key_with_a_changed_body_then_it_is_a_conflict_and_nothing_more_is_posted() {
        Account account = openAccount();
        String key = UUID.randomUUID().toString();
        Api.upstream().header("Idempotency-Key", key).body(payment(account.accountNumber(), null, "60.00"))
                .post("/payments").then().statusCode(201);
        Api.upstream().header("Idempotency-Key", key).body(payment(account.accountNumber(), null, "61.00"))
                .post("/payments").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:idempotency-key-reused"));
        Api.operations().queryParam("accountNumber", account.accountNumber()).get("/payments")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].amount", equalTo(60.00f));
    }

    @Test
    void given_only_an_esi_id_then_the_payment_posts_to_the_premise_account_and_names_it() {
        Account account = openAccount();
        String id = Api.upstreamOnce().body(payment(null, account.esiId(), "33.10")).post("/payments")
                .then().statusCode(201).body("status", equalTo("POSTED"))
                .body("accountNumber", nullValue())
                .body("appliedAccountNumber", equalTo(account.accountNumber())).extract().path("id");
        PaymentPosted posted = awaitPosted(id).as(PaymentPosted.class);
        assertThat(posted.accountNumber()).isEqualTo(account.accountNumber());
        assertThat(posted.esiId()).isEqualTo(account.esiId());
    }

    @Test
    void a_payment_is_looked_up_by_id_by_esi_id_and_by_received_date() {
        Account account = openAccount();
        Map<String, Object> body = payment(account.accountNumber(), account.esiId(), "10.00");
        body.put("receivedAt", "2025-06-02T12:00:00-05:00");
        String id = Api.upstreamOnce().body(body).post("/payments").then().statusCode(201).extract().path("id");

        Api.operations().get("/payments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("esiId", equalTo(account.esiId())).body("history.size()", equalTo(0));
        Api.operations().queryParam("esiId", account.esiId()).queryParam("from", "2025-06-02")
                .queryParam("to", "2025-06-02").get("/payments")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].id", equalTo(id));
        Api.operations().queryParam("esiId", account.esiId()).queryParam("from", "2025-06-03").get("/payments")
                .then().statusCode(200).header("X-Total-Count", "0");
        Api.operations().queryParam("from", "June").queryParam("size", "0").get("/payments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("size"));
        Api.operations().get("/payments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void payments_are_counted_by_status_on_the_status_endpoint() {
        Account account = openAccount();
        Api.upstreamOnce().body(payment(account.accountNumber(), null, "5.00")).post("/payments")
                .then().statusCode(201);
        Api.operations().get("/status").then().statusCode(200)
                .body("entities.paymentsByStatus.POSTED", greaterThanOrEqualTo(1))
                .body("entities.paymentsByStatus.REFUNDED", greaterThanOrEqualTo(0));
    }

    @Test
    void only_upstream_systems_post_payments() {
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment(newAccountNumber(), null, "5.00")).post("/payments")
                .then().statusCode(403);
    }
}
