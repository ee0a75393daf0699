package org.metertocash.billing.invoice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.billing.bill.BillFixtures.MAY;
import static org.metertocash.billing.bill.BillFixtures.JUNE;
import static org.metertocash.billing.bill.BillFixtures.WAIT;
import static org.metertocash.billing.bill.BillFixtures.awaitBill;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.BillDrafting;
import org.metertocash.billing.bill.BillFixtures;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.platform.deadletter.DeadLetters;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The wires utility's 810_02 invoices for delivery charges against the bills of the same premise and period. The
 * fixtures' bill of 1000 kWh in May passes through a TDU customer charge of 4.00 and a delivery charge of
 * 1000 × 5.0¢ = 50.00: 54.00, compared with the invoice's total within the default tolerance of 0.01.
 */
@QuarkusTest
class TdspInvoiceReconciliationTest extends BillFixtures.Connected {

    /** Friday 5 June 2026, noon in Texas. */
    private static final Instant FRIDAY_5_JUNE = Instant.parse("2026-06-05T17:00:00Z");
    private static final String ONCOR_DUNS = "1039940674000";
    private static final String MISMATCH = BillValidation.TDSP_INVOICE_MISMATCH;
    private static final String RULE = "validation.find { it.rule == '" + MISMATCH + "' }";

    /** An 810_02 of the period with the customer charge of 4.00 and the rest as delivery charge. */
    private static TdspInvoiceReceived invoice(String esiId, String number, String purpose, String original,
            LocalDate start, LocalDate end, String total) {
        BigDecimal amount = new BigDecimal(total);
        return new TdspInvoiceReceived(esiId, ONCOR_DUNS, number, end.plusDays(2), purpose, original, start, end,
                end.plusDays(37), amount, List.of(new TdspInvoiceReceived.Charge("BAS001", "Customer charge",
                        new BigDecimal("4.00")), new TdspInvoiceReceived.Charge("DIS001", "Distribution charge",
                                amount.subtract(new BigDecimal("4.00")))), UUID.randomUUID());
    }

