package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

/**
 * From enrollment to a posted bill through the running platform: a customer moved in five weeks ago, the utility's
 * usage arrives as an 867, billing rates it with the product's prices and the Oncor tariff, posts the bill to the
 * ledger and announces it.
 */
@ExtendWith(RunningPlatform.class)
class PostPayBillIT {

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    @Test
    void usage_becomes_a_posted_bill_charged_to_the_ledger_and_announced() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now().minusDays(35);
        Map<String, Object> body = Scenario.enrollment(esiId);
        body.put("requestType", "MOVE_IN");
        body.put("requestedStartDate", start.toString()); // a move-in may be backdated (up to 270 days)
        String id = Scenario.submit(body, UUID.randomUUID().toString()).then().statusCode(201).extract().path("id");
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), start)).then().statusCode(202);
        Scenario.postToGateway(tdsp.file(tdsp.initialRead(esiId, "M1", start, new BigDecimal("3000")))).then()
                .statusCode(202);
        Scenario.awaitEnrollmentState(id, "ACTIVE");
        Scenario.awaitBillingAccount(esiId);

        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.BILLING)) {
            Scenario.postToGateway(tdsp.file(tdsp.monthlyUsage(esiId, "M1", start, start.plusDays(30),
                    new BigDecimal("1000")))).then().statusCode(202);

            // energy 1000 × 10.0¢ = 100.00; base 5.00; Oncor 4.23 + 1000 × 5.0339¢ = 50.34 → charges 159.57;
            // Dallas: gross receipts 1.997% = 3.19, PUC assessment 0.1667% = 0.27 → 163.03
            Scenario.awaitValue(PlatformService.BILLING, "/bills?esiId=" + esiId, "[0].status", equalTo("POSTED"));
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).queryParam("esiId", esiId).get("/bills")
                    .then().body("[0].chargesTotal", equalTo(159.57f)).body("[0].amountDue", equalTo(163.03f));
            RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                    .body("balance", equalTo(163.03f));

            BillPosted posted = probe.awaitType(BillPosted.TYPE, esiId, Duration.ofSeconds(60)).as(BillPosted.class);
            assertThat(posted.amountDue()).isEqualByComparingTo("163.03");
            assertThat(posted.dueDate()).isAfterOrEqualTo(posted.issueDate().plusDays(16));
            assertThat(posted.dueDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }
}
