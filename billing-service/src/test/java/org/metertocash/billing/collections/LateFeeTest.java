package org.metertocash.billing.collections;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.billing.collections.CollectionsFixtures.WAIT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.AccountNumber;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.LedgerFixtures;
import org.metertocash.billing.ledger.LedgerPosting;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.ledger.PostingKind;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Collections' late fees (LateFeeAssessed on dunning.events) are charged to the account's ledger once per fee id, as
 * a FEE posting the account's view shows; a fee billing cannot charge is kept with a work item and posts nothing.
 */
@QuarkusTest
class LateFeeTest {

    private static TestProducer producer;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private LateFeeAssessed fee(BillingAccount account, String amount, String pastDue) {
        return fee(account.accountNumber, account.esiId, amount, pastDue);
    }

    private LateFeeAssessed fee(String accountNumber, String esiId, String amount, String pastDue) {
        return new LateFeeAssessed(UUID.randomUUID(), accountNumber, esiId, new BigDecimal(amount),
                new BigDecimal(pastDue), LocalDate.now(clock));
    }

    private List<Posting> fees(String accountNumber) {
        return ledger.postings(accountNumber).stream().filter(p -> p.kind() == PostingKind.FEE).toList();
    }

    private Optional<Posting> feePosting(String accountNumber, UUID feeId) {
        return fees(accountNumber).stream().filter(p -> p.reference().equals(feeId.toString())).findFirst();
    }

    private static long postingsWithReference(UUID feeId) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerPosting.count("reference", feeId.toString()));
    }

    private static List<Map<String, Object>> openItems(UUID feeId) {
        return Api.operations().queryParam("type", LateFees.NOT_CHARGED).queryParam("status", "OPEN")
                .queryParam("limit", 1000).get("/exceptions").then().statusCode(200)
                .extract().path("findAll { it.reference == '" + feeId + "' }");
    }

    @Test
    void a_late_fee_is_charged_once_per_fee_id_and_shows_in_the_accounts_view() {
        BillingAccount account = CollectionsFixtures.postpayAccount();
        LateFeeAssessed fee = fee(account, "4.50", "90.00");
        UUID eventId = producer.publish(fee);
        producer.publish(fee, eventId); // the same event again
        producer.publish(fee);          // the same fee announced again under a new event id
        // a second fee of the same premise: same key, same partition, consumed after the repeats
        LateFeeAssessed later = fee(account, "2.00", "40.00");
        producer.publish(later);
        await().atMost(WAIT).until(() -> feePosting(account.accountNumber, later.feeId()).isPresent());

        List<Posting> fees = fees(account.accountNumber);
        assertThat(fees).hasSize(2);
        Posting charged = feePosting(account.accountNumber, fee.feeId()).orElseThrow();
        assertThat(charged.description()).isEqualTo("Late fee (16 TAC §25.480(c))");
        assertThat(charged.balanceChange()).isEqualByComparingTo("4.50");
        assertThat(charged.effectiveDate()).isEqualTo(LocalDate.now(clock));
        assertThat(charged.source()).isEqualTo(LateFeeAssessed.TYPE);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("6.50");

        Api.operations().config(RestAssured.config()
                .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/billing-accounts/" + account.esiId).then().statusCode(200)
                .body("balance", equalTo(new BigDecimal("6.50")))
                .body("ledgerPostings.description", hasItem("Late fee (16 TAC §25.480(c))"))
                .body("ledgerPostings.find { it.reference == '" + fee.feeId() + "' }.kind", equalTo("FEE"))
                .body("ledgerPostings.find { it.reference == '" + fee.feeId() + "' }.balanceChange",
                        equalTo(new BigDecimal("4.50")));
        assertThat(openItems(fee.feeId())).isEmpty();
    }

    @Test
    void a_fee_for_an_account_billing_does_not_have_posts_nothing_is_queued_and_a_retry_charges_it_once_it_exists() {
        String esiId = LedgerFixtures.newEsiId();
        String accountNumber = QuarkusTransaction.requiringNew().call(() -> AccountNumber.of(((Number) BillingAccount
                .getEntityManager().createNativeQuery("select nextval('billing_account_number_seq')")
                .getSingleResult()).longValue()));
        LateFeeAssessed fee = fee(accountNumber, esiId, "3.00", "60.00");
        producer.publish(fee);

        await().atMost(WAIT).until(() -> openItems(fee.feeId()).size() == 1);
        Map<String, Object> item = openItems(fee.feeId()).get(0);
        assertThat(item.get("esiId")).isEqualTo(esiId);
        assertThat(((Map<?, ?>) item.get("details")).get("reasonCode")).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(postingsWithReference(fee.feeId())).isZero();

        BillingAccount account = LedgerFixtures.openAccount(esiId, a -> a.accountNumber = accountNumber);
        Api.operations().body(Map.of("note", "account opened since")).post("/exceptions/" + item.get("id") + "/retry")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(feePosting(account.accountNumber, fee.feeId()).orElseThrow().balanceChange())
                .isEqualByComparingTo("3.00");
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("3.00");
    }

    @Test
    void a_fee_above_five_percent_of_the_past_due_balance_is_not_charged_and_five_percent_is() {
        BillingAccount account = CollectionsFixtures.postpayAccount();
        LateFeeAssessed tooMuch = fee(account, "5.01", "100.00");
        LateFeeAssessed atTheCap = fee(account, "5.00", "100.00");
        producer.publish(tooMuch);
        producer.publish(atTheCap);
        await().atMost(WAIT).until(() -> feePosting(account.accountNumber, atTheCap.feeId()).isPresent());

        assertThat(fees(account.accountNumber)).hasSize(1);
        assertThat(postingsWithReference(tooMuch.feeId())).isZero();
        List<Map<String, Object>> items = openItems(tooMuch.feeId());
        assertThat(items).hasSize(1);
        assertThat(((Map<?, ?>) items.get(0).get("details")).get("reasonCode")).isEqualTo("ABOVE_FIVE_PERCENT");
        assertThat((String) items.get(0).get("summary")).contains("16 TAC §25.480(c)").contains("5.00 on 100.00");
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("5.00");
    }
}
