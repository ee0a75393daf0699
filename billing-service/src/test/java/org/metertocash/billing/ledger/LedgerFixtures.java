package org.metertocash.billing.ledger;

import static io.restassured.config.JsonConfig.jsonConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.metertocash.billing.account.AccountNumber;
import org.metertocash.billing.account.BillCycle;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Billing accounts for ledger and pre-pay tests, opened directly (account opening itself is tested in the account
 * package).
 */
public final class LedgerFixtures {

    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** JSON numbers read as BigDecimal, so money compares exactly. */
    static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** An ESI ID no other account of this test run has. */
    public static String newEsiId() {
        return String.format("1044372%010d", PREMISE.incrementAndGet());
    }

    /** A post-pay account in Dallas on FIXED-12 with ONCOR, starting 1 January 2026. */
    static BillingAccount openAccount(String esiId) {
        return openAccount(esiId, account -> {
        });
    }

    /**
     * An account for {@code esiId} like {@link #openAccount(String)}, with what {@code details} changes, persisted in a
     * transaction of its own.
     */
    public static BillingAccount openAccount(String esiId, Consumer<BillingAccount> details) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long sequence = ((Number) BillingAccount.getEntityManager()
                    .createNativeQuery("select nextval('billing_account_number_seq')").getSingleResult()).longValue();
            BillingAccount account = new BillingAccount();
            account.accountNumber = AccountNumber.of(sequence);
            account.esiId = esiId;
            account.enrollmentId = UUID.randomUUID();
            account.customerName = "Ana Ramirez";
            account.addressLine1 = "1200 Elm St";
            account.city = "Dallas";
            account.stateCode = "TX";
            account.zip = "75201";
            account.county = "Dallas";
            account.productCode = "FIXED-12";
            account.billingType = BillingType.POSTPAY;
            account.tdsp = "ONCOR";
            account.billCycle = BillCycle.forEsiId(esiId, 20);
            account.startDate = LocalDate.of(2026, 1, 1);
            account.openedAt = Instant.now();
            details.accept(account);
            account.persist();
            return account;
        });
    }

    static RequestSpecification operations() {
        return Api.operations().config(EXACT);
    }

    private LedgerFixtures() {
    }
}
