package org.metertocash.billing.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.metertocash.billing.ledger.LedgerFixtures.newEsiId;
import static org.metertocash.billing.ledger.LedgerFixtures.openAccount;
import static org.metertocash.billing.ledger.LedgerFixtures.operations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerResourceTest {

    @Inject
    Ledger ledger;

    private static Map<String, Object> adjustment(String amount, String note) {
        return note == null ? Map.of("amount", new BigDecimal(amount)) : Map.of("amount", new BigDecimal(amount), "note", note);
    }

    @Test
    void the_ledger_lists_postings_with_their_entries_newest_first_page_by_page() {
        BillingAccount account = openAccount(newEsiId());
        for (int i = 1; i <= 5; i++) {
            ledger.charge(account.accountNumber, new BigDecimal(i + "0.00"), "bill-" + i, "Bill " + i);
        }
        String ledgerPath = "/billing-accounts/" + account.esiId + "/ledger";
        operations().queryParam("size", 2).get(ledgerPath).then().statusCode(200)
                .header(LedgerResource.TOTAL_COUNT, "5").header("X-Page", "0").header("X-Page-Size", "2")
                .header("X-Account-Number", account.accountNumber)
                .body("reference", contains("bill-5", "bill-4"))
                .body("[0].kind", equalTo("CHARGE"))
                .body("[0].amount", equalTo(new BigDecimal("50.00")))
                .body("[0].balanceChange", equalTo(new BigDecimal("50.00")))
                .body("[0].entries", hasSize(2))
                .body("[0].entries.find { it.account == 'RECEIVABLE' }.debit", equalTo(new BigDecimal("50.00")))
                .body("[0].entries.find { it.account == 'REVENUE' }.credit", equalTo(new BigDecimal("50.00")))
                .body("[0].actor", equalTo("system"));
        operations().queryParam("size", 2).queryParam("page", 2).get(ledgerPath).then().statusCode(200)
                .header(LedgerResource.TOTAL_COUNT, "5").body("reference", contains("bill-1"));

        UUID first = ledger.postings(account.accountNumber).get(4).id();
        UUID reversal = ledger.reverse(first, "cancelled").id();
        operations().queryParam("size", 1).get(ledgerPath).then()
                .header(LedgerResource.TOTAL_COUNT, "6")
                .body("[0].id", equalTo(reversal.toString()))
                .body("[0].kind", equalTo("REVERSAL"))
                .body("[0].reverses", equalTo(first.toString()))
                .body("[0].balanceChange", equalTo(new BigDecimal("-10.00")));
        operations().get(ledgerPath + "/" + first).then().statusCode(200)
                .body("reversedBy", equalTo(reversal.toString()));
        operations().queryParam("accountNumber", account.accountNumber).queryParam("size", 500).get(ledgerPath).then()
                .body("$", hasSize(6));
    }

    @Test
    void the_ledger_is_for_operations_and_answers_problems_for_what_it_cannot_show() {
        BillingAccount account = openAccount(newEsiId());
        String ledgerPath = "/billing-accounts/" + account.esiId + "/ledger";
        given().get(ledgerPath).then().statusCode(401);
        Api.upstream().get(ledgerPath).then().statusCode(403);
        Api.operations().get(ledgerPath).then().statusCode(200).body("$", hasSize(0));
        Api.admin().get(ledgerPath).then().statusCode(200);
        Api.operations().get("/billing-accounts/10443729999999998/ledger").then().statusCode(404)
                .contentType("application/problem+json");
        Api.operations().queryParam("accountNumber", "1000000016").get(ledgerPath).then().statusCode(404);
        Api.operations().queryParam("size", 0).queryParam("page", -1).get(ledgerPath).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("page", "size"));
        Api.operations().get(ledgerPath + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void the_account_shows_its_balance_to_everyone_who_may_read_it() {
        BillingAccount account = openAccount(newEsiId());
        ledger.charge(account.accountNumber, new BigDecimal("99.99"), "bill-1", "Bill");
        ledger.applyPayment(account.accountNumber, UUID.randomUUID(), new BigDecimal("40.00"), null, "Payment",
                Origin.system("test", "1"));
        BigDecimal expected = ledger.balance(account.accountNumber);
        assertThat(expected).isEqualByComparingTo("59.99");
        Api.upstream().config(LedgerFixtures.EXACT).get("/billing-accounts/" + account.esiId).then().statusCode(200)
                .body("balance", equalTo(expected))
                .body("ledger", equalTo("/billing-accounts/" + account.esiId + "/ledger?accountNumber="
                        + account.accountNumber));
        operations().queryParam("limit", 1000).get("/billing-accounts").then().statusCode(200)
                .body("find { it.accountNumber == '" + account.accountNumber + "' }.balance", equalTo(expected));
    }

    @Test
    void a_manual_adjustment_needs_a_note_and_an_idempotency_key_and_records_who_when_and_why() {
        BillingAccount account = openAccount(newEsiId());
        ledger.charge(account.accountNumber, new BigDecimal("80.00"), "bill-1", "Bill");
        String path = "/billing-accounts/" + account.esiId + "/adjustments";

        operations().body(adjustment("-25.00", "Outage credit")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(adjustment("-25.00", null))
                .post(path).then().statusCode(400).body("errors.field", contains("note"));
        operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(adjustment("0", "nothing"))
                .post(path).then().statusCode(400).body("errors.field", contains("amount"));
        operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(adjustment("1.234", "fraction"))
                .post(path).then().statusCode(400).body("errors.field", contains("amount"));
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(adjustment("-25.00", "Outage credit")).post(path).then().statusCode(403);
        operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(adjustment("-25.00", "Outage credit")).post("/billing-accounts/10443729999999997/adjustments")
                .then().statusCode(404);
        assertThat(ledger.postings(account.accountNumber)).hasSize(1);

        String key = UUID.randomUUID().toString();
        String id = operations().header("Idempotency-Key", key).body(adjustment("-25.00", "Outage credit, ticket 4411"))
                .post(path).then().statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("ADJUSTMENT"))
                .body("balanceChange", equalTo(new BigDecimal("-25.00")))
                .body("actor", equalTo(Api.OPERATIONS_USER))
                .body("note", equalTo("Outage credit, ticket 4411"))
                .body("sourceId", equalTo(key))
                .body("postedAt", notNullValue())
                .body("entries.find { it.account == 'RECEIVABLE' }.credit", equalTo(new BigDecimal("25.00")))
                .body("entries.find { it.account == 'ADJUSTMENTS' }.debit", equalTo(new BigDecimal("25.00")))
                .extract().path("id");
        // the same request again: the first answer, no second posting
        operations().header("Idempotency-Key", key).body(adjustment("-25.00", "Outage credit, ticket 4411"))
                .post(path).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        operations().header("Idempotency-Key", key).body(adjustment("-26.00", "Outage credit, ticket 4411"))
                .post(path).then().statusCode(409);
        Api.admin().config(LedgerFixtures.EXACT).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(adjustment("7.50", "Meter test fee missed")).post(path).then().statusCode(201)
                .body("actor", equalTo(Api.ADMIN_USER)).body("balanceChange", equalTo(new BigDecimal("7.50")));

        List<Posting> postings = ledger.postings(account.accountNumber);
        assertThat(postings).hasSize(3);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(
                new BigDecimal("80.00").subtract(new BigDecimal("25.00")).add(new BigDecimal("7.50")));
        operations().get("/billing-accounts/" + account.esiId + "/ledger/" + id).then().statusCode(200)
                .body("note", equalTo("Outage credit, ticket 4411"));
    }
}
