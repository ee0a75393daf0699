package org.metertocash.billing.bill;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.validation.BillValidation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A deployment that accepts occasional estimates ({@code billing.bills.validation.estimated-read=false}) holds only a
 * run of them: the first and second estimates in a row post by themselves, the third waits for review.
 */
@QuarkusTest
@TestProfile(OnlyConsecutiveEstimatesTest.EstimatesAllowed.class)
class OnlyConsecutiveEstimatesTest extends BillFixtures.Connected {

    /** ESTIMATED_READ off; CONSECUTIVE_ESTIMATES on with its shipped allowance of 2. */
    public static class EstimatesAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.bills.validation.estimated-read", "false");
        }
    }

    /** Friday 7 August 2026, noon in Texas: May, June and July have ended. */
    private static final Instant FRIDAY_7_AUGUST = Instant.parse("2026-08-07T17:00:00Z");

    @Test
    void two_estimates_in_a_row_post_and_the_third_is_held_for_the_run_alone() {
        clockAt(FRIDAY_7_AUGUST);
        String esiId = fixtures.openAccount(newProduct());

        String first = fixtures.monthBill(esiId, 5, "ESTIMATED", "POSTED");
        String second = fixtures.monthBill(esiId, 6, "ESTIMATED", "POSTED");
        String third = fixtures.monthBill(esiId, 7, "ESTIMATED", "HELD_FOR_REVIEW");

        for (String posted : List.of(first, second)) {
            ops().get("/bills/" + posted).then().body("failedRules", hasSize(0))
                    .body("validation.rule", not(hasItem(BillValidation.ESTIMATED_READ)));
        }
        ops().get("/bills/" + third).then()
                .body("failedRules", equalTo(List.of(BillValidation.CONSECUTIVE_ESTIMATES)))
                .body("validation.rule", not(hasItem(BillValidation.ESTIMATED_READ)));
    }
}
