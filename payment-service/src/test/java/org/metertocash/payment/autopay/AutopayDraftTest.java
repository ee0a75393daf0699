package org.metertocash.payment.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.openAccount;
import static org.metertocash.payment.autopay.AutopayScenario.awaitDebit;
import static org.metertocash.payment.autopay.AutopayScenario.billCancelled;
import static org.metertocash.payment.autopay.AutopayScenario.billPosted;
import static org.metertocash.payment.autopay.AutopayScenario.clockAt;
import static org.metertocash.payment.autopay.AutopayScenario.debit;
import static org.metertocash.payment.autopay.AutopayScenario.enroll;
import static org.metertocash.payment.autopay.AutopayScenario.newBankAccount;
import static org.metertocash.payment.autopay.AutopayScenario.ownWeek;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.files.nacha.NachaReader;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AutopayDraftTest {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private static TopicProbe probe;

    @Inject
    AutopayOrigination origination;

    @Inject
    OutboundFolder outbound;

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

    @AfterEach
    void resetClock() {
        AutopayScenario.resetClock();
    }

    @Test
    void given_a_bill_then_its_debit_is_drafted_the_business_day_before_the_holiday_in_one_balanced_ppd_file_and_posted()
            throws IOException {
        Account account = openAccount();
        String bankAccount = newBankAccount();
        enroll(account, "113000023", bankAccount, 1);
        AutopayScenario.Week week = ownWeek();
        clockAt(week.issueDate(), LocalTime.NOON);

        UUID billId = billPosted(account, "142.37", week.issueDate(), week.dueTuesday());

        // due Tuesday, one day before is Memorial Day, then the weekend: drafted on the Friday
        Map<String, Object> scheduled = awaitDebit(account.accountNumber(), billId, "SCHEDULED");
        assertThat(scheduled.get("draftDate")).isEqualTo(week.friday().toString());
        assertThat(scheduled.get("dueDate")).isEqualTo(week.dueTuesday().toString());
        assertThat((BigDecimal) scheduled.get("amount")).isEqualByComparingTo("142.37");

        clockAt(week.friday(), LocalTime.of(10, 0));
        Map<String, Object> sent = awaitDebit(account.accountNumber(), billId, "SENT");

        String trace = (String) sent.get("traceNumber");
        assertThat(trace).matches("07100001\\d{7}");
        assertThat(sent.get("effectiveEntryDate")).as("next business day after the Friday: the Tuesday")
                .isEqualTo(week.dueTuesday().toString());
        Path file = outbound.folder().resolve("AUTOPAY_PPD_" + week.friday().format(DateTimeFormatter.BASIC_ISO_DATE)
                + ".ach");
        await().atMost(WAIT).until(() -> Files.exists(file));
        byte[] content = Files.readAllBytes(file);
        ParsedPaymentFile<AchEntry> parsed = new NachaReader().read(content);
        assertThat(parsed.allProblems()).isEmpty();
        assertThat(parsed.balanced()).isTrue();
        assertThat(parsed.batches()).hasSize(1);
        assertThat(parsed.batches().get(0).declared()).isEqualTo(parsed.batches().get(0).computed());
        assertThat(parsed.declared()).isEqualTo(parsed.computed());
        AchEntry entry = parsed.postableLines().stream().filter(e -> e.traceNumber().equals(trace)).findFirst()
                .orElseThrow();
        assertThat(entry.transactionCode()).isEqualTo("27");
        assertThat(entry.routingNumber()).isEqualTo("113000023");
        assertThat(entry.accountNumber()).isEqualTo(BankAccountNumber.of(bankAccount));
        assertThat(entry.amount()).isEqualByComparingTo("142.37");
        assertThat(entry.individualId()).isEqualTo(account.accountNumber());
        List<String> records = Files.readAllLines(file);
        assertThat(records.get(0).substring(23, 29)).as("created on the Friday").isEqualTo(week.friday().format(YYMMDD));
        assertThat(records.stream().filter(r -> r.startsWith("5")).toList()).singleElement()
                .satisfies(header -> assertThat(header.substring(50, 53)).isEqualTo("PPD"))
                .satisfies(header -> assertThat(header.substring(69, 75)).isEqualTo(week.dueTuesday().format(YYMMDD)));

        String paymentId = (String) sent.get("paymentId");
        ReceivedEvent posted = probe.await(e -> PaymentPosted.TYPE.equals(e.type())
                && paymentId.equals(e.json().path("paymentId").asText()), WAIT);
        PaymentPosted event = posted.as(PaymentPosted.class);
        assertThat(event.amount()).isEqualByComparingTo("142.37");
        assertThat(event.channel()).isEqualTo("ACH");
        assertThat(event.externalReference()).isEqualTo("ACH " + trace.substring(0, 8) + "/" + trace.substring(8));
        assertThat(event.accountNumber()).isEqualTo(account.accountNumber());
        assertThat(posted.subject()).isEqualTo(account.esiId());
        assertThat(posted.body()).doesNotContain(bankAccount);
        Api.operations().get("/payments/" + paymentId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("POSTED"))
                .body("source.type", org.hamcrest.Matchers.equalTo("AUTOPAY"))
                .body("instrument.last4", org.hamcrest.Matchers.equalTo(bankAccount.substring(8)));

        // exactly once: running the job again for the day writes nothing, posts nothing
        assertThat(origination.originate(week.friday())).isEmpty();
        origination.deliver();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (Stream<Path> files = Files.list(outbound.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains(week.friday().format(DateTimeFormatter.BASIC_ISO_DATE))))
                    .containsExactly(file.getFileName().toString());
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> OriginationFile.count("originationDate", week.friday())))
                .isEqualTo(1);
        Api.operations().queryParam("accountNumber", account.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "1");
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(e -> PaymentPosted.TYPE.equals(e.type())
                && paymentId.equals(e.json().path("paymentId").asText()))).hasSize(1);
    }

    @Test
    void given_a_bill_cancelled_before_its_draft_date_then_its_debit_is_cancelled_and_never_sent() {
        Account account = openAccount();
        enroll(account, "071000013", newBankAccount(), 0);
        AutopayScenario.Week week = ownWeek();
        clockAt(week.issueDate(), LocalTime.NOON);
        UUID billId = billPosted(account, "80.00", week.issueDate(), week.dueTuesday());
        Map<String, Object> scheduled = awaitDebit(account.accountNumber(), billId, "SCHEDULED");
        assertThat(scheduled.get("draftDate")).as("0 days before: on the due date").isEqualTo(week.dueTuesday().toString());

        billCancelled(account, billId, "80.00", week.issueDate().plusDays(2));

        Map<String, Object> cancelled = awaitDebit(account.accountNumber(), billId, "CANCELLED");
        assertThat((String) cancelled.get("statusReason")).startsWith("bill cancelled");
        clockAt(week.dueTuesday(), LocalTime.of(10, 0));
        assertThat(origination.originate(week.dueTuesday())).isEmpty();
        assertThat(debit(account.accountNumber(), billId).get("status")).isEqualTo("CANCELLED");
        Api.operations().queryParam("accountNumber", account.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "0");
    }

    @Test
    void given_an_account_without_a_mandate_then_its_bills_are_not_drafted() {
        Account account = openAccount();
        Account withMandate = openAccount();
        enroll(withMandate, "071000013", newBankAccount(), 1);
        AutopayScenario.Week week = ownWeek();
        clockAt(week.issueDate(), LocalTime.NOON);

        UUID[] ignored = AutopayScenario.billPostedWithEventId(account, "55.00", week.issueDate(), week.dueTuesday());
        UUID drafted = billPosted(withMandate, "66.00", week.issueDate(), week.dueTuesday());

        awaitDebit(withMandate.accountNumber(), drafted, "SCHEDULED");
        // the bill of the account without a mandate was consumed (its inbox row committed with its effect): no debit
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, ignored[1])
                .getSingleResult()).intValue() == 1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> AutopayDebit.count("billId", ignored[0]))).isZero();
        Api.operations().get("/autopay/" + account.accountNumber()).then().statusCode(404);
    }
}
