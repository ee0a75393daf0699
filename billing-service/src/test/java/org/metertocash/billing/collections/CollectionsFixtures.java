package org.metertocash.billing.collections;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.LedgerFixtures;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.testkit.Api;

/**
 * Accounts and products for the collections tests: the postpaid product pre-pay accounts are moved to (the test
 * profile's {@code billing.prepay.conversion-product}) and a pre-pay product, both on the TDU {@value #TDU}
 * ($3.00/month, 5.0000¢/kWh); pre-pay accounts on it starting 1 May 2026, opened directly.
 */
final class CollectionsFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TDU = "CONVTDU";
    static final String POSTPAID = "POSTPAID-CONVERSION-TEST";
    static final String PREPAID = "PREPAY-CONVERSION-TEST";
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    /** The conversion product and a pre-pay product on {@value #TDU} (created once; the same again afterwards). */
    static void products() {
        Api.admin().body("{\"customerCharge\": 3.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2026-01-01").then().statusCode(Matchers.oneOf(200, 201));
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Postpaid after conversion", "billingType": "POSTPAY", "termMonths": 12,
                 "tdu": "%s", "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(POSTPAID, TDU)).post("/products").then().statusCode(Matchers.oneOf(200, 201));
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Pre-pay before conversion", "billingType": "PREPAY", "termMonths": 0,
                 "tdu": "%s", "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0},
                 "prepay": {"lowBalanceThreshold": 30.00, "disconnectionBalance": 10.00, "connectionBalance": 50.00}}
                """.formatted(PREPAID, TDU)).post("/products").then().statusCode(Matchers.oneOf(200, 201));
    }

    /** A pre-pay account on {@value #PREPAID} and {@value #TDU}, starting 1 May 2026. */
    static BillingAccount prepayAccount() {
        products();
        return LedgerFixtures.openAccount(LedgerFixtures.newEsiId(), account -> {
            account.productCode = PREPAID;
            account.billingType = BillingType.PREPAY;
            account.tdsp = TDU;
            account.startDate = MAY_1;
        });
    }

    /** A post-pay account (FIXED-12 on ONCOR, from 1 January 2026). */
    static BillingAccount postpayAccount() {
        return LedgerFixtures.openAccount(LedgerFixtures.newEsiId(), account -> {
        });
    }

    private CollectionsFixtures() {
    }
}
