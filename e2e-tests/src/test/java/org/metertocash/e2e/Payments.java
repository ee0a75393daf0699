package org.metertocash.e2e;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.response.Response;

/** Payments as an upstream channel takes them: a card payment posted to payment-service. */
final class Payments {

    static Map<String, Object> card(String accountNumber, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountNumber", accountNumber);
        body.put("amount", amount);
        body.put("currency", "USD");
        body.put("channel", "CARD");
        body.put("externalReference", "AUTH-" + java.util.UUID.randomUUID().toString().substring(0, 8)); // never a card-like number
        body.put("receivedAt", Instant.now().minusSeconds(30).toString());
        body.put("instrument", Map.of("type", "CARD", "last4", "4242"));
        return body;
    }

    static Response post(Map<String, Object> body, String idempotencyKey) {
        return RunningPlatform.as(PlatformService.PAYMENT, Api.upstream()).header("Idempotency-Key", idempotencyKey)
                .body(body).post("/payments");
    }

    static Response pay(String accountNumber, String amount, String idempotencyKey) {
        return post(card(accountNumber, amount), idempotencyKey);
    }

    private Payments() {
    }
}