    private static void awaitInvoice(String esiId, String number, String checkResult) {
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("esiId", esiId).get("/tdsp-invoices").then()
                .statusCode(200).body("find { it.invoiceNumber == '" + number + "' }.check.result",
                        equalTo(checkResult)));
    }

    private static String invoicePath(String number) {
        return "find { it.invoiceNumber == '" + number + "' }";
    }

    @Test
    void an_invoice_stored_before_the_bill_that_agrees_within_a_cent_passes_the_rule_when_the_bill_is_drafted() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        producer.publish(invoice(esiId, "A-" + esiId, "ORIGINAL", null, MAY, JUNE, "54.01"));
        awaitInvoice(esiId, "A-" + esiId, "AWAITING_BILL");

        fixtures.usage(esiId, "ORIGINAL", "U-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String billId = awaitBill(esiId, MAY, "POSTED");

        ops().get("/bills/" + billId).then().body("failedRules", hasSize(0))
                .body(RULE + ".passed", equalTo(true))
                .body(RULE + ".detail", equalTo("billed TDU charges 54.00, invoiced 54.01 (invoice A-" + esiId
                        + "): difference +0.01 within the tolerance of 0.01"));
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].check.result", equalTo("AGREES"))
                .body("[0].check.billId", equalTo(billId))
                .body("[0].check.billedDelivery", comparesEqualTo(new BigDecimal("54.00")))
                .body("[0].check.invoicedDelivery", comparesEqualTo(new BigDecimal("54.01")))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].charges.amount", containsInAnyOrder(comparesEqualTo(new BigDecimal("4.00")),
                        comparesEqualTo(new BigDecimal("50.01"))));
    }

    @Test
    void an_invoice_stored_before_the_bill_that_disagrees_holds_the_bill_for_review() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        producer.publish(invoice(esiId, "D-" + esiId, "ORIGINAL", null, MAY, JUNE, "60.00"));
        awaitInvoice(esiId, "D-" + esiId, "AWAITING_BILL");

        fixtures.usage(esiId, "ORIGINAL", "U-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String billId = awaitBill(esiId, MAY, "HELD_FOR_REVIEW");

        ops().get("/bills/" + billId).then().body("failedRules", equalTo(List.of(MISMATCH)))
                .body(RULE + ".detail", equalTo("billed TDU charges 54.00, invoiced 60.00 (invoice D-" + esiId
                        + "): difference +6.00 beyond the tolerance of 0.01"));
        ops().queryParam("type", BillDrafting.BILL_REVIEW).queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(1)).body("[0].summary", containsString(MISMATCH));
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then()
                .body("[0].check.result", equalTo("DISAGREES")).body("[0].check.billId", equalTo(billId));
    }

    @Test
    void an_invoice_disagreeing_with_a_posted_bill_raises_a_work_item_with_both_figures_until_a_replacement_agrees() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "U-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        String billId = awaitBill(esiId, MAY, "POSTED");
        ops().get("/bills/" + billId).then().body(RULE + ".passed", equalTo(true))
                .body(RULE + ".detail", containsString("no TDSP invoice (810_02) for the period has arrived"));

        producer.publish(invoice(esiId, "P1-" + esiId, "ORIGINAL", null, MAY, JUNE, "58.00"));
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("type", MISMATCH).queryParam("esiId", esiId)
                .get("/exceptions").then().statusCode(200).body("$", hasSize(1)));
        ops().queryParam("type", MISMATCH).queryParam("esiId", esiId).get("/exceptions").then()
                .body("[0].reference", equalTo(billId))
                .body("[0].details.billedDelivery", equalTo("54.00"))
                .body("[0].details.invoicedDelivery", equalTo("58.00"))
                .body("[0].details.difference", equalTo("4.00"))
                .body("[0].details.billStatus", equalTo("POSTED"))
                .body("[0].summary", containsString("P1-" + esiId));
        // a posted bill is never edited: it keeps the validation it was posted with
        ops().get("/bills/" + billId).then().body("status", equalTo("POSTED")).body("failedRules", hasSize(0));
        awaitInvoice(esiId, "P1-" + esiId, "DISAGREES");

        producer.publish(invoice(esiId, "P2-" + esiId, "REPLACE", "P1-" + esiId, MAY, JUNE, "54.00"));
        awaitInvoice(esiId, "P2-" + esiId, "AGREES");
        ops().queryParam("type", MISMATCH).queryParam("esiId", esiId).get("/exceptions").then().body("$", hasSize(0));
        ops().queryParam("type", MISMATCH).queryParam("esiId", esiId).queryParam("status", "RESOLVED")
                .get("/exceptions").then().body("$", hasSize(1)).body("[0].reference", equalTo(billId));
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then()
                .body(invoicePath("P1-" + esiId) + ".status", equalTo("REPLACED"))
                .body(invoicePath("P1-" + esiId) + ".supersededBy", equalTo("P2-" + esiId))
                .body(invoicePath("P1-" + esiId) + ".check.result", equalTo("SUPERSEDED"))
                .body(invoicePath("P2-" + esiId) + ".purpose", equalTo("REPLACE"))
                .body(invoicePath("P2-" + esiId) + ".originalInvoiceNumber", equalTo("P1-" + esiId));
    }

    @Test
    void a_disagreeing_invoice_after_a_bill_was_held_adds_the_failed_rule_to_the_held_bill() {
        clockAt(FRIDAY_5_JUNE);
        String esiId = fixtures.openAccount(newProduct());
        fixtures.usage(esiId, "ORIGINAL", "U-" + esiId, null, MAY, JUNE, BillValidation.ESTIMATED, "1000");
        String billId = awaitBill(esiId, MAY, "HELD_FOR_REVIEW");
        ops().get("/bills/" + billId).then().body("failedRules", equalTo(List.of(BillValidation.ESTIMATED_READ)));

        producer.publish(invoice(esiId, "H-" + esiId, "ORIGINAL", null, MAY, JUNE, "50.00"));
        await().atMost(WAIT).untilAsserted(() -> ops().get("/bills/" + billId).then()
                .body("failedRules", containsInAnyOrder(BillValidation.ESTIMATED_READ, MISMATCH)));
        ops().get("/bills/" + billId).then().body("status", equalTo("HELD_FOR_REVIEW"))
                .body(RULE + ".detail", containsString("invoiced 50.00"))
                .body("history.note", hasItem(containsString("failed " + MISMATCH)));
        ops().queryParam("type", MISMATCH).queryParam("esiId", esiId).get("/exceptions").then()
                .body("$", hasSize(1)).body("[0].details.billStatus", equalTo("HELD_FOR_REVIEW"))
                .body("[0].details.difference", equalTo("-4.00"));
    }

    @Test
    void an_invoice_is_stored_once_a_reused_number_is_queued_and_a_cancel_supersedes_its_original() {
        String esiId = fixtures.openAccount(newProduct());
        TdspInvoiceReceived original = invoice(esiId, "C1-" + esiId, "ORIGINAL", null, MAY, JUNE, "54.00");
        producer.publish(original);
        producer.publish(original); // the same invoice under another event id
        producer.publish(invoice(esiId, "C1-" + esiId, "ORIGINAL", null, MAY, JUNE, "70.00"));
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("type", TdspInvoiceIntake.TDSP_INVOICE_CONFLICT)
                .queryParam("esiId", esiId).get("/exceptions").then().statusCode(200).body("$", hasSize(1)));
        ops().queryParam("type", TdspInvoiceIntake.TDSP_INVOICE_CONFLICT).queryParam("esiId", esiId)
                .get("/exceptions").then().body("[0].details.received.totalAmount", comparesEqualTo(new BigDecimal("70.00")))
                .body("[0].summary", containsString("is not applied"));
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then().body("$", hasSize(1))
                .body("[0].totalAmount", comparesEqualTo(new BigDecimal("54.00")))
                .body("[0].check.result", equalTo("AWAITING_BILL"));

        producer.publish(invoice(esiId, "C2-" + esiId, "CANCEL", "C1-" + esiId, MAY, JUNE, "54.00"));
        awaitInvoice(esiId, "C2-" + esiId, "NOT_COMPARED");
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then().body("$", hasSize(2))
                .body(invoicePath("C1-" + esiId) + ".status", equalTo("CANCELLED"))
                .body(invoicePath("C1-" + esiId) + ".check.result", equalTo("SUPERSEDED"))
                .body(invoicePath("C2-" + esiId) + ".status", equalTo("CANCEL"));
    }

    @Test
    void an_invoice_event_that_cannot_be_an_invoice_is_dead_lettered_with_its_reason() {
        String esiId = fixtures.openAccount(newProduct());
        producer.publish(invoice(esiId, null, "ORIGINAL", null, MAY, JUNE, "54.00"));
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("type", DeadLetters.WORK_ITEM_TYPE)
                .queryParam("esiId", esiId).get("/exceptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].summary", containsString("a TDSP invoice without invoiceNumber")));
        ops().queryParam("esiId", esiId).get("/tdsp-invoices").then().body("$", hasSize(0));
    }

    @Test
    void the_invoice_list_is_for_operations_and_needs_an_esi_id() {
        Api.upstream().queryParam("esiId", "10443720000000001").get("/tdsp-invoices").then().statusCode(403);
        ops().get("/tdsp-invoices").then().statusCode(400).body("errors[0].field", equalTo("esiId"));
    }
}
