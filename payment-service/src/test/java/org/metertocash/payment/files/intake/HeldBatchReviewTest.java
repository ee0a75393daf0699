package org.metertocash.payment.files.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.autopay.AutopayScenario.newBankAccount;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.payments.CsvPaymentFile;
import org.metertocash.testkit.payments.NachaReturnFile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

@QuarkusTest
class HeldBatchReviewTest {

    @Inject
    EntityManager em;

    @Test
    void given_an_out_of_balance_batch_when_operations_release_it_then_its_lines_post_once_even_when_released_twice() {
        Account dana = openAccount();
        Account acme = openAccount();
        String fileId = uploadFinished(new CsvPaymentFile()
                .batch("GOOD").payment(dana.accountNumber(), "10.00", "CARD", "R-1", "2024-03-04").close()
                .batch("SHORT").payment(acme.accountNumber(), "20.00", "CARD", "R-2", "2024-03-04")
                .payment(acme.accountNumber(), "30.00", "CARD", "R-3", "2024-03-04").close("55.00", 2),
                "PARTIALLY_HELD");
        String note = "agent 42 confirmed by phone: the control row was mistyped, the two receipts are right";

        release(fileId, 2, Map.of(), UUID.randomUUID().toString()).then().statusCode(400)
                .body("errors.field", hasItem("note"));
        Api.operations().contentType("application/json").body(Map.of("note", note))
                .post("/payment-files/" + fileId + "/batches/2/release").then().statusCode(400);
        Api.upstream().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", note)).post("/payment-files/" + fileId + "/batches/2/release").then()
                .statusCode(403);
        assertThat(payments(acme)).as("nothing posted by refused calls").isZero();

        String key = UUID.randomUUID().toString();
        JsonPath released = json(release(fileId, 2, Map.of("note", note), key).then().statusCode(200).extract()
                .asString());

        assertThat(released.getString("status")).isEqualTo("POSTED");
        assertThat(released.getList("batches.status")).containsExactly("POSTED", "RELEASED");
        assertThat(released.getString("batches[1].review.action")).isEqualTo("RELEASE");
        assertThat(released.getString("batches[1].review.actor")).isEqualTo(Api.OPERATIONS_USER);
        assertThat(released.getString("batches[1].review.note")).isEqualTo(note);
        assertThat(released.getBoolean("batches[1].balanced")).as("still shown as it was read").isFalse();
        assertThat(released.getInt("batches[1].posted.count")).isEqualTo(2);
        assertThat(released.getObject("batches[1].posted.amount", BigDecimal.class)).isEqualByComparingTo("50.00");
        assertThat(released.getInt("lines.posted")).isEqualTo(3);
        assertThat(released.getInt("lines.held")).isZero();
        assertThat(released.getObject("amounts.posted", BigDecimal.class)).isEqualByComparingTo("60.00");
        assertThat(released.getObject("amounts.held", BigDecimal.class)).isEqualByComparingTo("0.00");
        Api.operations().get("/payment-files/" + fileId + "/lines").then().statusCode(200)
                .body("lineNumber", equalTo(List.of(2, 4, 5))).body("status", equalTo(List.of("POSTED", "POSTED",
                        "POSTED")));
        JsonPath item = workItem(PaymentFileIntake.BATCH_OUT_OF_BALANCE, fileId + "/2");
        assertThat(item.getString("status")).isEqualTo("RESOLVED");
        assertThat(item.getString("history.find { it.action == 'AUTO_CLOSE' }.actor")).isEqualTo(Api.OPERATIONS_USER);
        assertThat(item.getString("history.find { it.action == 'AUTO_CLOSE' }.outcome")).isEqualTo("released: " + note);

        // the same call again (a retry), and another analyst releasing it again: nothing posts a second time
        release(fileId, 2, Map.of("note", note), key).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"));
        release(fileId, 2, Map.of("note", "released again to be sure"), UUID.randomUUID().toString()).then()
                .statusCode(200).body("batches[1].review.note", equalTo(note)).body("lines.posted", equalTo(3));
        Api.operations().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", "changed my mind")).post("/payment-files/" + fileId + "/batches/2/reject").then()
                .statusCode(409);

        assertThat(payments(acme)).isEqualTo(2);
        assertThat(postedEventsInOutbox(acme)).isEqualTo(2);
    }

