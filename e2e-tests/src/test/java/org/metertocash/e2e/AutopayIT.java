package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.payments.NachaEntry;
import org.metertocash.testkit.payments.NachaReturnFile;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Auto-draft across the platform: an account with a bank mandate gets a bill; on the draft date payment-service
 * writes the debit into the day's NACHA PPD file and posts it as a payment, which clears the bill in billing; the
 * customer's bank returns it (R01, insufficient funds) and the return file we receive puts the bill back on the
 * account with the returned-payment fee — once, however often the return reaches us.
 */
@ExtendWith(RunningPlatform.class)
class AutopayIT {

    /** The first bill of a FIXED-12 move-in: 1000 kWh (PaymentPostingIT). */
    private static final String BILL = "163.03";
    /** billing.ledger.returned-payment-fee */
    private static final String RETURNED_PAYMENT_FEE = "25.00";
    /** A valid ABA routing number: 3·1 + 7·1 + 1 + 3·0 + 7·0 + 0 + 3·0 + 7·2 + 5 = 30, a multiple of ten. */
    private static final String ROUTING = "111000025";

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    @AfterEach
    void backToRealTime() {
        RunningPlatform.as(PlatformService.PAYMENT, Api.admin()).post("/admin/clock/reset").then().statusCode(200);
    }

