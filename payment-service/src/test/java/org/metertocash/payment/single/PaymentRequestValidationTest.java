package org.metertocash.payment.single;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.metertocash.payment.PaymentFixtures.newAccountNumber;
import static org.metertocash.payment.PaymentFixtures.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PaymentRequestValidationTest {

    private static final Pattern KEPT = Pattern.compile("rejected payment request ([0-9a-f-]{36})");

    static Stream<Arguments> bad_inputs() {
        return Stream.of(
                Arguments.of("a zero amount", "amount", 0, "must be greater than zero"),
                Arguments.of("a negative amount", "amount", new BigDecimal("-12.50"), "must be greater than zero"),
                Arguments.of("more than two decimals", "amount", new BigDecimal("10.005"), "must have at most 2 decimals (whole cents)"),
                Arguments.of("an amount that is not a number", "amount", "ten dollars", "must be a number of dollars, e.g. 125.40"),
                Arguments.of("another currency", "currency", "EUR", "is not accepted: payments are taken in USD only"),
                Arguments.of("an unknown currency", "currency", "XQZ", "is not a known currency code (ISO 4217); payments are taken in USD"),
                Arguments.of("an unknown channel", "channel", "BITCOIN", "must be one of [CARD, ACH, CHECK, CASH, PAY_AGENT]"),
                Arguments.of("a malformed account number", "accountNumber", "12345", "must be 10 digits"),
                Arguments.of("a mistyped account number", "accountNumber", "1000000017", "is not a valid account number (its check digit does not match)"),
                Arguments.of("a malformed ESI ID", "esiId", "2044372000001", "must be 17 or 22 digits starting with 10"),
                Arguments.of("a received-at without offset", "receivedAt", "2026-01-15 09:30", "must be a timestamp with its offset (ISO-8601, e.g. 2026-11-23T10:15:00-06:00)"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("bad_inputs")
    void each_bad_field_is_refused_with_problem_json_naming_it(String description, String field, Object value,
            String reason) {
        Map<String, Object> body = payment(newAccountNumber(), null, "10.00");
        body.put(field, value);
        refused(body).body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].reason", equalTo(reason));
    }

    @Test
    void a_received_at_beyond_the_tolerance_is_refused_and_one_within_it_is_taken() {
        Map<String, Object> late = payment(newAccountNumber(), null, "10.00");
        late.put("receivedAt", Instant.now().plusSeconds(20 * 60).toString());
        refused(late).body("errors.field", equalTo(List.of("receivedAt")))
                .body("errors[0].reason", equalTo("is in the future (more than PT5M after now)"));

        Map<String, Object> drifted = payment(newAccountNumber(), null, "10.00");
        drifted.put("receivedAt", Instant.now().plusSeconds(60).toString());
        Api.upstreamOnce().body(drifted).post("/payments").then().statusCode(201);
    }

    @Test
    void a_payment_naming_no_account_is_refused_on_both_identifiers() {
        Map<String, Object> body = payment(null, null, "10.00");
        refused(body).body("errors.field", equalTo(List.of("accountNumber", "esiId")));
    }

    @Test
    void missing_required_fields_are_all_named_at_once() {
        refused(Map.of("accountNumber", newAccountNumber()))
                .body("errors.field", equalTo(List.of("amount", "channel", "currency", "receivedAt")));
    }

    @Test
    void an_unknown_field_is_refused() {
        Map<String, Object> body = payment(newAccountNumber(), null, "10.00");
        body.put("memo", "for May");
        refused(body).body("errors[0].field", equalTo("memo")).body("errors[0].reason", equalTo("is not a known field"));
    }

    @Test
    void a_body_that_is_not_json_is_refused_and_kept() {
        String id = keptId(Api.upstreamOnce().body("amount=10.00&channel=CARD").post("/payments").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body")));
        Api.operations().get("/rejected-payments/" + id).then().statusCode(200)
                .body("body", equalTo("amount=10.00&channel=CARD")).body("errors[0].field", equalTo("body"));
    }

    @Test
    void a_request_without_an_idempotency_key_is_refused_and_kept() {
        String id = keptId(Api.upstream().body(payment(newAccountNumber(), null, "10.00")).post("/payments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("Idempotency-Key"))));
        Api.operations().get("/rejected-payments/" + id).then().statusCode(200)
                .body("submittedBy", equalTo("upstream")).body("idempotencyKey", equalTo(null));
    }

    @Test
    void a_refused_request_is_kept_with_its_reasons_and_raises_a_work_item_counted_per_key() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = payment(newAccountNumber(), null, "-1.00");
        String first = keptId(Api.upstream().header("Idempotency-Key", key).body(body).post("/payments").then()
                .statusCode(400));
        String second = keptId(Api.upstream().header("Idempotency-Key", key).body(body).post("/payments").then()
                .statusCode(400));
        assertThat(second).isNotEqualTo(first);

        Api.operations().get("/rejected-payments/" + first).then().statusCode(200)
                .body("idempotencyKey", equalTo(key))
                .body("errors[0].field", equalTo("amount"))
                .body("body", containsString("-1.00"));
        List<Map<String, Object>> items = Api.operations().queryParam("type", "PAYMENT_REQUEST_REJECTED")
                .queryParam("limit", 1000).get("/exceptions").then().statusCode(200)
                .extract().path("findAll { it.reference == 'upstream:" + key + "' }");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("occurrences", 2);

        // once corrected, the same key posts: a refused request did not use it up
        body.put("amount", new BigDecimal("1.00"));
        Api.upstream().header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(201);
    }

    @Test
    void a_full_card_number_is_refused_and_never_kept() {
        Map<String, Object> body = payment(newAccountNumber(), null, "10.00");
        body.put("instrument", Map.of("type", "CARD", "last4", "4111111111111111"));
        body.put("externalReference", "card 4012-8888-8888-1881 auth 77");
        String id = keptId(refused(body)
                .body("errors.field", equalTo(List.of("externalReference", "instrument.last4")))
                .body("errors[1].reason", startsWith("must not contain a card number")));
        String kept = Api.operations().get("/rejected-payments/" + id).then().statusCode(200)
                .body("body", not(containsString("4111111111111111")))
                .extract().path("body");
        assertThat(kept).contains("************1111").contains("card ****-****-****-1881 auth 77")
                .doesNotContain("4012-8888");

        Map<String, Object> extra = payment(newAccountNumber(), null, "10.00");
        extra.put("cardNumber", "4111 1111 1111 1111");
        extra.put("bankAccount", "000123456789");
        String extraId = keptId(refused(extra).body("errors.field", hasItem("cardNumber")));
        String keptExtra = Api.operations().get("/rejected-payments/" + extraId).then().statusCode(200)
                .extract().path("body");
        assertThat(keptExtra).doesNotContain("1111 1111").doesNotContain("000123456789")
                .contains("\"bankAccount\":\"[not kept: unknown field]\"");
    }

    private static ValidatableResponse refused(Map<String, Object> body) {
        return Api.upstreamOnce().body(body).post("/payments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:validation"))
                .body("instance", equalTo("/payments"));
    }

    private static String keptId(ValidatableResponse response) {
        String detail = response.extract().path("detail");
        Matcher matcher = KEPT.matcher(detail);
        assertThat(matcher.find()).as("detail names the kept request: " + detail).isTrue();
        return matcher.group(1);
    }
}
