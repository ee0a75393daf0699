package org.metertocash.billing.collections;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.billing.collections.CollectionsFixtures.WAIT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.LedgerFixtures;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.ledger.PostingKind;
import org.metertocash.billing.bill.Bill;
import org.metertocash.billing.bill.BillRun;
import org.metertocash.billing.prepay.PrepayRun;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * A pre-pay customer designated critical care or chronic condition is moved to a postpaid product without a fee
 * (16 TAC §25.498) when collections asks (PrepayConversionRequested on dunning.events): the account's billing type and
 * product change once, the pre-pay job stops charging it, nothing is posted, and the change is kept with who, why and
 * when; anything else is left as it is.
 */
@QuarkusTest
class PrepayConversionTest {

    private static TestProducer producer;

    @Inject
    Ledger ledger;

    @Inject
    PrepayRun prepayRun;

    @Inject
    BillRun billRun;

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

    private static RequestSpecification ops() {
        return Api.operations().config(RestAssured.config()
                .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private PrepayConversionRequested conversion(BillingAccount account, String designation) {
        return new PrepayConversionRequested(account.accountNumber, account.esiId, designation, LocalDate.now(clock));
    }

    private static BillingAccount reload(BillingAccount account) {
        return QuarkusTransaction.requiringNew().call(() -> BillingAccount.findById(account.accountNumber));
    }

    /**
     * A late fee on the premise, published after everything else for it (same key, same partition): once it is on
     * the ledger, every earlier dunning event of the premise has been consumed.
     */
    private void awaitConsumedUpTo(BillingAccount account) {
        LateFeeAssessed marker = new LateFeeAssessed(UUID.randomUUID(), account.accountNumber, account.esiId,
                new BigDecimal("1.00"), new BigDecimal("20.00"), LocalDate.now(clock));
        producer.publish(marker);
        await().atMost(WAIT).until(() -> ledger.postings(account.accountNumber).stream()
                .anyMatch(p -> p.reference().equals(marker.feeId().toString())));
    }

    private static List<Map<String, Object>> openItems(String type, String esiId) {
        return Api.operations().queryParam("type", type).queryParam("esiId", esiId).queryParam("status", "OPEN")
                .get("/exceptions").then().statusCode(200).extract().path("$");
    }

    @Test
    void a_prepay_account_designated_critical_care_moves_to_the_postpaid_product_once_without_a_fee() {
        BillingAccount account = CollectionsFixtures.prepayAccount();
        Instant now = Instant.now();
        PaymentPosted prepayment = new PaymentPosted(UUID.randomUUID(), account.accountNumber, account.esiId,
                new BigDecimal("40.00"), "CARD", "AUTH-" + now.toEpochMilli(), now.minusSeconds(60), now);
        producer.publish(prepayment);
        await().atMost(WAIT).until(() -> ledger.paymentPosting(prepayment.paymentId()).isPresent());

        PrepayConversionRequested request = conversion(account, "CRITICAL_CARE");
        UUID eventId = producer.publish(request);
        producer.publish(request, eventId); // the same event again
        producer.publish(request);          // the same request under a new event id
        await().atMost(WAIT).until(() -> reload(account).billingType == BillingType.POSTPAY);
        awaitConsumedUpTo(account);

        LocalDate today = LocalDate.now(clock);
        ops().get("/billing-accounts/" + account.esiId).then().statusCode(200)
                .body("billingType", equalTo("POSTPAY"))
                .body("productCode", equalTo(CollectionsFixtures.POSTPAID));
        // no fee for the move (§25.498): the only postings are the prepayment and the marker fee
        List<Posting> postings = ledger.postings(account.accountNumber);
        assertThat(postings).extracting(Posting::kind).containsExactlyInAnyOrder(PostingKind.PAYMENT, PostingKind.FEE);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("-39.00");

        ops().get("/billing-accounts/" + account.esiId + "/billing-type-changes").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].accountNumber", equalTo(account.accountNumber))
                .body("[0].fromBillingType", equalTo("PREPAY")).body("[0].toBillingType", equalTo("POSTPAY"))
                .body("[0].fromProduct", equalTo(CollectionsFixtures.PREPAID))
                .body("[0].toProduct", equalTo(CollectionsFixtures.POSTPAID))
                .body("[0].postpaidFrom", equalTo(today.plusDays(1).toString()))
                .body("[0].prepaidBalance", equalTo(new BigDecimal("40.00")))
                .body("[0].designation", equalTo("CRITICAL_CARE"))
                .body("[0].reason", containsString("16 TAC §25.498"))
                .body("[0].actor", equalTo("system"))
                .body("[0].source", equalTo(PrepayConversionRequested.TYPE))
                .body("[0].sourceId", equalTo(eventId.toString()));
        assertThat(openItems(PrepayConversions.NO_PRODUCT, account.esiId)).isEmpty();
    }

    @Test
    void the_prepay_job_no_longer_charges_a_converted_account() {
        BillingAccount account = CollectionsFixtures.prepayAccount();
        producer.publish(conversion(account, "CHRONIC_CONDITION"));
        await().atMost(WAIT).until(() -> reload(account).billingType == BillingType.POSTPAY);

        // three days of usage from the account's start, which the pre-pay job would charge day by day
        producer.publish(new UsageReported(account.esiId, "M100", "ORIGINAL", "CONV-" + account.esiId, null,
                CollectionsFixtures.MAY_1, CollectionsFixtures.MAY_1.plusDays(3), "ACTUAL", false,
                new BigDecimal("144"), null, null, null, List.of(), UUID.randomUUID()));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MeterRead.count("esiId", account.esiId)) == 1);