    @Test
    void given_a_held_batch_when_operations_reject_it_then_nothing_of_it_posts_and_its_lines_stay_kept_as_rejected() {
        Account acme = openAccount();
        String fileId = uploadFinished(new CsvPaymentFile()
                .batch("SHORT").payment(acme.accountNumber(), "20.00", "CHECK", "R-" + UUID.randomUUID(), "2024-03-04")
                .payment(acme.accountNumber(), "30.00", "CHECK", "R-" + UUID.randomUUID(), "2024-03-04")
                .close("55.00", 2), "HELD");
        String note = "the agent withdrew the batch and sends a corrected file";

        JsonPath rejected = json(reject(fileId, 1, note, UUID.randomUUID().toString()).then().statusCode(200)
                .extract().asString());

        assertThat(rejected.getString("status")).as("every batch rejected: nothing of the file posted")
                .isEqualTo("REJECTED");
        assertThat(rejected.getString("batches[0].status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("batches[0].review.action")).isEqualTo("REJECT");
        assertThat(rejected.getString("batches[0].review.note")).isEqualTo(note);
        assertThat(rejected.getInt("batches[0].rejected.count")).isEqualTo(2);
        assertThat(rejected.getInt("batches[0].posted.count")).isZero();
        assertThat(rejected.getInt("lines.rejected")).isEqualTo(2);
        assertThat(rejected.getInt("lines.held")).isZero();
        assertThat(rejected.getObject("amounts.rejected", BigDecimal.class)).isEqualByComparingTo("50.00");
        Api.operations().queryParam("status", "REJECTED").get("/payment-files/" + fileId + "/lines").then()
                .statusCode(200).header("X-Total-Count", "2")
                .body("reason[0]", org.hamcrest.Matchers.containsString(note));
        JsonPath item = workItem(PaymentFileIntake.BATCH_OUT_OF_BALANCE, fileId + "/1");
        assertThat(item.getString("status")).isEqualTo("RESOLVED");
        assertThat(item.getString("history.find { it.action == 'AUTO_CLOSE' }.outcome")).isEqualTo("rejected: " + note);

        reject(fileId, 1, "again", UUID.randomUUID().toString()).then().statusCode(200)
                .body("batches[0].review.note", equalTo(note));
        release(fileId, 1, Map.of("note", "post it after all"), UUID.randomUUID().toString()).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("rejected by " + Api.OPERATIONS_USER));
        assertThat(payments(acme)).isZero();
    }

    @Test
    void given_a_held_nacha_batch_when_released_then_its_return_is_recorded_and_handed_to_the_returns_processing_once() {
        String trace = "07100001" + String.format("%07d", 7_000_000 + (System.nanoTime() % 999_999));
        String file = new String(new NachaReturnFile().returned("113000023", newBankAccount(), new BigDecimal("12.34"),
                "0000000018", "R01", trace).bytes(), StandardCharsets.US_ASCII);
        // the entry says $12.35 while its batch control declares $12.34: the batch is out of balance
        String tampered = file.replace("0000001234" + "0000000018", "0000001235" + "0000000018");
        assertThat(tampered).isNotEqualTo(file);
        String fileId = Api.upstream().contentType("application/x-nacha")
                .body(tampered.getBytes(StandardCharsets.US_ASCII)).post("/payment-files").then().statusCode(202)
                .extract().path("id");
        assertThat(PaymentFileIntakeTest.awaitFinished(fileId).getString("status")).isEqualTo("HELD");
        Api.operations().queryParam("status", "HELD").get("/payment-files/" + fileId + "/lines").then()
                .header("X-Total-Count", "1");

        release(fileId, 1, Map.of("note", "the bank confirmed the return of 12.35"), UUID.randomUUID().toString())
                .then().statusCode(200).body("status", equalTo("POSTED")).body("batches[0].status", equalTo("RELEASED"))
                .body("lines.recorded", equalTo(1)).body("lines.held", equalTo(0));
        release(fileId, 1, Map.of("note", "again"), UUID.randomUUID().toString()).then().statusCode(200);

        Api.operations().get("/payment-files/" + fileId + "/lines").then().statusCode(200)
                .header("X-Total-Count", "1").body("status", equalTo(List.of("HANDED_OFF")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from ach_return where original_trace_number = ?1").setParameter(1, trace)
                .getSingleResult()).longValue())).isEqualTo(1);
    }

    @Test
    void given_a_batch_that_is_not_held_then_it_can_be_neither_released_nor_rejected() {
        Account dana = openAccount();
        String fileId = uploadFinished(new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), "12.00", "CASH", "R-" + UUID.randomUUID(), "2024-03-04").close(),
                "POSTED");

        release(fileId, 1, Map.of("note", "why not"), UUID.randomUUID().toString()).then().statusCode(409);
        reject(fileId, 1, "why not", UUID.randomUUID().toString()).then().statusCode(409);
        release(fileId, 2, Map.of("note", "no such batch"), UUID.randomUUID().toString()).then().statusCode(404);
        assertThat(payments(dana)).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String uploadFinished(CsvPaymentFile csv, String status) {
        String fileId = Api.upstream().contentType("text/csv").body(csv.text().getBytes(StandardCharsets.UTF_8))
                .post("/payment-files").then().statusCode(202).extract().path("id");
        assertThat(PaymentFileIntakeTest.awaitFinished(fileId).getString("status")).isEqualTo(status);
        return fileId;
    }

    private static Response release(String fileId, int seq, Map<String, String> body, String key) {
        return Api.operations().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/payment-files/" + fileId + "/batches/" + seq + "/release");
    }

    private static Response reject(String fileId, int seq, String note, String key) {
        return Api.operations().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("note", note)).post("/payment-files/" + fileId + "/batches/" + seq + "/reject");
    }

    private static int payments(Account account) {
        return Integer.parseInt(Api.operations().queryParam("accountNumber", account.accountNumber()).get("/payments")
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    /** PaymentPosted rows written to the outbox for the account: the events published, whatever the broker did. */
    private long postedEventsInOutbox(Account account) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_type = ?1 and convert_from(payload, 'UTF8') like ?2")
                .setParameter(1, PaymentPosted.TYPE).setParameter(2, "%\"" + account.accountNumber() + "\"%")
                .getSingleResult()).longValue());
    }

    private static JsonPath json(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The one work item of the type and reference, whatever its status, with its audit trail. */
    private static JsonPath workItem(String type, String reference) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (String status : List.of("OPEN", "RESOLVED", "DISMISSED")) {
            items.addAll(JsonPath.from(Api.operations().queryParam("type", type).queryParam("status", status)
                    .queryParam("limit", 1000).get("/exceptions").then().statusCode(200).extract().asString())
                    .getList("findAll { it.reference == '" + reference + "' }"));
        }
        assertThat(items).as(type + " " + reference).hasSize(1);
        return JsonPath.from(Api.operations().get("/exceptions/" + items.get(0).get("id")).then().statusCode(200)
                .extract().asString());
    }
}
