package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.market.TdspFiles.MeterUsage;
import org.metertocash.testkit.platform.PlatformService;

/**
 * Billing through the running platform, the cases operations meet every day: a high-usage bill held for review and
 * approved, restated usage cancelling a posted bill and rebilling it, and a pre-pay account charged daily through
 * both balance thresholds and brought back by a payment taken by payment-service.
 * <p>
 * Every amount is worked by hand from the product (FIXED-12: 10.0¢/kWh and $5.00 base; PREPAY-10: 10.0¢/kWh), the
 * Oncor tariff seeded on 2023-09-01 ($4.23 a month, 5.0339¢/kWh) and Dallas's taxes on the charges (gross receipts
 * reimbursement 1.997 %, PUC assessment 0.1667 %), each line rounded half-up to the cent.
 */
@ExtendWith(RunningPlatform.class)
class BillingLifecycleIT {

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    @Test
    void a_high_usage_bill_is_held_for_review_and_posts_when_approved() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(65);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);

        // the first month, 1000 kWh (33.3 kWh a day), posts by itself: 163.03 (see PostPayBillIT)
        Scenario.postToGateway(tdsp.file(tdsp.monthlyUsage(esiId, "M1", start, start.plusDays(30),
                new BigDecimal("1000")))).then().statusCode(202);
        Scenario.awaitValue(PlatformService.BILLING, "/bills?esiId=" + esiId, "[0].status", equalTo("POSTED"));

        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.BILLING)) {
            // the second month, 3000 kWh: 100 kWh a day is +200 % on the history, beyond the +70 % of its band
            Scenario.postToGateway(tdsp.file(tdsp.monthlyUsage(esiId, "M1", start.plusDays(30), start.plusDays(60),
                    new BigDecimal("3000")))).then().statusCode(202);
            Scenario.awaitValue(PlatformService.BILLING, "/bills?esiId=" + esiId, "[0].status",
                    equalTo("HELD_FOR_REVIEW"));
            Map<String, Object> held = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                    .queryParam("esiId", esiId).get("/bills").then().statusCode(200).extract().path("[0]");
            String billId = (String) held.get("id");
            assertThat(held.get("failedRules")).asList().containsExactly("HIGH_USAGE");
            // energy 300.00, base 5.00, Oncor 4.23 + 3000 × 5.0339¢ = 151.02 → 460.25; taxes 9.19 + 0.77 → 470.21
            assertThat(held.get("amountDue")).isEqualTo(470.21f);
            Scenario.awaitValue(PlatformService.BILLING, "/exceptions?type=BILL_REVIEW&esiId=" + esiId, "reference",
                    hasItem(billId));
            // held: nothing charged, nothing announced
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                    .body("balance", equalTo(163.03f));
            assertThat(probe.drain(Duration.ofSeconds(1))).filteredOn(e -> BillPosted.TYPE.equals(e.type()))
                    .noneMatch(e -> e.as(BillPosted.class).billId().toString().equals(billId));

            RunningPlatform.as(PlatformService.BILLING, Api.operations())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("note", "customer confirmed a pool heater since last month"))
                    .post("/bills/" + billId + "/approve").then().statusCode(200).body("status", equalTo("POSTED"))
                    .body("history.action", hasItem("APPROVED"));

            BillPosted posted = awaitBillPosted(probe, esiId, billId);
            assertThat(posted.amountDue()).isEqualByComparingTo("470.21");
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                    .body("balance", equalTo(633.24f)); // 163.03 + 470.21
            Scenario.awaitValue(PlatformService.BILLING, "/exceptions?type=BILL_REVIEW&esiId=" + esiId
                    + "&status=OPEN", "reference", org.hamcrest.Matchers.not(hasItem(billId)));
        }
    }

    @Test
    void restated_usage_cancels_the_posted_bill_and_rebills_it() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(35);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);
        TdspFiles.Usage original = tdsp.monthlyUsage(esiId, "M1", start, start.plusDays(30), new BigDecimal("1000"));
        Scenario.postToGateway(tdsp.file(original)).then().statusCode(202);
        Scenario.awaitValue(PlatformService.BILLING, "/bills?esiId=" + esiId, "[0].status", equalTo("POSTED"));
        String firstBill = RunningPlatform.as(PlatformService.BILLING, Api.operations()).queryParam("esiId", esiId)
                .get("/bills").then().extract().path("[0].id");

        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.BILLING)) {
            // the utility restates the month at 1200 kWh (867_03 BPT01 05)
            Scenario.postToGateway(tdsp.file(tdsp.replace(original,
                    MeterUsage.monthly("M1", start, start.plusDays(30), new BigDecimal("1200"))))).then()
                    .statusCode(202);

            ReceivedEvent cancelledEvent = probe.awaitType(BillCancelled.TYPE, esiId, Scenario.WAIT);
            BillCancelled cancelled = cancelledEvent.as(BillCancelled.class);
            assertThat(cancelled.billId().toString()).isEqualTo(firstBill);
            assertThat(cancelled.amountReversed()).isEqualByComparingTo("163.03");

            // energy 120.00, base 5.00, Oncor 4.23 + 1200 × 5.0339¢ = 60.41 → 189.64; taxes 3.79 + 0.32 → 193.75
            Scenario.awaitValue(PlatformService.BILLING, "/bills/" + firstBill, "rebilledBy",
                    org.hamcrest.Matchers.notNullValue());
            Map<String, Object> original1 = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                    .get("/bills/" + firstBill).then().statusCode(200).extract().path("$");
            assertThat(original1.get("status")).isEqualTo("CANCELLED");
            String rebillId = (String) original1.get("rebilledBy");
            Scenario.awaitValue(PlatformService.BILLING, "/bills/" + rebillId, "status", equalTo("POSTED"));
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/bills/" + rebillId).then()
                    .body("rebillOf", equalTo(firstBill)).body("amountDue", equalTo(193.75f))
                    .body("totalKwh", equalTo(1200.0f));
            // both visible: the cancelled bill and its rebill, the posted bill never edited
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).queryParam("esiId", esiId).get("/bills")
                    .then().body("size()", equalTo(2)).body("find { it.id == '" + firstBill + "' }.amountDue",
                            equalTo(163.03f));
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                    .body("balance", equalTo(193.75f)); // 163.03 − 163.03 + 193.75
            assertThat(awaitBillPosted(probe, esiId, rebillId).amountDue()).isEqualByComparingTo("193.75");
        }
    }

    /**
     * A pre-pay customer who moved in six days ago prepays $45.00; the utility's interval data gives 48 kWh a day.
     * A day: energy 4.80, Oncor 4.23 × 1/30 = 0.14, delivery 48 × 5.0339¢ = 2.42 → 7.36; taxes 0.15 + 0.01 →
     * <b>7.52</b>. Balance after each day: 37.48, 29.96 (below the $30 warning), 22.44, 14.92, 7.40 (below the $10
     * disconnection balance). A $50.00 payment brings it to 57.40, above the $50 connection balance.
     */
    @Test
    void a_prepay_account_is_charged_daily_through_both_thresholds_and_a_payment_makes_it_reconnect_eligible() {
        Scenario.ensurePrepay10();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(6);
        Scenario.activeMoveIn(esiId, start, "PREPAY-10", "PREPAY", market, tdsp);
        String accountNumber = RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .get("/billing-accounts/" + esiId).then().statusCode(200).extract().path("accountNumber");

        Payments.pay(accountNumber, "45.00", UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", equalTo(-45.0f));

        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.BILLING)) {
            LocalDate end = start.plusDays(5);
            int quarterHours = (int) ChronoUnit.DAYS.between(start, end) * 96;
            Scenario.postToGateway(tdsp.file(tdsp.usage(esiId, MeterUsage.interval("M1", start, end, 15,
                    Collections.nCopies(quarterHours, new BigDecimal("0.500")))))).then().statusCode(202);

            PrepayBalanceLow low = probe.awaitType(PrepayBalanceLow.TYPE, esiId, Scenario.WAIT)
                    .as(PrepayBalanceLow.class);
            assertThat(low.balance()).isEqualByComparingTo("29.96");
            assertThat(low.serviceDate()).isEqualTo(start.plusDays(1));
            PrepayBalanceBelowDisconnection below = probe
                    .awaitType(PrepayBalanceBelowDisconnection.TYPE, esiId, Scenario.WAIT)
                    .as(PrepayBalanceBelowDisconnection.class);
            assertThat(below.balance()).isEqualByComparingTo("7.40");
            assertThat(below.serviceDate()).isEqualTo(start.plusDays(4));
            Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", equalTo(-7.4f));

            Payments.pay(accountNumber, "50.00", UUID.randomUUID().toString()).then().statusCode(201);
            PrepayReconnectEligible eligible = probe.awaitType(PrepayReconnectEligible.TYPE, esiId, Scenario.WAIT)
                    .as(PrepayReconnectEligible.class);
            assertThat(eligible.balance()).isEqualByComparingTo("57.40");
            assertThat(eligible.connectionBalance()).isEqualByComparingTo("50.00");
            // each threshold announced once
            List<ReceivedEvent> all = probe.drain(Duration.ofSeconds(1));
            assertThat(all).filteredOn(e -> esiId.equals(e.subject()) && PrepayBalanceLow.TYPE.equals(e.type()))
                    .hasSize(1);
            assertThat(all).filteredOn(e -> esiId.equals(e.subject())
                    && PrepayBalanceBelowDisconnection.TYPE.equals(e.type())).hasSize(1);
        }
    }

    private static BillPosted awaitBillPosted(TopicProbe probe, String esiId, String billId) {
        return probe.await(e -> BillPosted.TYPE.equals(e.type()) && esiId.equals(e.subject())
                && e.as(BillPosted.class).billId().toString().equals(billId), Scenario.WAIT).as(BillPosted.class);
    }
}
