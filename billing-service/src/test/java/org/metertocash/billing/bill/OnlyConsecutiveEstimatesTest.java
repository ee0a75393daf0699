package org.metertocash.billing.bill;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.billing.bill.BillFixtures.awaitBill;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.bill.BillFixtures.newProduct;
import static org.metertocash.billing.bill.BillFixtures.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A deployment that accepts occasional estimates ({@code billing.bills.validation.estimated-read=false}) holds only a
 * run of them: the first and second estimates in a row post by themselves, the third waits for review.
 */
@QuarkusTest
@TestProfile(OnlyConsecutiveEstimatesTest.EstimatesAllowed.class)
class OnlyConsecutiveEstimatesTest {

    /** ESTIMATED_READ off; CONSECUTIVE_ESTIMATES on with its shipped allowance of 2. */
    public static class EstimatesAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.bills.validation.estimated-read", "false");
        }
    }

    /** Friday 7 August 2026, noon in Texas: May, June and July have ended. */
    private static final Instant FRIDAY_7_AUGUST = Instant.parse("2026-08-07T17:00:00Z");

    private static TestProducer producer;
    private static BillFixtures fixtures;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
        fixtures = new BillFixtures(producer);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @AfterEach
    void resetClock() {
        BillFixtures.resetClock();
    }

    private static String estimate(String esiId, int month, String status) {
        fixtures.usage(esiId, "ORIGINAL", "E" + month + "-" + esiId, null, LocalDate.of(2026, month, 1),
                LocalDate.of(2026, month + 1, 1), "ESTIMATED", "1000");
        return awaitBill(esiId, LocalDate.of(2026, month, 1), status);
    }

    @Test
    void two_estimates_in_a_row_post_and_the_third_is_held_for_the_run_alone() {
        clockAt(FRIDAY_7_AUGUST);
        String esiId = fixtures.openAccount(newProduct());

        String first = estimate(esiId, 5, "POSTED");
        String second = estimate(esiId, 6, "POSTED");
        String third = estimate(esiId, 7, "HELD_FOR_REVIEW");

        for (String posted : List.of(first, second)) {
            ops().get("/bills/" + posted).then().body("failedRules", hasSize(0))
                    .body("validation.rule", not(hasItem(BillValidation.ESTIMATED_READ)));
        }
        ops().get("/bills/" + third).then()
                .body("failedRules", equalTo(List.of(BillValidation.CONSECUTIVE_ESTIMATES)))
                .body("validation.rule", not(hasItem(BillValidation.ESTIMATED_READ)));
    }
}
