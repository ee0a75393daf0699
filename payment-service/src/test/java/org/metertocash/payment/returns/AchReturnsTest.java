package org.metertocash.payment.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.autopay.AutopayScenario.enroll;
import static org.metertocash.payment.autopay.AutopayScenario.mandate;
import static org.metertocash.payment.autopay.AutopayScenario.newBankAccount;
import static org.metertocash.payment.autopay.AutopayScenario.sentDebits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.payment.autopay.AutopayScenario;
import org.metertocash.payment.autopay.Mandate;
import org.metertocash.payment.autopay.Mandates;
import org.metertocash.payment.files.intake.PaymentFileResource;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.files.nacha.NachaReader;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.payments.NachaReturnFile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class AchReturnsTest {

    private static final String CUSTOMER_BANK = "113000023";

    private static TopicProbe probe;

    @Inject
    AchReturns returns;

    @Inject
    Mandates mandates;

    @Inject
    EntityManager em;

    @BeforeAll
    static void probe() {
        probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.PAYMENT);
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void given_an_r01_return_then_the_payment_is_returned_once_even_when_the_return_arrives_again() {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        enroll(account, CUSTOMER_BANK, bankAccount, 1);
        Map<String, Object> debit = sentDebits(account, "120.50").get(0);
        String trace = (String) debit.get("traceNumber");
        String paymentId = (String) debit.get("paymentId");
        NachaReturnFile file = new NachaReturnFile().returned(CUSTOMER_BANK, bankAccount, new BigDecimal("120.50"),
                account.accountNumber(), "R01", trace);
        byte[] content = file.bytes();

        upload(content, "RET-R01.ach").then().statusCode(202);

        ReceivedEvent event = probe.await(e -> PaymentReturned.TYPE.equals(e.type())
                && paymentId.equals(e.json().path("paymentId").asText()), WAIT);
        PaymentReturned returned = event.as(PaymentReturned.class);
        assertThat(returned.reasonCode()).isEqualTo("R01");
        assertThat(returned.reasonDescription()).isEqualTo("Insufficient funds");
        assertThat(returned.amount()).isEqualByComparingTo("120.50");
        assertThat(returned.accountNumber()).isEqualTo(account.accountNumber());
        assertThat(event.subject()).isEqualTo(account.esiId());
        assertThat(event.body()).doesNotContain(bankAccount);
        Api.operations().get("/payments/" + paymentId).then().body("status", equalTo("RETURNED"));
        JsonPath mandate = mandate(account.accountNumber());
        assertThat(mandate.getString("debits[0].status")).isEqualTo("RETURNED");
        assertThat(mandate.getString("status")).as("one R01 is not enough to suspend").isEqualTo("ACTIVE");

        // the same file again; the same return in another file; the same entries handed over directly
        upload(content, "RET-R01-again.ach").then().statusCode(200).body("duplicate", equalTo(true));
        byte[] resent = file.bytes();
        assertThat(resent).isNotEqualTo(content);
        upload(resent, "RET-R01-resent.ach").then().statusCode(202);
        List<AchEntry> entries = new NachaReader().read(content).postableLines();
        QuarkusTransaction.requiringNew().run(() -> returns.received(null, entries, Cause.newFlow()));

        assertThat(returnedEventsInOutbox(paymentId)).isEqualTo(1);
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(e -> PaymentReturned.TYPE.equals(e.type())
                && paymentId.equals(e.json().path("paymentId").asText()))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AchReturn.count("originalTraceNumber", trace)))
                .isEqualTo(1);
    }

    @Test
    void given_two_returns_within_the_period_then_the_mandate_is_suspended_with_a_work_item_and_bills_are_not_drafted() {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        String mandateId = enroll(account, CUSTOMER_BANK, bankAccount, 1).getString("id");
        List<Map<String, Object>> debits = sentDebits(account, "70.00", "30.25");
        NachaReturnFile file = new NachaReturnFile();
        for (Map<String, Object> debit : debits) {
            file.returned(CUSTOMER_BANK, bankAccount, (BigDecimal) debit.get("amount"), account.accountNumber(), "R01",
                    (String) debit.get("traceNumber"));
        }

        upload(file.bytes(), "RET-TWICE.ach").then().statusCode(202);

        JsonPath mandate = mandate(account.accountNumber());
        assertThat(mandate.getString("status")).isEqualTo("SUSPENDED");
        assertThat(mandate.getString("statusReason")).startsWith("2 returned debits within 180 days");
        assertThat(mandate.getList("history.event", String.class))
                .containsSubsequence("ENROLLED", "RETURN_RECEIVED", "RETURN_RECEIVED", "SUSPENDED");
        JsonPath item = workItem(Mandates.AUTOPAY_SUSPENDED, mandateId);
        assertThat(item.getString("details.accountNumber")).isEqualTo(account.accountNumber());
        assertThat(item.getString("details.bankAccount")).isEqualTo("****" + bankAccount.substring(8));
        assertThat(item.getInt("details.returns")).isEqualTo(2);
        for (Map<String, Object> debit : debits) {
            assertThat(returnedEventsInOutbox((String) debit.get("paymentId"))).isEqualTo(1);
        }

        UUID bill = AutopayScenario.billPosted(account, "44.00", LocalDate.now(), LocalDate.now().plusDays(16));
        JsonPath notDrafted = await().atMost(WAIT).until(() -> findWorkItem("AUTOPAY_DEBIT_NOT_SCHEDULED",
                bill.toString()), found -> found != null);
        assertThat(notDrafted.getString("details.reasonCode")).isEqualTo("MANDATE_SUSPENDED");
    }

    @Test
    void given_notifications_of_change_then_the_mandate_is_corrected_re_encrypted_and_the_change_recorded() {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        String mandateId = enroll(account, CUSTOMER_BANK, bankAccount, 1).getString("id");
        Map<String, Object> debit = sentDebits(account, "61.00").get(0);
        String trace = (String) debit.get("traceNumber");
        String corrected = newBankAccount();
        String before = QuarkusTransaction.requiringNew()
                .call(() -> Mandate.<Mandate> findById(UUID.fromString(mandateId)).bankAccountEncrypted);

        upload(new NachaReturnFile()
                .changed(CUSTOMER_BANK, bankAccount, account.accountNumber(), "C01", trace, corrected)
                .changed(CUSTOMER_BANK, bankAccount, account.accountNumber(), "C05", trace, "37")
                .bytes(), "NOC.ach").then().statusCode(202);

        JsonPath mandate = mandate(account.accountNumber());
        assertThat(mandate.getString("bankAccount")).isEqualTo("****" + corrected.substring(8));
        assertThat(mandate.getString("accountType")).isEqualTo("SAVINGS");
        assertThat(mandate.getString("status")).isEqualTo("ACTIVE");
        assertThat(mandate.getList("history.findAll { it.event == 'NOC_APPLIED' }.code", String.class))
                .containsExactly("C01", "C05");
        assertThat(mandate.getString("history.find { it.code == 'C01' }.detail"))
                .isEqualTo("bank account ****" + bankAccount.substring(8) + " → ****" + corrected.substring(8));
        assertThat(mandate.prettify()).doesNotContain(corrected).doesNotContain(bankAccount);
        Mandate stored = QuarkusTransaction.requiringNew().call(() -> Mandate.findById(UUID.fromString(mandateId)));
        assertThat(stored.bankAccountEncrypted).isNotEqualTo(before).doesNotContain(corrected);
        assertThat(mandates.bankAccount(stored).reveal()).isEqualTo(corrected);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AchReturn.<AchReturn> list("originalTraceNumber",
                trace)).stream().map(r -> r.outcome)).containsOnly(AchReturn.Outcome.NOC_APPLIED).hasSize(2);
    }

    @Test
    void given_a_return_of_a_debit_we_never_sent_then_it_is_kept_unmatched_with_a_work_item() {
        String trace = "07100001" + String.format("%07d", 9_000_000 + (System.nanoTime() % 999_999));
        String bankAccount = newBankAccount();

        upload(new NachaReturnFile().returned(CUSTOMER_BANK, bankAccount, new BigDecimal("12.34"), "0000000018", "R03",
                trace).bytes(), "RET-UNKNOWN.ach").then().statusCode(202);

        JsonPath item = workItem(AchReturns.ACH_RETURN_UNMATCHED, "ach-return:" + trace + ":R03");
        assertThat(item.getString("summary")).contains("no auto-draft debit of ours has trace number " + trace)
                .doesNotContain(bankAccount);
        assertThat(item.getString("details.bankAccount")).isEqualTo("****" + bankAccount.substring(8));
        assertThat(QuarkusTransaction.requiringNew().call(() -> AchReturn.<AchReturn> find("originalTraceNumber", trace)
                .singleResult().outcome)).isEqualTo(AchReturn.Outcome.UNMATCHED);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Response upload(byte[] content, String name) {
        return Api.upstream().contentType("application/octet-stream").header(PaymentFileResource.FILE_NAME_HEADER, name)
                .body(content).post("/payment-files");
    }

    /** PaymentReturned rows written to the outbox for the payment: the events published, whatever the broker did. */
    private long returnedEventsInOutbox(String paymentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_type = ?1 and convert_from(payload, 'UTF8') like ?2")
                .setParameter(1, PaymentReturned.TYPE).setParameter(2, "%" + paymentId + "%").getSingleResult())
                .longValue());
    }

    private static JsonPath findWorkItem(String type, String reference) {
        String body = Api.operations().queryParam("type", type).queryParam("limit", 1000).get("/exceptions").then()
                .statusCode(200).extract().asString();
        List<Map<String, Object>> items = JsonPath.from(body).getList("findAll { it.reference == '" + reference + "' }");
        if (items.isEmpty()) {
            return null;
        }
        return JsonPath.from(Api.operations().get("/exceptions/" + items.get(0).get("id")).then().statusCode(200)
                .extract().asString());
    }

    private static JsonPath workItem(String type, String reference) {
        JsonPath item = findWorkItem(type, reference);
        assertThat(item).as(type + " " + reference).isNotNull();
        return item;
    }
}
