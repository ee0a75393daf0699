package org.metertocash.billing.bill.notbilled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.metertocash.billing.bill.BillFixtures.JUNE;
import static org.metertocash.billing.bill.BillFixtures.MAY;
import static org.metertocash.billing.bill.BillFixtures.WAIT;
import static org.metertocash.billing.bill.BillFixtures.awaitBill;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.createProduct;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;
import static org.metertocash.billing.bill.BillFixtures.productCode;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.BillDrafting;
import org.metertocash.billing.bill.BillFixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The "not billed" queue: an account whose usage was received more than 30 days ago without a posted bill (16 TAC
 * §25.479), or that has had no usage for more than a cycle, gets one NOT_BILLED work item, which closes by itself once
 * the account is billed.
 */
@QuarkusTest
class NotBilledQueueTest extends BillFixtures.Connected {

    @Inject
    NotBilledQueue queue;

    private static ValidatableResponse items(String esiId, String status) {
        return ops().queryParam("type", NotBilledQueue.NOT_BILLED).queryParam("esiId", esiId)
                .queryParam("status", status).get("/exceptions").then().statusCode(200);
    }

    @Test
    void an_account_without_usage_for_more_than_a_cycle_is_queued_once_and_leaves_when_billed() {
        // started 1 May; on 5 June it is 35 days without usage — not more than a cycle yet
        clockAt(Instant.parse("2026-06-05T17:00:00Z"));
        String esiId = fixtures.openAccount(newProduct());
        queue.check();
        items(esiId, "OPEN").body("$", hasSize(0));

        clockAt(Instant.parse("2026-06-10T17:00:00Z"));
        queue.check();
        queue.check();
        items(esiId, "OPEN").body("$", hasSize(1))
                .body("[0].occurrences", equalTo(1))
                .body("[0].details.reason", equalTo(NotBilledQueue.Reason.NO_USAGE.name()))
                .body("[0].summary", containsString("2026-05-01"));

        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        awaitBill(esiId, MAY, "POSTED");
        assertThat(queue.check().closed()).isGreaterThanOrEqualTo(1);
        items(esiId, "OPEN").body("$", hasSize(0));
        String closed = items(esiId, "RESOLVED").body("$", hasSize(1)).extract().path("[0].id");
        ops().get("/exceptions/" + closed).then().statusCode(200).body("history[-1].action", equalTo("AUTO_CLOSE"))
                .body("history[-1].actor", equalTo("system"));
    }

    @Test
    void usage_received_more_than_30_days_ago_without_a_posted_bill_is_queued_once_and_leaves_when_billed() {
        clockAt(Instant.parse("2026-06-05T17:00:00Z"));
        String product = productCode(); // not in the catalogue yet: the usage cannot be billed
        String esiId = fixtures.openAccount(product);
        fixtures.usage(esiId, "ORIGINAL", "O-" + esiId, null, MAY, JUNE, "ACTUAL", "1000");
        await().atMost(WAIT).untilAsserted(() -> ops().queryParam("type", BillDrafting.BILL_NO_PRODUCT)
                .queryParam("esiId", esiId).get("/exceptions").then().body("$", hasSize(1)));

        // 30 days after receipt is not yet more than 30 days
        clockAt(Instant.parse("2026-07-05T17:00:00Z"));
        queue.check();
        items(esiId, "OPEN").body("$", hasSize(0));

        // 6 July: received 31 days ago; the period ended 35 days ago, not more than a cycle, so only the usage counts
        clockAt(Instant.parse("2026-07-06T17:00:00Z"));
        queue.check();
        queue.check();
        items(esiId, "OPEN").body("$", hasSize(1))
                .body("[0].occurrences", equalTo(1))
                .body("[0].details.reason", equalTo(NotBilledQueue.Reason.USAGE_NOT_BILLED.name()))
                .body("[0].summary", containsString("§25.479"));

        createProduct(product);
        String blocked = ops().queryParam("type", BillDrafting.BILL_NO_PRODUCT).queryParam("esiId", esiId)
                .get("/exceptions").then().extract().path("[0].id");
        ops().body("{\"note\": \"product added\"}").post("/exceptions/" + blocked + "/retry").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        awaitBill(esiId, MAY, "POSTED");
        queue.check();
        items(esiId, "OPEN").body("$", hasSize(0));
        items(esiId, "RESOLVED").body("$", hasSize(1));
    }
}
