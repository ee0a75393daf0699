package org.metertocash.billing.prepay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.LedgerFixtures;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.testkit.Api;

/**
 * Pre-pay products, accounts and payments for the pre-pay tests: a product of 10.0¢/kWh flat on a TDU of the run
 * ($3.00/month, 5.0000¢/kWh), warned below $30, disconnectable below $10, reconnected at $50; accounts in Round Rock
 * (outside the configured cities: only the PUC assessment of 0.1667 %) starting 1 May 2026, opened directly.
 */
final class PrepayFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** This run's tag, for document numbers no other run uses. */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final String TDU = "P" + RUN;

    /**
     * This run's pre-pay product (created on first use, the same again afterwards): 10.0¢/kWh; warned below $30,
     * disconnectable below $10 (16 TAC §25.498 caps it), reconnected at $50 (cap $75).
     */
    static String prepayProduct() {
        Api.admin().body("{\"customerCharge\": 3.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2026-01-01").then().statusCode(Matchers.oneOf(200, 201));
        String code = "PREPAY-" + RUN;
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Pre-pay test plan", "billingType": "PREPAY", "termMonths": 0, "tdu": "%s",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0},
                 "prepay": {"lowBalanceThreshold": 30.00, "disconnectionBalance": 10.00, "connectionBalance": 50.00}}
                """.formatted(code, TDU)).post("/products").then().statusCode(Matchers.oneOf(200, 201));
        return code;
    }

    /** A pre-pay account in Round Rock on the product, on this run's TDU, starting 1 May 2026. */
    static BillingAccount openPrepayAccount(String productCode) {
        return LedgerFixtures.openAccount(LedgerFixtures.newEsiId(), account -> {
            account.addressLine1 = "400 Congress Ave";
            account.city = "Round Rock";
            account.zip = "78664";
            account.county = "Williamson";
            account.productCode = productCode;
            account.billingType = BillingType.PREPAY;
            account.tdsp = TDU;
            account.startDate = MAY_1;
        });
    }

    /** A card payment to the account, as payment-service publishes it. */
    static PaymentPosted payment(BillingAccount account, String amount) {
        Instant now = Instant.now();
        return new PaymentPosted(UUID.randomUUID(), account.accountNumber, account.esiId, new BigDecimal(amount),
                "CARD", "AUTH-" + now.toEpochMilli(), now.minusSeconds(60), now);
    }

    private PrepayFixtures() {
    }
}
