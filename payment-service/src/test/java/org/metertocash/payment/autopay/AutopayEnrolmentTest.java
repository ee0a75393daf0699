package org.metertocash.payment.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.autopay.AutopayScenario.enrolment;
import static org.metertocash.payment.autopay.AutopayScenario.newBankAccount;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AutopayEnrolmentTest {

    @Inject
    Mandates mandates;

    @Test
    void given_a_routing_number_with_a_wrong_check_digit_then_400_names_the_field_and_nothing_is_enrolled() {
        Account account = openAccount();
        String bankAccount = newBankAccount();

        Response response = Api.upstreamOnce()
                .body(enrolment(account.accountNumber(), "111000026", bankAccount, "CHECKING", null)).post("/autopay");

        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:validation"))
                .body("errors.field", contains("routingNumber"))
                .body("errors[0].reason", equalTo("is not an ABA routing number: it has a wrong check digit (expected 5)"));
        assertThat(response.asString()).doesNotContain(bankAccount);
        Api.operations().get("/autopay/" + account.accountNumber()).then().statusCode(404);
    }

    @Test
    void given_bad_fields_then_each_is_named_without_repeating_what_was_sent() {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        Map<String, Object> body = enrolment(account.accountNumber(), "12345", "12-3", "BROKERAGE", 16);
        body.put("accountNumber", "0000000001");
        body.put("cardNumber", bankAccount);

        Response response = Api.upstreamOnce().body(body).post("/autopay");

        response.then().statusCode(400).body("errors.field", contains("accountNumber", "accountType",
                "bankAccountNumber", "cardNumber", "daysBeforeDue", "routingNumber"));
        assertThat(response.asString()).doesNotContain(bankAccount);
    }

    @Test
    void given_an_enrolment_then_the_account_number_is_encrypted_at_rest_and_only_its_last_four_show_in_answers_and_logs() {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        String last4 = bankAccount.substring(bankAccount.length() - 4);
        String key = UUID.randomUUID().toString();
        try (CapturedLog log = new CapturedLog()) {
            Response created = Api.upstream().header("Idempotency-Key", key)
                    .body(enrolment(account.accountNumber(), "113000023", bankAccount, "SAVINGS", 3)).post("/autopay");
            Response replayed = Api.upstream().header("Idempotency-Key", key)
                    .body(enrolment(account.accountNumber(), "113000023", bankAccount, "SAVINGS", 3)).post("/autopay");
            Response read = Api.operations().get("/autopay/" + account.accountNumber());

            created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/autopay/"
                    + account.accountNumber()))
                    .body("status", equalTo("ACTIVE")).body("bankAccount", equalTo("****" + last4))
                    .body("bankAccountLast4", equalTo(last4)).body("routingNumber", equalTo("113000023"))
                    .body("accountType", equalTo("SAVINGS")).body("daysBeforeDue", equalTo(3))
                    .body("esiId", equalTo(account.esiId())).body("history.event", contains("ENROLLED"));
            replayed.then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(created.path("id")));
            read.then().statusCode(200).body("id", equalTo(created.path("id")))
                    .body("bankAccount", equalTo("****" + last4));
            for (Response answer : new Response[] { created, replayed, read }) {
                assertThat(answer.asString()).doesNotContain(bankAccount).doesNotContain(bankAccount.substring(2));
            }

            UUID id = UUID.fromString(created.path("id"));
            String stored = QuarkusTransaction.requiringNew().call(() -> Mandate.<Mandate> findById(id).bankAccountEncrypted);
            assertThat(stored).startsWith("v1:").doesNotContain(bankAccount);
            assertThat(QuarkusTransaction.requiringNew().call(() -> mandates.bankAccount(Mandate.findById(id)).reveal()))
                    .isEqualTo(bankAccount);

            assertThat(log.messages()).as("the enrolment is logged, masked")
                    .anyMatch(m -> m.contains(id.toString()) && m.contains("****" + last4));
            assertThat(log.messages()).noneMatch(m -> m.contains(bankAccount));
        }
    }

    @Test
    void given_a_mandate_when_enrolled_again_then_the_new_one_replaces_it_and_cancelling_leaves_it_cancelled() {
        Account account = openAccount();
        String first = Api.upstreamOnce().body(enrolment(account.accountNumber(), "113000023", newBankAccount(),
                "CHECKING", null)).post("/autopay").then().statusCode(201).body("daysBeforeDue", equalTo(1))
                .extract().path("id");
        String second = Api.upstreamOnce().body(enrolment(account.accountNumber(), "071000013", newBankAccount(),
                "CHECKING", 0)).post("/autopay").then().statusCode(201).extract().path("id");

        Api.operations().get("/autopay/" + account.accountNumber()).then().statusCode(200).body("id", equalTo(second))
                .body("history.detail", hasItem(org.hamcrest.Matchers.containsString("replaces mandate " + first)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Mandate.<Mandate> findById(UUID.fromString(first)).status))
                .isEqualTo(Mandate.Status.CANCELLED);

        Api.upstream().delete("/autopay/" + account.accountNumber()).then().statusCode(200)
                .body("id", equalTo(second)).body("status", equalTo("CANCELLED"))
                .body("history.event", contains("ENROLLED", "CANCELLED"));
        Api.upstream().delete("/autopay/" + account.accountNumber()).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("history.event", contains("ENROLLED", "CANCELLED"));
        Api.upstream().delete("/autopay/" + openAccount().accountNumber()).then().statusCode(404);

        Api.operations().get("/status").then().statusCode(200).body("database.reachable", equalTo(true))
                .body("entities.autopayMandates.CANCELLED", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }
}
