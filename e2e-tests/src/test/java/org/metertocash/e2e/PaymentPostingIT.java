package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

/**
 * A payment taken by payment-service reduces the billing balance exactly once: the channel retries its request with
 * the same Idempotency-Key (one payment, one PaymentPosted), and Kafka delivers the event twice (billing's inbox
 * applies it once).
 */
@ExtendWith(RunningPlatform.class)
class PaymentPostingIT {

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    @Test
    void a_payment_reduces_the_balance_once_when_the_request_is_retried_and_the_event_redelivered() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(35);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);
        Scenario.postToGateway(tdsp.file(tdsp.monthlyUsage(esiId, "M1", start, start.plusDays(30),
                new BigDecimal("1000")))).then().statusCode(202);
        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", equalTo(163.03f));
        String accountNumber = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .get("/billing-accounts/" + esiId).then().extract().path("accountNumber");

        String key = UUID.randomUUID().toString();
        Map<String, Object> payment = Payments.card(accountNumber, "100.00");
        String paymentId = Payments.post(payment, key).then().statusCode(201).extract().path("id");
        // the channel did not see the answer and retries: the same payment, not a second one
        String again = Payments.post(payment, key).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(paymentId);

        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", equalTo(63.03f));
        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.PAYMENT);
                TestProducer producer = new TestProducer(bootstrap)) {
            ReceivedEvent posted = probe.awaitType(PaymentPosted.TYPE, esiId, Scenario.WAIT);
            assertThat(posted.as(PaymentPosted.class).paymentId().toString()).isEqualTo(paymentId);
            long duplicatesBefore = billingDuplicates();
            producer.send(Topics.PAYMENT, posted.key(), posted.value(), posted.headers()); // same ce_id
            await().atMost(Scenario.WAIT).until(() -> billingDuplicates() > duplicatesBefore);
            assertThat(probe.drain(Duration.ofSeconds(1))).filteredOn(e -> PaymentPosted.TYPE.equals(e.type())
                    && esiId.equals(e.subject())).hasSize(2); // ours and the redelivery, nothing else
        }
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                .body("balance", equalTo(63.03f));
        // one PAYMENT posting, sourced from the payment
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId + "/ledger")
                .then().statusCode(200).body("findAll { it.kind == 'PAYMENT' }.size()", equalTo(1))
                .body("find { it.kind == 'PAYMENT' }.balanceChange", equalTo(-100.0f));
    }

    private static long billingDuplicates() {
        return ((Number) RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/status").then()
                .statusCode(200).extract().path("inbox.duplicatesIgnored")).longValue();
    }
}
