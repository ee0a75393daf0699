package org.metertocash.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.payments.Bai2LockboxFile;
import org.metertocash.testkit.payments.CsvPaymentFile;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.response.Response;

/**
 * Money that comes in files reaches billing exactly as the files say: a pay agent's CSV and a bank's BAI2 lockbox
 * report post to the accounts they name; a batch whose control totals disagree is held as an exception while the
 * other batch posts; a payment for an account we do not have waits in suspense until an analyst applies it.
 *
 * <p>Every customer here is a post-pay FIXED-12 move-in with its first bill posted: $163.03 owed. The figures below
 * are that bill less the payments each test sends.
 */
@ExtendWith(RunningPlatform.class)
class PaymentFilesIT {

    private static final String BILL = "163.03";

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();

    private record Customer(String esiId, String accountNumber) {
    }

    @Test
    void a_csv_file_with_a_line_for_each_of_two_accounts_reduces_each_balance_by_its_line() {
        Customer ana = billedCustomer();
        Customer ben = billedCustomer();
        String batch = "AGENT42-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = CsvPaymentFile.withCrlf().batch(batch)
                .payment(ana.accountNumber(), "40.00", "PAY_AGENT", "RCPT-" + batch + "-1", PaymentFiles.receivedNow())
                .payment(ben.accountNumber(), "25.50", "CASH", "RCPT-" + batch + "-2", PaymentFiles.receivedNow())
                .close().text();

        Response response = PaymentFiles.upload(csv, "text/csv", batch + ".csv");

        response.then().statusCode(202);
        String fileId = response.path("id");
        org.assertj.core.api.Assertions.assertThat(PaymentFiles.awaitFinished(fileId)).isEqualTo("POSTED");
        PaymentFiles.awaitBalance(ana.esiId(), "123.03"); // 163.03 − 40.00
        PaymentFiles.awaitBalance(ben.esiId(), "137.53"); // 163.03 − 25.50
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/payment-files/" + fileId).then()
                .statusCode(200).body("lines.posted", equalTo(2)).body("amounts.posted", PaymentFiles.amount("65.50"));
        assertOnePayment(ana, "-40.00");
        assertOnePayment(ben, "-25.50");
    }

    @Test
    void a_bai2_lockbox_report_posts_its_items_to_the_accounts_they_name() {
        Customer ana = billedCustomer();
        String deposit = "LBX" + ThreadLocalRandom.current().nextInt(1_000_000);
        String bai2 = new Bai2LockboxFile(LocalDate.now(TdspFiles.MARKET_ZONE)).account("4455667788")
                .deposit(deposit, ana.accountNumber(), "63.03").text();

        Response response = PaymentFiles.upload(bai2, "application/x-bai2", "lockbox-" + deposit + ".bai2");

        response.then().statusCode(202);
        String fileId = response.path("id");
        org.assertj.core.api.Assertions.assertThat(PaymentFiles.awaitFinished(fileId)).isEqualTo("POSTED");
        PaymentFiles.awaitBalance(ana.esiId(), "100.00"); // 163.03 − 63.03
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/payment-files/" + fileId + "/lines")
                .then().statusCode(200).body("status", contains("POSTED")).body("channel", contains("CHECK"))
                .body("externalReference", contains(deposit + "-1"));
        assertOnePayment(ana, "-63.03");
    }

    @Test
    void an_out_of_balance_batch_is_held_as_an_exception_and_nothing_of_it_reaches_billing_while_the_other_posts() {
        Customer ana = billedCustomer();
        String prefix = "AGENT7-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = CsvPaymentFile.withCrlf()
                .batch(prefix + "-GOOD")
                .payment(ana.accountNumber(), "10.00", "PAY_AGENT", "RCPT-" + prefix + "-1", PaymentFiles.receivedNow())
                .close()
                .batch(prefix + "-SHORT")
                .payment(ana.accountNumber(), "20.00", "PAY_AGENT", "RCPT-" + prefix + "-2", PaymentFiles.receivedNow())
                .payment(ana.accountNumber(), "30.00", "PAY_AGENT", "RCPT-" + prefix + "-3", PaymentFiles.receivedNow())
                .close("55.00", 2) // the rows add up to 50.00
                .text();

        Response response = PaymentFiles.upload(csv, "text/csv", prefix + ".csv");

        response.then().statusCode(202);
        String fileId = response.path("id");
        org.assertj.core.api.Assertions.assertThat(PaymentFiles.awaitFinished(fileId)).isEqualTo("PARTIALLY_HELD");
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/payment-files/" + fileId).then()
                .statusCode(200).body("batches.status", contains("POSTED", "HELD"))
                .body("batches[1].balanced", equalTo(false)).body("lines.held", equalTo(2))
                .body("amounts.held", PaymentFiles.amount("50.00"));
        String item = "find { it.reference == '" + fileId + "/2' }";
        Scenario.awaitValue(PlatformService.PAYMENT, "/exceptions?type=PAYMENT_BATCH_OUT_OF_BALANCE&limit=1000",
                item + ".type", equalTo("PAYMENT_BATCH_OUT_OF_BALANCE"));
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations())
                .get("/exceptions?type=PAYMENT_BATCH_OUT_OF_BALANCE&limit=1000").then()
                .body(item + ".details.declared.amount", equalTo("55.00"))
                .body(item + ".details.computed.amount", equalTo("50.00"));

