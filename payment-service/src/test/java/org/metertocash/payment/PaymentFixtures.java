package org.metertocash.payment;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.payment.posting.Luhn;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

/** Payable accounts opened the way billing opens them (BillingAccountOpened on billing.events), and payment bodies. */
public final class PaymentFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);

    /** An account as billing announced it. */
    public record Account(String accountNumber, String esiId) {
    }

    private static TestProducer producer;

    /** A ten-digit account number with a valid check digit, as billing numbers them. */
    public static String newAccountNumber() {
        String base = String.format("%09d", ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        for (int digit = 0; digit <= 9; digit++) {
            if (Luhn.valid(base + digit)) {
                return base + digit;
            }
        }
        throw new IllegalStateException("no check digit for " + base);
    }

    /** A 17-digit Oncor ESI ID nobody has used. */
    public static String newEsiId() {
        return "1044372" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    /** Opens a payable account: billing's event is consumed from the real topic. */
    public static Account openAccount() {
        return openAccount(newAccountNumber(), newEsiId());
    }

    public static synchronized Account openAccount(String accountNumber, String esiId) {
        if (producer == null) {
            producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
        }
        producer.publish(new BillingAccountOpened(accountNumber, esiId, UUID.randomUUID(), "Ana Ramirez", "FIXED-12",
                BillingType.POSTPAY, "ONCOR", 3, LocalDate.now()));
        await().atMost(WAIT).until(() -> Api.operations().get("/accounts/" + accountNumber).statusCode() == 200);
        return new Account(accountNumber, esiId);
    }

    /** A valid payment body for an account, received a minute ago. */
    public static Map<String, Object> payment(String accountNumber, String esiId, String amount) {
        Map<String, Object> body = new HashMap<>();
        if (accountNumber != null) {
            body.put("accountNumber", accountNumber);
        }
        if (esiId != null) {
            body.put("esiId", esiId);
        }
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "USD");
        body.put("channel", "CARD");
        body.put("externalReference", "AUTH-" + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("receivedAt", Instant.now().minusSeconds(60).toString());
        body.put("instrument", Map.of("type", "CARD", "last4", "4242"));
        return body;
    }

    private PaymentFixtures() {
    }
}
