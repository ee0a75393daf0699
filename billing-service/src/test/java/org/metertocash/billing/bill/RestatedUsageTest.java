package org.metertocash.billing.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.metertocash.billing.bill.BillFixtures.JUNE;
import static org.metertocash.billing.bill.BillFixtures.MAY;
import static org.metertocash.billing.bill.BillFixtures.WAIT;
import static org.metertocash.billing.bill.BillFixtures.awaitBill;
import static org.metertocash.billing.bill.BillFixtures.balance;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Restated usage after a bill: the wires utility replaces or cancels (867_03 BPT01 05 / 01) the read a bill was drafted
 * from. A posted bill is cancelled — ledger reversal and BillCancelled, never an edit — and a replacement is rebilled
 * as a new bill linked to the cancelled one both ways; a correction more than 3 cycles after the bill's issue raises
 * BILL_LATE_CORRECTION (16 TAC §25.480(d)).
 */
@QuarkusTest
class RestatedUsageTest extends BillFixtures.Connected {

    /** Friday 5 June 2026, noon in Texas. */
    private static final Instant FRIDAY_5_JUNE = Instant.parse("2026-06-05T17:00:00Z");
    /** 97 days after 5 June: beyond 3 cycles of 30 days. */
    private static final Instant THURSDAY_10_SEPTEMBER = Instant.parse("2026-09-10T17:00:00Z");
    /**
     * 1000 kWh in May: energy 100.00 + base 5.00 + TDU customer 4.00 + delivery 50.00 = 159.00; gross receipts 1.997 %
     * = 3.17523 → 3.18; PUC 0.1667 % = 0.265053 → 0.27 → 162.45.
     */
    private static final BigDecimal DUE_AT_1000 = new BigDecimal("162.45");
    /**
     * 1100 kWh: energy 110.00 + 5.00 + 4.00 + delivery 55.00 = 174.00; 1.997 % = 3.47478 → 3.47; 0.1667 % = 0.290058 →
     * 0.29 → 177.76.
     */
    private static final BigDecimal DUE_AT_1100 = new BigDecimal("177.76");

    @Test
    void replaced_usage_after_posting_cancels_the_bill_with_a_reversal_and_posts_a_linked_rebill() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String original = awaitBill(esiId, MAY, "POSTED");
        ops().get("/bills/" + original).then().body("amountDue", comparesEqualTo(DUE_AT_1000));
        assertThat(balance(esiId)).isEqualByComparingTo(DUE_AT_1000);

        fixtures.usage(esiId, "REPLACE", "RP-" + esiId, "O-" + esiId, MAY, JUNE, "ACTUAL", "1100");
        String rebillId = awaitRebill(original);
        await().atMost(WAIT).untilAsserted(() -> ops().get("/bills/" + rebillId).then()
                .body("status", equalTo("POSTED")));