        PaymentFiles.awaitBalance(ana.esiId(), "153.03"); // 163.03 − 10.00: the good batch only
        // everything payment-service published has been applied by billing: the held batch's 50.00 never arrived
        Scenario.awaitOutboxDrained(PlatformService.PAYMENT);
        Scenario.awaitCaughtUp(PlatformService.BILLING, Topics.PAYMENT);
        assertOnePayment(ana, "-10.00");
        PaymentFiles.awaitBalance(ana.esiId(), "153.03");
    }

    @Test
    void a_line_for_an_unknown_account_waits_in_suspense_until_an_analyst_applies_it_once() {
        Customer ana = billedCustomer();
        String unknownAccount = "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String batch = "AGENT9-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = CsvPaymentFile.withCrlf().batch(batch)
                .payment(unknownAccount, "30.00", "CASH", "RCPT-" + batch, PaymentFiles.receivedNow()).close().text();

        Response response = PaymentFiles.upload(csv, "text/csv", batch + ".csv");

        response.then().statusCode(202);
        String fileId = response.path("id");
        PaymentFiles.awaitFinished(fileId);
        String paymentId = RunningPlatform.as(PlatformService.PAYMENT, Api.operations())
                .get("/payment-files/" + fileId + "/lines?status=UNAPPLIED").then().statusCode(200)
                .body("size()", equalTo(1)).extract().path("[0].paymentId");
        String queued = "payments.find { it.id == '" + paymentId + "' }";
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/suspense?size=1000").then()
                .statusCode(200).body(queued + ".status", equalTo("UNAPPLIED"))
                .body(queued + ".unappliedReason", equalTo("NO_ACCOUNT"))
                .body(queued + ".amount", PaymentFiles.amount("30.00"));

        String note = "receipt " + batch + " shows account " + ana.accountNumber() + " (digits transposed)";
        Map<String, String> apply = Map.of("accountNumber", ana.accountNumber(), "note", note);
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations())
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(apply)
                .post("/suspense/" + paymentId + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED_FROM_SUSPENSE"))
                .body("appliedAccountNumber", equalTo(ana.accountNumber()));
        PaymentFiles.awaitBalance(ana.esiId(), "133.03"); // 163.03 − 30.00
        // the analyst, unsure it went through, applies it again: nothing changes
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations())
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(apply)
                .post("/suspense/" + paymentId + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED_FROM_SUSPENSE")).body("history.size()", equalTo(1));

        Scenario.awaitOutboxDrained(PlatformService.PAYMENT);
        Scenario.awaitCaughtUp(PlatformService.BILLING, Topics.PAYMENT);
        assertOnePayment(ana, "-30.00");
        PaymentFiles.awaitBalance(ana.esiId(), "133.03");
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/suspense?size=1000").then()
                .statusCode(200).body("payments.findAll { it.id == '" + paymentId + "' }.size()", equalTo(0));
        RunningPlatform.as(PlatformService.PAYMENT, Api.operations()).get("/payments/" + paymentId).then()
                .statusCode(200).body("history.action", contains("APPLY")).body("history[0].note", equalTo(note))
                .body("history[0].actor", equalTo(Api.OPERATIONS_USER))
                .body("history[0].accountNumber", equalTo(ana.accountNumber()));
    }

    /** A post-pay customer on FIXED-12 whose first bill is posted ($163.03) and whom payment-service knows. */
    private Customer billedCustomer() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(35);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);
        Scenario.postFirstMonth(esiId, start, tdsp);
        PaymentFiles.awaitBalance(esiId, BILL);
        String accountNumber = Scenario.accountNumber(esiId);
        Scenario.awaitPayable(accountNumber);
        return new Customer(esiId, accountNumber);
    }

    /** Billing's ledger holds exactly one PAYMENT posting for the account, of this balance change. */
    private static void assertOnePayment(Customer customer, String balanceChange) {
        RunningPlatform.as(PlatformService.BILLING, Api.operations())
                .get("/billing-accounts/" + customer.esiId() + "/ledger").then().statusCode(200)
                .body("findAll { it.kind == 'PAYMENT' }.size()", equalTo(1))
                .body("find { it.kind == 'PAYMENT' }.balanceChange", PaymentFiles.amount(balanceChange));
    }
}
