package org.metertocash.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.billing.ledger.LedgerFixtures.newEsiId;
import static org.metertocash.billing.ledger.LedgerFixtures.openAccount;
import static org.metertocash.billing.ledger.LedgerFixtures.operations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PaymentEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestProducer producer;

    @Inject
    Ledger ledger;

    @ConfigProperty(name = "billing.ledger.returned-payment-fee")
    BigDecimal returnedPaymentFee;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static PaymentPosted payment(String accountNumber, String esiId, String amount) {
        Instant now = Instant.now();
        return new PaymentPosted(UUID.randomUUID(), accountNumber, esiId, new BigDecimal(amount), "CARD",
                "AUTH-" + now.toEpochMilli(), now.minusSeconds(60), now);
    }

    private static PaymentReturned returnOf(PaymentPosted payment, String reasonCode) {
        return new PaymentReturned(UUID.randomUUID(), payment.paymentId(), payment.accountNumber(), payment.esiId(),
                payment.amount(), reasonCode, "Insufficient funds", Instant.now());
    }

    private void awaitApplied(UUID paymentId) {
        await().atMost(WAIT).until(() -> ledger.paymentPosting(paymentId).isPresent());
    }

    private static List<Map<String, Object>> openItems(String type, String reference) {
        return Api.operations().queryParam("type", type).queryParam("limit", 1000).get("/exceptions").then()
                .statusCode(200).extract().path("findAll { it.reference == '" + reference + "' }");
    }

    @Test
    void a_payment_is_applied_once_however_often_it_is_delivered_or_announced() {
        BillingAccount account = openAccount(newEsiId());
        ledger.charge(account.accountNumber, new BigDecimal("200.00"), "bill-1", "Bill for May");
        PaymentPosted payment = payment(account.accountNumber, account.esiId, "75.00");

        UUID eventId = producer.publish(payment);
        producer.publish(payment, eventId); // redelivery of the same event
        producer.publish(payment);          // the same payment announced again under a new event id
        // a later payment on the same premise (same partition): once it is applied, the three above were handled
        PaymentPosted marker = payment(account.accountNumber, account.esiId, "10.00");
        producer.publish(marker);
        awaitApplied(marker.paymentId());

        List<Posting> payments = ledger.postings(account.accountNumber).stream()
                .filter(p -> p.kind() == PostingKind.PAYMENT).toList();
        assertThat(payments).extracting(Posting::reference)
                .containsExactlyInAnyOrder(payment.paymentId().toString(), marker.paymentId().toString());
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(
                new BigDecimal("200.00").subtract(payment.amount()).subtract(marker.amount()));
        Posting applied = ledger.paymentPosting(payment.paymentId()).orElseThrow();
        assertThat(applied.source()).isEqualTo(PaymentPosted.TYPE);
        assertThat(applied.sourceId()).isEqualTo(eventId.toString());
        assertThat(applied.entries()).containsExactlyInAnyOrder(
                new Posting.Entry(LedgerAccount.CASH_CLEARING, new BigDecimal("75.00"), new BigDecimal("0.00")),
                new Posting.Entry(LedgerAccount.RECEIVABLE, new BigDecimal("0.00"), new BigDecimal("75.00")));
    }

    @Test
    void a_payment_without_a_matching_account_number_is_matched_by_esi_id() {
        BillingAccount account = openAccount(newEsiId());
        PaymentPosted noNumber = payment(null, account.esiId, "12.34");
        PaymentPosted mistyped = payment("1000000017", account.esiId, "5.66"); // fails the check digit
        producer.publish(noNumber);
        producer.publish(mistyped);
        awaitApplied(mistyped.paymentId());
        awaitApplied(noNumber.paymentId());
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(new BigDecimal("-18.00"));

        // the account number wins over the ESI ID when both name an account
        BillingAccount other = openAccount(newEsiId());
        PaymentPosted byNumber = payment(other.accountNumber, account.esiId, "1.00");
        producer.publish(byNumber);
        awaitApplied(byNumber.paymentId());
        assertThat(ledger.paymentPosting(byNumber.paymentId()).orElseThrow().accountNumber())
                .isEqualTo(other.accountNumber);
    }

    @Test
    void a_returned_payment_is_reversed_and_the_returned_payment_fee_charged_once() {
        BillingAccount account = openAccount(newEsiId());
        ledger.charge(account.accountNumber, new BigDecimal("150.00"), "bill-1", "Bill for May");
        PaymentPosted payment = payment(account.accountNumber, account.esiId, "150.00");
        producer.publish(payment);
        awaitApplied(payment.paymentId());
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(BigDecimal.ZERO);

        PaymentReturned returned = returnOf(payment, "R01");
        UUID eventId = producer.publish(returned);
        producer.publish(returned, eventId);
        producer.publish(returned);
        PaymentPosted marker = payment(account.accountNumber, account.esiId, "1.00");
        producer.publish(marker);
        awaitApplied(marker.paymentId());

        Posting paid = ledger.paymentPosting(payment.paymentId()).orElseThrow();
        List<Posting> postings = ledger.postings(account.accountNumber);
        List<Posting> returns = postings.stream().filter(p -> p.kind() == PostingKind.PAYMENT_RETURN).toList();
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).reverses()).isEqualTo(paid.id());
        assertThat(returns.get(0).reasonCode()).isEqualTo("R01");
        assertThat(returns.get(0).balanceChange()).isEqualByComparingTo(payment.amount());
        List<Posting> fees = postings.stream().filter(p -> p.kind() == PostingKind.FEE).toList();
        assertThat(fees).hasSize(returnedPaymentFee.signum() > 0 ? 1 : 0);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(
                payment.amount().add(returnedPaymentFee.max(BigDecimal.ZERO)).subtract(marker.amount()));
    }

    @Test
    void a_payment_matching_no_account_is_queued_posts_nothing_and_is_applied_by_a_retry_once_its_account_exists() {
        String esiId = newEsiId();
        PaymentPosted payment = payment("9999999999", esiId, "42.00");
        producer.publish(payment);
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                payment.paymentId().toString()).size() == 1);
        Map<String, Object> item = openItems(PaymentApplications.UNAPPLIED_PAYMENT, payment.paymentId().toString())
                .get(0);
        assertThat(item.get("esiId")).isEqualTo(esiId);
        assertThat(((Map<?, ?>) item.get("details")).get("reasonCode")).isEqualTo("NO_ACCOUNT");
        assertThat(ledger.paymentPosting(payment.paymentId())).isEmpty();

        // announced again while still unmatched: still one open item, still nothing posted
        producer.publish(payment);
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/exceptions/" + item.get("id")).then()
                .body("occurrences", equalTo(2)));
        assertThat(ledger.paymentPosting(payment.paymentId())).isEmpty();

        BillingAccount account = openAccount(esiId);
        Api.operations().body(Map.of("note", "account opened since")).post("/exceptions/" + item.get("id") + "/retry")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(ledger.paymentPosting(payment.paymentId()).orElseThrow().accountNumber())
                .isEqualTo(account.accountNumber);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(new BigDecimal("-42.00"));
    }

    @Test
    void a_premise_with_several_accounts_is_not_guessed_and_a_payment_naming_the_account_is_applied() {
        String esiId = newEsiId();
        openAccount(esiId);
        BillingAccount later = openAccount(esiId);
        PaymentPosted payment = payment(null, esiId, "60.00");
        producer.publish(payment);
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                payment.paymentId().toString()).size() == 1);
        assertThat(((Map<?, ?>) openItems(PaymentApplications.UNAPPLIED_PAYMENT, payment.paymentId().toString())
                .get(0).get("details")).get("reasonCode")).isEqualTo("SEVERAL_ACCOUNTS");

        // an analyst applies the unapplied cash in payment-service: announced again naming the account
        producer.publish(new PaymentPosted(payment.paymentId(), later.accountNumber, esiId, payment.amount(),
                payment.channel(), payment.externalReference(), payment.receivedAt(), Instant.now()));
        awaitApplied(payment.paymentId());
        assertThat(ledger.balance(later.accountNumber)).isEqualByComparingTo(new BigDecimal("-60.00"));
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                payment.paymentId().toString()).isEmpty());
    }

    @Test
    void a_payment_with_an_amount_that_cannot_be_posted_is_queued_not_dropped() {
        BillingAccount account = openAccount(newEsiId());
        PaymentPosted fractional = payment(account.accountNumber, account.esiId, "10.005");
        PaymentPosted negative = payment(account.accountNumber, account.esiId, "-5.00");
        producer.publish(fractional);
        producer.publish(negative);
        for (PaymentPosted bad : List.of(fractional, negative)) {
            await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                    bad.paymentId().toString()).size() == 1);
            assertThat(((Map<?, ?>) openItems(PaymentApplications.UNAPPLIED_PAYMENT, bad.paymentId().toString())
                    .get(0).get("details")).get("reasonCode")).isEqualTo("INVALID_AMOUNT");
        }
        assertThat(ledger.postings(account.accountNumber)).isEmpty();
    }

    @Test
    void a_return_of_a_payment_billing_never_received_is_queued_and_the_late_payment_is_not_applied() {
        BillingAccount account = openAccount(newEsiId());
        PaymentPosted payment = payment(account.accountNumber, account.esiId, "33.00");
        producer.publish(returnOf(payment, "R02"));
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNMATCHED_PAYMENT_RETURN,
                payment.paymentId().toString()).size() == 1);
        producer.publish(payment);
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNMATCHED_PAYMENT_RETURN,
                payment.paymentId().toString()).isEmpty());
        assertThat(ledger.paymentPosting(payment.paymentId())).isEmpty();
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void an_unapplied_payment_that_comes_back_closes_its_work_item_and_is_never_applied() {
        String esiId = newEsiId();
        PaymentPosted payment = payment(null, esiId, "19.00");
        producer.publish(payment);
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                payment.paymentId().toString()).size() == 1);
        producer.publish(returnOf(payment, "R03"));
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.UNAPPLIED_PAYMENT,
                payment.paymentId().toString()).isEmpty());

        // its account turns up and the payment is announced again: the money is gone, nothing is applied
        BillingAccount account = openAccount(esiId);
        producer.publish(payment);
        PaymentPosted marker = payment(account.accountNumber, esiId, "1.00");
        producer.publish(marker);
        awaitApplied(marker.paymentId());
        assertThat(ledger.paymentPosting(payment.paymentId())).isEmpty();
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(marker.amount().negate());
        Api.operations().get("/status").then().statusCode(200)
                .body("entities.paymentsByStatus.RETURNED", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("entities.paymentsByStatus.APPLIED", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void a_return_for_a_different_amount_reverses_the_payment_in_full_and_is_queued_for_a_look() {
        BillingAccount account = openAccount(newEsiId());
        PaymentPosted payment = payment(account.accountNumber, account.esiId, "80.00");
        producer.publish(payment);
        awaitApplied(payment.paymentId());
        producer.publish(new PaymentReturned(UUID.randomUUID(), payment.paymentId(), account.accountNumber,
                account.esiId, new BigDecimal("8.00"), "R01", null, Instant.now()));
        await().atMost(WAIT).until(() -> openItems(PaymentApplications.PAYMENT_RETURN_MISMATCH,
                payment.paymentId().toString()).size() == 1);
        Posting returned = ledger.postings(account.accountNumber).stream()
                .filter(p -> p.kind() == PostingKind.PAYMENT_RETURN).findFirst().orElseThrow();
        assertThat(returned.balanceChange()).isEqualByComparingTo(payment.amount());
    }

    @Test
    void a_payment_without_a_payment_id_is_dead_lettered() {
        String esiId = newEsiId();
        producer.send(Topics.PAYMENT, esiId, ("{\"esiId\":\"" + esiId + "\",\"amount\":10.00}")
                .getBytes(StandardCharsets.UTF_8), Map.of(CloudEvents.ID, UUID.randomUUID().toString(),
                        CloudEvents.TYPE, PaymentPosted.TYPE));
        await().atMost(WAIT).untilAsserted(() -> Api.operations().queryParam("type", "DEAD_LETTER")
                .queryParam("esiId", esiId).get("/exceptions").then().body("$", hasSize(1)));
        assertThat(operations().get("/dead-letters").then().extract().<List<String>> path(
                "findAll { it.key == '" + esiId + "' }.reason")).singleElement().asString().contains("paymentId");
    }
}