        ops().get("/bills/" + original).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reversalPostingId", notNullValue())
                .body("restatedByReadId", notNullValue())
                .body("rebilledBy", equalTo(rebillId))
                .body("amountDue", comparesEqualTo(DUE_AT_1000))
                .body("history.action", hasItem("CANCELLED"))
                .body("history.find { it.action == 'CANCELLED' }.note", containsString("replaced"));
        ops().get("/bills/" + rebillId).then().statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("rebillOf", equalTo(original))
                .body("totalKwh", comparesEqualTo(new BigDecimal("1100")))
                .body("amountDue", comparesEqualTo(DUE_AT_1100))
                .body("ledgerPostingId", notNullValue())
                .body("history.find { it.action == 'REBILLED' }.note", containsString(original));
        ops().queryParam("esiId", esiId).get("/bills").then().body("$", hasSize(2));
        assertThat(balance(esiId)).isEqualByComparingTo(DUE_AT_1100);
        // corrected the day it was issued: within 3 cycles
        ops().queryParam("type", BillRestatement.BILL_LATE_CORRECTION).queryParam("esiId", esiId).get("/exceptions")
                .then().body("$", hasSize(0));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            BillCancelled cancelled = probe.await(e -> BillCancelled.TYPE.equals(e.type())
                    && original.equals(e.json().path("billId").asText()), WAIT).as(BillCancelled.class);
            assertThat(cancelled.amountReversed()).isEqualByComparingTo(DUE_AT_1000);
            BillPosted posted = probe.await(e -> BillPosted.TYPE.equals(e.type())
                    && rebillId.equals(e.json().path("billId").asText()), WAIT).as(BillPosted.class);
            assertThat(posted.amountDue()).isEqualByComparingTo(DUE_AT_1100);
            assertThat(probe.received().stream().filter(e -> BillPosted.TYPE.equals(e.type())
                    && esiId.equals(e.subject()))).hasSize(2);
        }
    }

    @Test
    void cancelled_usage_after_posting_cancels_the_bill_and_rebills_nothing() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String billId = awaitBill(esiId, MAY, "POSTED");
        assertThat(balance(esiId)).isEqualByComparingTo(DUE_AT_1000);

        fixtures.usage(esiId, "CANCEL", "CX-" + esiId, "O-" + esiId, MAY, JUNE, "ACTUAL", "1000");
        awaitBill(esiId, MAY, "CANCELLED");
        ops().get("/bills/" + billId).then()
                .body("status", equalTo("CANCELLED"))
                .body("reversalPostingId", notNullValue())
                .body("restatedByReadId", notNullValue())
                .body("rebilledBy", nullValue())
                .body("history.find { it.action == 'CANCELLED' }.note", containsString("cancelled"));
        assertThat(balance(esiId)).isEqualByComparingTo("0.00");
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            BillCancelled cancelled = probe.awaitType(BillCancelled.TYPE, esiId, WAIT).as(BillCancelled.class);
            assertThat(cancelled.billId()).hasToString(billId);
        }
        // nothing left to bill for the period, however often the bill run looks
        ops().post("/bill-runs/2026-06-05").then().statusCode(200);
        ops().queryParam("esiId", esiId).get("/bills").then().body("$", hasSize(1));
        assertThat(balance(esiId)).isEqualByComparingTo("0.00");
    }

    @Test
    void a_correction_more_than_three_cycles_after_the_bill_raises_a_late_correction() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String original = awaitBill(esiId, MAY, "POSTED");

        clockAt(THURSDAY_10_SEPTEMBER);
        fixtures.usage(esiId, "REPLACE", "RP-" + esiId, "O-" + esiId, MAY, JUNE, "ACTUAL", "1100");
        String rebillId = awaitRebill(original);
        await().atMost(WAIT).untilAsserted(() -> ops().get("/bills/" + rebillId).then()
                .body("status", equalTo("POSTED")).body("issueDate", equalTo("2026-09-10")));

        ops().queryParam("type", BillRestatement.BILL_LATE_CORRECTION).queryParam("esiId", esiId).get("/exceptions")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].reference", equalTo(original))
                .body("[0].details.daysAfterIssue", equalTo(97))
                .body("[0].summary", containsString("§25.480(d)"));
        assertThat(balance(esiId)).isEqualByComparingTo(DUE_AT_1100);
    }

    @Test
    void a_held_bill_whose_usage_is_replaced_is_cancelled_and_redrafted() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, BillValidation.ESTIMATED, "1000");
        String held = awaitBill(esiId, MAY, "HELD_FOR_REVIEW");
        ops().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(1));

        fixtures.usage(esiId, "REPLACE", "RP-" + esiId, "O-" + esiId, MAY, JUNE, "ACTUAL", "1100");
        String rebillId = awaitRebill(held);
        await().atMost(WAIT).untilAsserted(() -> ops().get("/bills/" + rebillId).then()
                .body("status", equalTo("POSTED")).body("rebillOf", equalTo(held)));
        ops().get("/bills/" + held).then().body("status", equalTo("CANCELLED"))
                .body("reversalPostingId", nullValue()).body("ledgerPostingId", nullValue());
        ops().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(0));
        assertThat(balance(esiId)).isEqualByComparingTo(DUE_AT_1100);
    }

    /** The rebill of a cancelled bill, once drafted. */
    private static String awaitRebill(String cancelled) {
        await().atMost(WAIT).untilAsserted(() -> ops().get("/bills/" + cancelled).then()
                .body("status", equalTo("CANCELLED")).body("rebilledBy", notNullValue()));
        return ops().get("/bills/" + cancelled).then().extract().path("rebilledBy");
    }
}