    @Test
    void a_debit_goes_out_on_its_draft_date_clears_the_bill_and_its_return_puts_the_bill_back_with_the_fee_once() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(35);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);
        String accountNumber = Scenario.accountNumber(esiId);
        Scenario.awaitPayable(accountNumber);
        String bankAccount = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        RunningPlatform.as(PlatformService.PAYMENT, Api.upstream())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", accountNumber, "routingNumber", ROUTING, "bankAccountNumber", bankAccount,
                        "accountType", "CHECKING", "holderName", "Ana Ramirez", "daysBeforeDue", 1))
                .post("/autopay").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .body("bankAccountLast4", equalTo(bankAccount.substring(8)));

        LocalDate issued = LocalDate.now(TdspFiles.MARKET_ZONE);
        Scenario.postFirstMonth(esiId, start, tdsp);
        PaymentFiles.awaitBalance(esiId, BILL);
        Scenario.awaitValue(PlatformService.PAYMENT, "/autopay/" + accountNumber, "debits[0].status",
                equalTo("SCHEDULED"));
        JsonPath scheduled = mandate(accountNumber);
        assertThat(scheduled.getList("debits")).hasSize(1);
        assertThat(new BigDecimal(scheduled.getString("debits[0].amount"))).isEqualByComparingTo(BILL);
        LocalDate due = LocalDate.parse(scheduled.getString("debits[0].dueDate"));
        LocalDate draft = LocalDate.parse(scheduled.getString("debits[0].draftDate"));
        // 16 TAC §25.480(b): due at least 16 days after the bill is issued; the draft one day before it (the
        // mandate's daysBeforeDue), moved back, never forward, to a business day
        assertThat(ChronoUnit.DAYS.between(issued, due)).isGreaterThanOrEqualTo(16);
        assertThat(draft).isBefore(due).isAfterOrEqualTo(due.minusDays(4));
        assertThat(draft.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        // the business day of the draft comes: the origination job writes the day's PPD file
        clockAt(draft.atTime(LocalTime.of(10, 0)));
        Scenario.awaitValue(PlatformService.PAYMENT, "/autopay/" + accountNumber, "debits[0].status", equalTo("SENT"));
        JsonPath sent = mandate(accountNumber);
        String trace = sent.getString("debits[0].traceNumber");
        String paymentId = sent.getString("debits[0].paymentId");
        byte[] ppd = PaymentFiles.awaitFile(RunningPlatform.get().paymentsOutbound(),
                "AUTOPAY_PPD_" + draft.format(DateTimeFormatter.BASIC_ISO_DATE) + ".ach");
        List<String> records = NachaEntry.records(ppd);
        assertThat(records).allSatisfy(r -> assertThat(r).hasSize(94));
        assertThat(records.size() % 10).isZero(); // blocked to ten records
        List<NachaEntry> entries = records.stream().filter(r -> r.startsWith("6"))
                .map(NachaEntry::of).toList();
        NachaEntry ours = entries.stream().filter(e -> e.individualId().equals(accountNumber))
                .findFirst().orElseThrow(() -> new AssertionError("no entry for " + accountNumber + " in " + records));
        assertThat(ours.transactionCode()).isEqualTo("27"); // debit of a checking account
        assertThat(ours.routingNumber()).isEqualTo(ROUTING);
        assertThat(ours.dfiAccount()).isEqualTo(bankAccount);
        assertThat(ours.amount()).isEqualByComparingTo(BILL);
        assertThat(ours.traceNumber()).isEqualTo(trace);
        // the file control (9: entry/addenda count 14–21, total debit 32–43) agrees with the entries it holds
        String control = records.stream().filter(r -> r.startsWith("9") && !r.equals("9".repeat(94))).findFirst()
                .orElseThrow();
        BigDecimal debits = entries.stream().filter(e -> e.transactionCode().charAt(1) >= '5')
                .map(NachaEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(control.substring(31, 43)).movePointLeft(2)).isEqualByComparingTo(debits);
        assertThat(Integer.parseInt(control.substring(13, 21)))
                .isEqualTo((int) records.stream().filter(r -> r.startsWith("6") || r.startsWith("7")).count());

        PaymentFiles.awaitBalance(esiId, "0.00"); // 163.03 − 163.03 drafted
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId + "/ledger")
                .then().statusCode(200).body("findAll { it.kind == 'PAYMENT' }.size()", equalTo(1))
                .body("find { it.kind == 'PAYMENT' }.balanceChange", PaymentFiles.amount("-" + BILL));

        // two days later the customer's bank sends the debit back: R01, insufficient funds
        RunningPlatform.as(PlatformService.PAYMENT, Api.admin()).body(Map.of("duration", "P2D"))
                .post("/admin/clock/advance").then().statusCode(200);
        LocalDateTime returnedOn = draft.plusDays(2).atTime(LocalTime.of(7, 0));
        String bootstrap = RunningPlatform.get().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.PAYMENT)) {
            byte[] returns = new NachaReturnFile(returnedOn).returned(ours, "R01").bytes();
            Response received = PaymentFiles.upload(returns, "application/x-nacha", "returns-" + trace + ".ach");
            received.then().statusCode(202);
            PaymentFiles.awaitFinished(received.path("id"));

            ReceivedEvent event = probe.awaitType(PaymentReturned.TYPE, esiId, Scenario.WAIT);
            PaymentReturned returned = event.as(PaymentReturned.class);
            assertThat(returned.paymentId().toString()).isEqualTo(paymentId);
            assertThat(returned.reasonCode()).isEqualTo("R01");
            assertThat(returned.amount()).isEqualByComparingTo(BILL);
            PaymentFiles.awaitBalance(esiId, "188.03"); // 0.00 + 163.03 returned + 25.00 fee

            // the same file again is recognised; the same return in another file of the bank's is the same return
            PaymentFiles.upload(returns, "application/x-nacha", "returns-again.ach").then().statusCode(200)
                    .body("duplicate", equalTo(true));
            Response again = PaymentFiles.upload(new NachaReturnFile(returnedOn.plusHours(1))
                    .returned(ours, "R01").bytes(), "application/x-nacha", "returns-resent-" + trace + ".ach");
            again.then().statusCode(202);
            PaymentFiles.awaitFinished(again.path("id"));
            Scenario.awaitOutboxDrained(PlatformService.PAYMENT);
            Scenario.awaitCaughtUp(PlatformService.BILLING, Topics.PAYMENT);
            assertThat(probe.drain(Duration.ofSeconds(1))).filteredOn(e -> PaymentReturned.TYPE.equals(e.type())
                    && esiId.equals(e.subject())).hasSize(1);
        }
        PaymentFiles.awaitBalance(esiId, "188.03");
        RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId + "/ledger")
                .then().statusCode(200).body("findAll { it.kind == 'PAYMENT_RETURN' }.size()", equalTo(1))
                .body("find { it.kind == 'PAYMENT_RETURN' }.balanceChange", PaymentFiles.amount(BILL))
                .body("find { it.kind == 'PAYMENT_RETURN' }.reasonCode", equalTo("R01"))
                .body("findAll { it.kind == 'FEE' }.size()", equalTo(1))
                .body("find { it.kind == 'FEE' }.balanceChange", PaymentFiles.amount(RETURNED_PAYMENT_FEE));
        // one R01 is fewer than payment.returns.suspend-after (2) and not a reason that suspends at once
        JsonPath after = mandate(accountNumber);
        assertThat(after.getString("status")).isEqualTo("ACTIVE");
        assertThat(after.getString("debits[0].status")).isEqualTo("RETURNED");
    }

    private static void clockAt(LocalDateTime marketTime) {
        RunningPlatform.as(PlatformService.PAYMENT, Api.admin())
                .body(Map.of("instant", marketTime.atZone(TdspFiles.MARKET_ZONE).toInstant().toString()))
                .put("/admin/clock").then().statusCode(200);
    }

    private static JsonPath mandate(String accountNumber) {
        return JsonPath.from(RunningPlatform.as(PlatformService.PAYMENT, Api.operations())
                .get("/autopay/" + accountNumber).then().statusCode(200).extract().asString());
    }
}
