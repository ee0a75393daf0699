package org.metertocash.billing.bill;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;
import static org.metertocash.billing.bill.BillFixtures.opsOnce;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.validation.BillValidation;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Consecutive estimated reads beyond the allowance (2 as shipped) hold the bill: the run is this bill's read and the
 * account's immediately preceding posted bills, newest first, up to an actual read. With ESTIMATED_READ also on (as
 * shipped) every estimate is held, so each is approved — posted — before the next arrives.
 */
@QuarkusTest
class ConsecutiveEstimatesTest extends BillFixtures.Connected {

    /** Friday 9 October 2026, noon in Texas: every period below has ended. */
    private static final Instant FRIDAY_9_OCTOBER = Instant.parse("2026-10-09T17:00:00Z");
    private static final String RULE = "validation.find { it.rule == '" + BillValidation.CONSECUTIVE_ESTIMATES + "' }";

    private static void approve(String billId) {
        opsOnce().body(Map.of("note", "estimate accepted")).post("/bills/" + billId + "/approve").then()
                .statusCode(200).body("status", equalTo("POSTED"));
    }

    @Test
    void the_third_estimate_in_a_row_is_held_for_the_run_and_an_actual_read_starts_the_count_again() {
        clockAt(FRIDAY_9_OCTOBER);
        String esiId = fixtures.openAccount(newProduct());

        String first = fixtures.monthBill(esiId, 5, "ESTIMATED", "HELD_FOR_REVIEW");
        ops().get("/bills/" + first).then().body("failedRules", equalTo(List.of(BillValidation.ESTIMATED_READ)))
                .body(RULE + ".detail", equalTo("1 estimated read(s) in a row, this one included (allowance 2)"));
        approve(first);

        String second = fixtures.monthBill(esiId, 6, "ESTIMATED", "HELD_FOR_REVIEW");
        ops().get("/bills/" + second).then().body("failedRules", equalTo(List.of(BillValidation.ESTIMATED_READ)))
                .body(RULE + ".passed", equalTo(true))
                .body(RULE + ".detail", equalTo("2 estimated read(s) in a row, this one included (allowance 2)"));
        approve(second);

        String third = fixtures.monthBill(esiId, 7, "ESTIMATED", "HELD_FOR_REVIEW");
        ops().get("/bills/" + third).then()
                .body("failedRules", containsInAnyOrder(BillValidation.ESTIMATED_READ,
                        BillValidation.CONSECUTIVE_ESTIMATES))
                .body(RULE + ".detail", equalTo("3 estimated read(s) in a row, this one included (allowance 2)"));
        approve(third);

        String actual = fixtures.monthBill(esiId, 8, "ACTUAL", "POSTED");
        ops().get("/bills/" + actual).then().body(RULE + ".passed", equalTo(true))
                .body(RULE + ".detail", equalTo("reading quality ACTUAL: no estimated reads in a row (allowance 2)"));

        String afterActual = fixtures.monthBill(esiId, 9, "ESTIMATED", "HELD_FOR_REVIEW");
        ops().get("/bills/" + afterActual).then()
                .body("failedRules", equalTo(List.of(BillValidation.ESTIMATED_READ)))
                .body(RULE + ".detail", equalTo("1 estimated read(s) in a row, this one included (allowance 2)"));
    }
}
