package org.metertocash.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.payment.PaymentFixtures.newEsiId;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.PaymentFixtures.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentChannel;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.payment.posting.PaymentStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

@QuarkusTest
class ReconciliationTest {

    private static final ZoneId MARKET = ZoneId.of("America/Chicago");

    @Inject
    PaymentPosting posting;

    @Test
    void a_days_payments_balance_to_the_cent_by_channel_and_by_source() {
        // a business day of its own, so that no other test's payments fall on it
        LocalDate day = LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4000));
        Instant morning = day.atTime(LocalTime.of(8, 5)).atZone(MARKET).toInstant();
        Instant lateEvening = day.atTime(LocalTime.of(23, 59)).atZone(MARKET).toInstant(); // next day in UTC
        Account account = openAccount();

        String card = post(account.accountNumber(), "CARD", "100.10", morning);
        post(account.accountNumber(), "ACH", "50.05", lateEvening);
        post(null, "CHECK", "20.00", morning, newEsiId()); // stays in suspense
        String refunded = post(null, "CASH", "7.77", morning, newEsiId());
        String applied = post(null, "PAY_AGENT", "12.34", morning, newEsiId());
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "no account"))
                .post("/suspense/" + refunded + "/refund").then().statusCode(200);
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountNumber", account.accountNumber(), "note", "found it"))
                .post("/suspense/" + applied + "/apply").then().statusCode(200);
        // a lockbox file: two checks, one for an account, one for nobody
        UUID fileId = UUID.randomUUID();
        posting.postAll(List.of(
                PaymentInstruction.fileLine(fileId, 1, account.accountNumber(), null, new BigDecimal("300.00"),
                        PaymentChannel.CHECK, "ITEM-1", morning, "lockbox"),
                PaymentInstruction.fileLine(fileId, 2, null, null, new BigDecimal("0.99"), PaymentChannel.CHECK,
                        "ITEM-2", morning, "lockbox")), Cause.newFlow());
        // the card payment came back (what the returns capability will record): still posted that day, and returned
        QuarkusTransaction.requiringNew().run(() -> Payment.<Payment> findById(UUID.fromString(card)).status =
                PaymentStatus.RETURNED);
        // a payment of the next day does not count
        post(account.accountNumber(), "CARD", "999.99", morning.plusSeconds(24 * 3600));

        JsonPath day1 = JsonPath.from(Api.operations().queryParam("date", day.toString()).get("/reconciliation")
                .then().statusCode(200).body("date", equalTo(day.toString())).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

        // received 100.10 + 50.05 + 20.00 + 7.77 + 12.34 + 300.00 + 0.99 = 491.25 (7 payments)
        totals(day1, "total", 7, "491.25", 4, "462.49", 2, "20.99", 1, "7.77", 1, "100.10");
        assertThat(day1.getBoolean("total.balanced")).isTrue();
        assertThat(day1.getObject("total.difference.amount", BigDecimal.class)).isEqualByComparingTo("0");

        assertThat(day1.getList("byChannel.channel")).containsExactly("CARD", "ACH", "CHECK", "CASH", "PAY_AGENT");
        totals(day1, "byChannel[0]", 1, "100.10", 1, "100.10", 0, "0.00", 0, "0.00", 1, "100.10");
        totals(day1, "byChannel[1]", 1, "50.05", 1, "50.05", 0, "0.00", 0, "0.00", 0, "0.00");
        totals(day1, "byChannel[2]", 3, "320.99", 1, "300.00", 2, "20.99", 0, "0.00", 0, "0.00");
        totals(day1, "byChannel[3]", 1, "7.77", 0, "0.00", 0, "0.00", 1, "7.77", 0, "0.00");
        totals(day1, "byChannel[4]", 1, "12.34", 1, "12.34", 0, "0.00", 0, "0.00", 0, "0.00");

        assertThat(day1.getList("bySource.source")).containsExactly("API", "FILE");
        assertThat(day1.getString("bySource[1].fileId")).isEqualTo(fileId.toString());
        totals(day1, "bySource[0]", 5, "190.26", 3, "162.49", 1, "20.00", 1, "7.77", 1, "100.10");
        totals(day1, "bySource[1]", 2, "300.99", 1, "300.00", 1, "0.99", 0, "0.00", 0, "0.00");
        for (String part : List.of("byChannel", "bySource")) {
            assertThat(day1.getList(part + ".balanced")).containsOnly(true);
        }
    }

    @Test
    void a_date_that_is_not_a_date_is_refused() {
        Api.operations().queryParam("date", "yesterday").get("/reconciliation").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        Api.upstream().get("/reconciliation").then().statusCode(403);
    }

    private static void totals(JsonPath json, String path, int received, String receivedAmount, int posted,
            String postedAmount, int unapplied, String unappliedAmount, int refunded, String refundedAmount,
            int returned, String returnedAmount) {
        assertThat(json.getInt(path + ".received.count")).as(path + " received").isEqualTo(received);
        assertThat(json.getObject(path + ".received.amount", BigDecimal.class)).as(path + " received")
                .isEqualByComparingTo(receivedAmount);
        assertThat(json.getInt(path + ".posted.count")).as(path + " posted").isEqualTo(posted);
        assertThat(json.getObject(path + ".posted.amount", BigDecimal.class)).as(path + " posted")
                .isEqualByComparingTo(postedAmount);
        assertThat(json.getInt(path + ".unapplied.count")).as(path + " unapplied").isEqualTo(unapplied);
        assertThat(json.getObject(path + ".unapplied.amount", BigDecimal.class)).as(path + " unapplied")
                .isEqualByComparingTo(unappliedAmount);
        assertThat(json.getInt(path + ".refunded.count")).as(path + " refunded").isEqualTo(refunded);
        assertThat(json.getObject(path + ".refunded.amount", BigDecimal.class)).as(path + " refunded")
                .isEqualByComparingTo(refundedAmount);
        assertThat(json.getInt(path + ".returned.count")).as(path + " returned").isEqualTo(returned);
        assertThat(json.getObject(path + ".returned.amount", BigDecimal.class)).as(path + " returned")
                .isEqualByComparingTo(returnedAmount);
    }

    private static String post(String accountNumber, String channel, String amount, Instant receivedAt) {
        return post(accountNumber, channel, amount, receivedAt, null);
    }

    private static String post(String accountNumber, String channel, String amount, Instant receivedAt, String esiId) {
        Map<String, Object> body = payment(accountNumber, esiId, amount);
        body.put("channel", channel);
        body.put("receivedAt", receivedAt.toString());
        if (!channel.equals("CARD")) {
            body.remove("instrument");
        }
        return Api.upstreamOnce().body(body).post("/payments").then().statusCode(201).extract().path("id");
    }
}
