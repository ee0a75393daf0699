package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

/**
 * The whole enrollment lifecycle as the market drives it, through the running platform: switches and move-ins to
 * ACTIVE with a billing account, a rejected enrollment corrected and resubmitted, a loss notice ending service, and
 * the wires utility's usage reaching billing.
 */
@ExtendWith(RunningPlatform.class)
class MarketLifecycleIT {

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    /** Quarter hours in the period in the market's zone: a daylight-saving day has 92 or 100. */
    private static int quarterHours(LocalDate start, LocalDate end) {
        return (int) java.time.Duration.between(start.atStartOfDay(TdspFiles.MARKET_ZONE),
                end.atStartOfDay(TdspFiles.MARKET_ZONE)).toMinutes() / 15;
    }

    @Test
    void a_switch_becomes_active_when_the_utility_confirms_the_start_and_is_billed_from_then() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201)
                .extract().path("id");
        LocalDate start = LocalDate.now().plusDays(3);
        Scenario.postToGateway(market.accept(Scenario.awaitOutbound814(esiId), start)).then().statusCode(202);
        Scenario.awaitEnrollmentState(id, "ACCEPTED");
        Scenario.awaitBillingAccount(esiId);

        Scenario.postToGateway(tdsp.file(tdsp.initialRead(esiId, "M" + esiId.substring(10), start,
                new BigDecimal("10452")))).then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("867_04"));
        Scenario.awaitEnrollmentState(id, "ACTIVE");
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id).then()
                .body("serviceStartDate", equalTo(start.toString()));
    }

    @Test
    void a_move_in_becomes_active_on_its_start_date() {
        String esiId = Scenario.newOncorEsiId();
        Map<String, Object> body = Scenario.enrollment(esiId);
        body.put("requestType", "MOVE_IN");
        body.put("requestedStartDate", LocalDate.now().toString());
        String id = Scenario.submit(body, UUID.randomUUID().toString()).then().statusCode(201).extract().path("id");
        byte[] request = Scenario.awaitOutbound814(esiId);
        assertThat(new String(request)).contains("LIN*1*SH*EL*SH*MVI");
        // the market schedules the move-in for today: reaching the date is what activates it
        Scenario.postToGateway(market.accept(request, LocalDate.now())).then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_05"));
        Scenario.awaitEnrollmentState(id, "ACTIVE");
        Scenario.awaitBillingAccount(esiId);
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void a_rejected_enrollment_corrected_and_resubmitted_goes_through_to_active() {
        String esiId = Scenario.newOncorEsiId();
        String rejected = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then()
                .statusCode(201).extract().path("id");
        byte[] first = Scenario.awaitOutbound814(esiId);
        Scenario.postToGateway(market.reject(first, "A13", "CUSTOMER NAME MISMATCH")).then().statusCode(202);
        Scenario.awaitEnrollmentState(rejected, "REJECTED");

        String corrected = RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("corrections", "customer name as on the utility account",
                        "customer", Map.of("name", "Ana M Ramirez", "email", "ana@example.com", "phone", "2145550100")))
                .post("/enrollments/" + rejected + "/resubmit").then().statusCode(201)
                .body("previousEnrollmentId", equalTo(rejected)).extract().path("id");
        String firstReference = market.readRequest(first).bgnReference();
        byte[] second = Scenario.awaitOutboundFile(esiId, "REF*TN*" + firstReference);
        LocalDate start = LocalDate.now().plusDays(4);
        Scenario.postToGateway(market.accept(second, start)).then().statusCode(202);
        Scenario.awaitEnrollmentState(corrected, "ACCEPTED");
        Scenario.postToGateway(tdsp.file(tdsp.initialRead(esiId, "M1", start, new BigDecimal("200")))).then()
                .statusCode(202);
        Scenario.awaitEnrollmentState(corrected, "ACTIVE");
        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "enrollmentId",
                equalTo(corrected));
        Scenario.awaitEnrollmentState(rejected, "REJECTED");
    }

    @Test
    void a_loss_notice_ends_service_and_lands_in_the_retention_queue() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.activeSwitch(esiId, market, tdsp);
        LocalDate lastDay = LocalDate.now().plusDays(15);
        Scenario.postToGateway(market.lossNotice(TdspFiles.RETAILER_DUNS, esiId, TdspFiles.ONCOR_DUNS, lastDay))
                .then().statusCode(202).body("interchanges[0].transactions[0].transactionSet", equalTo("814_06"));
        Scenario.awaitEnrollmentState(id, "DROPPED");
        RunningPlatform.as(PlatformService.ENROLLMENT, Api.operations()).get("/enrollments/" + id).then()
                .body("serviceEndDate", equalTo(lastDay.toString()));
        Scenario.awaitValue(PlatformService.ENROLLMENT, "/exceptions?esiId=" + esiId, "type", hasItem("LOSS_NOTICE"));
    }

    @Test
    void the_utility_usage_reaches_billing_as_meter_reads_one_per_meter_and_period() {
        String esiId = Scenario.newOncorEsiId();
        Scenario.activeSwitch(esiId, market, tdsp);
        LocalDate from = LocalDate.now().minusDays(30);
        TdspFiles.Usage monthly = tdsp.monthlyUsage(esiId, "M1", from, from.plusDays(30), new BigDecimal("1187"));
        TdspFiles.Usage interval = tdsp.intervalUsage(esiId, "AMS2", from, from.plusDays(30));
        Scenario.postToGateway(tdsp.file(monthly, interval)).then().statusCode(202);

        List<Object> reads = Scenario.awaitValue(PlatformService.BILLING, "/meter-reads?esiId=" + esiId, "meterNumber",
                org.hamcrest.Matchers.hasSize(2));
        assertThat(reads).containsExactlyInAnyOrder("M1", "AMS2");
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).queryParam("esiId", esiId).get("/meter-reads")
                .then().body("find { it.meterNumber == 'M1' }.totalKwh", equalTo(1187f))
                .body("find { it.meterNumber == 'AMS2' }.intervalCount", equalTo(quarterHours(from, from.plusDays(30))))
                .body("find { it.meterNumber == 'AMS2' }.ediTransactionId", notNullValue());

        // the utility restates the monthly usage: the replacement is billable, the original is not
        Scenario.postToGateway(tdsp.file(tdsp.replace(monthly, TdspFiles.MeterUsage.monthly("M1", from,
                from.plusDays(30), new BigDecimal("1190"))))).then().statusCode(202);
        Scenario.awaitValue(PlatformService.BILLING, "/meter-reads?esiId=" + esiId + "&status=ACTIVE",
                "findAll { it.meterNumber == 'M1' }.totalKwh", equalTo(List.of(1190f)));
    }
}