        PrepayRun.Outcome run = prepayRun.run(LocalDate.now(clock));
        assertThat(ledger.postings(account.accountNumber)).noneMatch(p -> p.reference().startsWith("prepay:"));
        assertThat(run.failed()).isZero();
        assertThat(openItems("PREPAY_NO_PRODUCT", account.esiId)).isEmpty();

        // nor does the bill run bill it: the read began before the first post-pay day, it belongs to pre-pay
        billRun.run(LocalDate.now(clock));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Bill.count("accountNumber", account.accountNumber)))
                .isZero();
        assertThat(ledger.postings(account.accountNumber)).isEmpty();
    }

    @Test
    void a_conversion_for_an_account_billing_does_not_have_changes_nothing_and_is_queued() {
        String esiId = LedgerFixtures.newEsiId();
        PrepayConversionRequested request = new PrepayConversionRequested("9999999999", esiId, "CRITICAL_CARE",
                LocalDate.now(clock));
        producer.publish(request);

        await().atMost(WAIT).until(() -> openItems(PrepayConversions.NOT_CONVERTED, esiId).size() == 1);
        Map<String, Object> item = openItems(PrepayConversions.NOT_CONVERTED, esiId).get(0);
        assertThat(item.get("reference")).isEqualTo("9999999999");
        assertThat(((Map<?, ?>) item.get("details")).get("reasonCode")).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(QuarkusTransaction.requiringNew().call(() -> BillingTypeChange.count("esiId", esiId))).isZero();
    }

    @Test
    void a_postpaid_account_is_left_as_it_is() {
        BillingAccount account = CollectionsFixtures.postpayAccount();
        producer.publish(conversion(account, "CRITICAL_CARE"));
        awaitConsumedUpTo(account);

        BillingAccount after = reload(account);
        assertThat(after.billingType).isEqualTo(BillingType.POSTPAY);
        assertThat(after.productCode).isEqualTo(account.productCode);
        assertThat(after.version).isEqualTo(account.version);
        ops().get("/billing-accounts/" + account.esiId + "/billing-type-changes").then().statusCode(200)
                .body("$", hasSize(0));
        assertThat(openItems(PrepayConversions.NOT_CONVERTED, account.esiId)).isEmpty();
    }

    @Test
    void without_a_postpaid_product_for_the_premises_utility_the_account_still_moves_and_the_product_is_queued() {
        CollectionsFixtures.products();
        BillingAccount account = LedgerFixtures.openAccount(LedgerFixtures.newEsiId(), a -> {
            a.productCode = CollectionsFixtures.PREPAID;
            a.billingType = BillingType.PREPAY;
            a.tdsp = "TNMP";
            a.startDate = CollectionsFixtures.MAY_1;
        });
        producer.publish(conversion(account, "CHRONIC_CONDITION"));
        await().atMost(WAIT).until(() -> reload(account).billingType == BillingType.POSTPAY);

        assertThat(reload(account).productCode).isEqualTo(CollectionsFixtures.PREPAID);
        List<Map<String, Object>> items = openItems(PrepayConversions.NO_PRODUCT, account.esiId);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("reference")).isEqualTo(account.accountNumber);
        assertThat((String) items.get(0).get("summary")).contains(CollectionsFixtures.POSTPAID)
                .contains("priced for " + CollectionsFixtures.TDU).contains("TNMP");
        ops().get("/billing-accounts/" + account.esiId + "/billing-type-changes").then()
                .body("[0].toBillingType", equalTo("POSTPAY"))
                .body("[0].toProduct", equalTo(CollectionsFixtures.PREPAID));
    }
}
