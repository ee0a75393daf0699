package org.metertocash.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.BillFixtures;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /billing-accounts/{esiId}} shows the balance, the account's bills and its ledger. */
@QuarkusTest
class AccountViewTest extends BillFixtures.Connected {

    /** Friday 7 August 2026, noon in Texas: May, June and July have ended. */
    private static final Instant FRIDAY_7_AUGUST = Instant.parse("2026-08-07T17:00:00Z");

    @Test
    void an_account_shows_its_balance_its_latest_bills_newest_first_and_its_latest_ledger_postings() {
        clockAt(FRIDAY_7_AUGUST);
        String esiId = fixtures.openAccount(newProduct());
        String[] bills = new String[3];
        for (int i = 0; i < 3; i++) {
            bills[i] = fixtures.monthBill(esiId, 5 + i, "ACTUAL", "POSTED");
        }
        BigDecimal owed = BigDecimal.ZERO;
        for (String bill : bills) {
            owed = owed.add(ops().get("/bills/" + bill).then().extract().<BigDecimal> path("amountDue"));
        }
        BigDecimal newestDue = ops().get("/bills/" + bills[2]).then().extract().path("amountDue");
        String accountNumber = ops().get("/billing-accounts/" + esiId).then().extract().path("accountNumber");

        ops().queryParam("bills", 2).get("/billing-accounts/" + esiId).then().statusCode(200)
                .body("balance", comparesEqualTo(owed))
                .body("billCount", equalTo(3))
                .body("bills.id", contains(bills[2], bills[1]))
                .body("bills.periodStart", contains("2026-07-01", "2026-06-01"))
                .body("bills[0].periodEnd", equalTo("2026-08-01"))
                .body("bills[0].amountDue", comparesEqualTo(newestDue))
                .body("bills[0].issueDate", equalTo("2026-08-07"))
                // 7 August + 16 days = Sunday 23 August → Monday 24 August (16 TAC §25.480(b))
                .body("bills[0].dueDate", equalTo("2026-08-24"))
                .body("bills[0].status", equalTo("POSTED"))
                .body("bills[0].link", equalTo("/bills/" + bills[2]))
                .body("billsLink", equalTo("/billing-accounts/" + esiId + "/bills?accountNumber=" + accountNumber
                        + "&page=0&size=50"))
                .body("ledger", equalTo("/billing-accounts/" + esiId + "/ledger?accountNumber=" + accountNumber))
                .body("ledgerPostingCount", equalTo(3))
                .body("ledgerPostings.reference", contains(bills[2], bills[1], bills[0]))
                .body("ledgerPostings[0].kind", equalTo("CHARGE"))
                .body("ledgerPostings[0].balanceChange", comparesEqualTo(newestDue));

        ops().queryParam("page", 1).queryParam("size", 2).get("/billing-accounts/" + esiId + "/bills").then()
                .statusCode(200).header("X-Total-Count", "3").header("X-Account-Number", accountNumber)
                .body("id", contains(bills[0])).body("[0].periodStart", equalTo("2026-05-01"));
        String next = ops().queryParam("page", 0).queryParam("size", 2).get("/billing-accounts/" + esiId + "/bills")
                .then().statusCode(200).extract().header("Link");
        assertThat(next).contains("page=1&size=2").contains("rel=\"next\"");
    }

    @Test
    void an_account_without_bills_shows_empty_lists_and_the_list_sizes_are_checked() {
        String esiId = fixtures.openAccount(newProduct());
        ops().get("/billing-accounts/" + esiId).then().statusCode(200)
                .body("billCount", equalTo(0)).body("bills.size()", equalTo(0))
                .body("ledgerPostingCount", equalTo(0)).body("balance", comparesEqualTo(new BigDecimal("0.00")));
        ops().queryParam("bills", 101).queryParam("postings", -1).get("/billing-accounts/" + esiId).then()
                .statusCode(400).body("errors.field", contains("bills", "postings"));
        ops().queryParam("size", 0).get("/billing-accounts/" + esiId + "/bills").then().statusCode(400)
                .body("errors.field", contains("size"));
    }

    @Test
    void an_upstream_system_sees_the_account_and_balance_but_not_its_bills_and_ledger() {
        String esiId = fixtures.openAccount(newProduct());
        Api.upstream().get("/billing-accounts/" + esiId).then().statusCode(200)
                .body("esiId", equalTo(esiId)).body("balance", equalTo(0.0f))
                .body("$", not(hasKey("bills"))).body("$", not(hasKey("ledgerPostings")));
        Api.upstream().get("/billing-accounts/" + esiId + "/bills").then().statusCode(403);
    }
}
