package org.metertocash.payment.suspense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.newAccountNumber;
import static org.metertocash.payment.PaymentFixtures.newEsiId;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.PaymentFixtures.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SuspenseTest {

    private static TopicProbe probe;

    @Inject
    EntityManager em;

    @BeforeAll
    static void listen() {
        probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.PAYMENT);
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void given_an_unknown_account_the_payment_waits_in_suspense_until_an_analyst_applies_it() {
        String unknownNumber = newAccountNumber();
        String unknownEsiId = newEsiId();
        String id = Api.upstreamOnce().body(payment(unknownNumber, unknownEsiId, "80.25")).post("/payments")
                .then().statusCode(201)
                .body("status", equalTo("UNAPPLIED"))
                .body("unappliedReason", equalTo("NO_ACCOUNT"))
                .body("appliedAccountNumber", equalTo(null))
                .extract().path("id");
        assertThat(announcements(id)).isZero();
        Map<String, Object> item = openItem(id);
        assertThat(item).containsEntry("esiId", unknownEsiId);
        assertThat(((Map<?, ?>) item.get("details")).get("reasonCode")).isEqualTo("NO_ACCOUNT");
        List<String> waiting = Api.operations().queryParam("size", 1000).get("/suspense").then().statusCode(200)
                .extract().path("payments.id");
        assertThat(waiting).contains(id);

        Account right = openAccount();
        String key = UUID.randomUUID().toString();
        Map<String, String> apply = Map.of("accountNumber", right.accountNumber(), "note", "stub shows a typo");
        Api.operations().header("Idempotency-Key", key).body(apply).post("/suspense/" + id + "/apply")
                .then().statusCode(200)
                .body("status", equalTo("APPLIED_FROM_SUSPENSE"))
                .body("appliedAccountNumber", equalTo(right.accountNumber()))
                .body("accountNumber", equalTo(unknownNumber))
                .body("history.size()", equalTo(1))
                .body("history[0].action", equalTo("APPLY"))
                .body("history[0].actor", equalTo("ops"))
                .body("history[0].note", equalTo("stub shows a typo"))
                .body("history[0].fromStatus", equalTo("UNAPPLIED"));

        PaymentPosted posted = probe.await(e -> PaymentPosted.TYPE.equals(e.type())
                && id.equals(e.as(PaymentPosted.class).paymentId().toString()), WAIT).as(PaymentPosted.class);
        assertThat(posted.accountNumber()).isEqualTo(right.accountNumber());
        assertThat(posted.esiId()).isEqualTo(right.esiId());
        assertThat(posted.amount()).isEqualByComparingTo("80.25");

        // the same call retried, and the same application asked for again under a new key: nothing more happens
        Api.operations().header("Idempotency-Key", key).body(apply).post("/suspense/" + id + "/apply")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(apply)
                .post("/suspense/" + id + "/apply").then().statusCode(200).body("history.size()", equalTo(1));
        assertThat(announcements(id)).isEqualTo(1);
        assertThat(openItems(id)).isEmpty();

        // applied money cannot be refunded from suspense, nor applied elsewhere
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "oops"))
                .post("/suspense/" + id + "/refund").then().statusCode(409).contentType("application/problem+json");
        Account other = openAccount();
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", other.accountNumber(), "note", "elsewhere"))
                .post("/suspense/" + id + "/apply").then().statusCode(409);
    }

    @Test
    void given_unapplied_cash_an_analyst_refunds_it_and_it_is_never_announced() {
        String id = Api.upstreamOnce().body(payment(null, newEsiId(), "19.99")).post("/payments")
                .then().statusCode(201).body("status", equalTo("UNAPPLIED")).extract().path("id");
        Map<String, String> refund = Map.of("note", "customer moved away, check mailed back");
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(refund)
                .post("/suspense/" + id + "/refund").then().statusCode(200)
                .body("status", equalTo("REFUNDED"))
                .body("history[0].action", equalTo("REFUND"))
                .body("history[0].actor", equalTo("ops"))
                .body("history[0].note", equalTo("customer moved away, check mailed back"));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(refund)
                .post("/suspense/" + id + "/refund").then().statusCode(200).body("history.size()", equalTo(1));
        assertThat(announcements(id)).isZero();
        assertThat(openItems(id)).isEmpty();
        List<String> waiting = Api.operations().queryParam("size", 1000).get("/suspense").then().statusCode(200)
                .extract().path("payments.id");
        assertThat(waiting).doesNotContain(id);

        Account account = openAccount();
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", account.accountNumber(), "note", "late"))
                .post("/suspense/" + id + "/apply").then().statusCode(409);
    }

    @Test
    void an_application_needs_a_payable_account_and_a_note() {
        String id = Api.upstreamOnce().body(payment(newAccountNumber(), null, "5.00")).post("/payments")
                .then().statusCode(201).body("status", equalTo("UNAPPLIED")).extract().path("id");
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", newAccountNumber(), "note", "guess"))
                .post("/suspense/" + id + "/apply").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("accountNumber"))
                .body("errors[0].reason", equalTo("is not a payable account"));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", openAccount().accountNumber()))
                .post("/suspense/" + id + "/apply").then().statusCode(400).body("errors.field", hasItem("note"));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "x"))
                .post("/suspense/" + UUID.randomUUID() + "/refund").then().statusCode(404);
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "x"))
                .post("/suspense/" + id + "/refund").then().statusCode(403);
    }

    @Test
    void given_a_payment_that_arrived_before_its_account_a_retry_of_its_work_item_posts_it() {
        String accountNumber = newAccountNumber();
        String esiId = newEsiId();
        String id = Api.upstreamOnce().body(payment(accountNumber, esiId, "42.00")).post("/payments")
                .then().statusCode(201).body("status", equalTo("UNAPPLIED")).extract().path("id");
        String itemId = (String) openItem(id).get("id");
        Api.operations().body(Map.of("note", "not yet")).post("/exceptions/" + itemId + "/retry").then()
                .statusCode(200).body("status", equalTo("OPEN"));

        openAccount(accountNumber, esiId);
        Api.operations().body(Map.of("note", "billing has opened it")).post("/exceptions/" + itemId + "/retry")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        Api.operations().get("/payments/" + id).then().statusCode(200)
                .body("status", equalTo("APPLIED_FROM_SUSPENSE"))
                .body("appliedAccountNumber", equalTo(accountNumber))
                .body("history[0].actor", equalTo("ops"));
        probe.await(e -> PaymentPosted.TYPE.equals(e.type())
                && id.equals(e.as(PaymentPosted.class).paymentId().toString()), WAIT);
    }

    /** PaymentPosted rows written to the outbox for a payment: what is, or will be, published. */
    private long announcements(String paymentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox_event
                where event_type = ?1 and position(?2 in convert_from(payload, 'UTF8')) > 0""")
                .setParameter(1, PaymentPosted.TYPE).setParameter(2, paymentId).getSingleResult()).longValue());
    }

    private static List<Map<String, Object>> openItems(String paymentId) {
        return Api.operations().queryParam("type", "UNAPPLIED_CASH").queryParam("limit", 1000).get("/exceptions")
                .then().statusCode(200).extract().path("findAll { it.reference == '" + paymentId + "' }");
    }

    private static Map<String, Object> openItem(String paymentId) {
        List<Map<String, Object>> items = openItems(paymentId);
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
