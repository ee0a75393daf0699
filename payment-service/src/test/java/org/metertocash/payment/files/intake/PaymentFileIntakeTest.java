package org.metertocash.payment.files.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.newAccountNumber;
import static org.metertocash.payment.PaymentFixtures.openAccount;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.payment.files.PaymentFileSamples;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.payments.Bai2LockboxFile;
import org.metertocash.testkit.payments.CsvPaymentFile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

@QuarkusTest
class PaymentFileIntakeTest {

    private static TopicProbe probe;

    @BeforeAll
    static void probe() {
        probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.PAYMENT);
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    /** A business day no other test's payments fall on, so its reconciliation holds this test's file alone. */
    private static LocalDate ownDay() {
        return LocalDate.of(2005, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4000));
    }

    @Test
    void given_a_csv_file_when_received_then_every_line_posts_once_and_the_day_reconciles_to_the_cent() {
        Account dana = openAccount();
        Account acme = openAccount();
        LocalDate day = ownDay();
        CsvPaymentFile csv = new CsvPaymentFile()
                .batch("AGENT42-1").payment(dana.accountNumber(), null, "125.40", "PAY_AGENT", "RCPT-1", day + "T09:14:05-06:00")
                .payment(null, acme.esiId(), "60.05", "CASH", "\"RCPT-2, counter 2\"", day + "T10:00:00")
                .close()
                .batch("AGENT42-2").payment(acme.accountNumber(), null, "1000", "CHECK", "CHK-3", day.toString())
                .close();

        Response response = upload(csv.text(), "text/csv", "agent42-" + day + ".csv");

        response.then().statusCode(202).body("duplicate", equalTo(false)).body("file.format", equalTo("CSV"))
                .body("file.lines.toPost", equalTo(3));
        String fileId = response.path("id");
        JsonPath file = awaitFinished(fileId);
        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getInt("lines.posted")).isEqualTo(3);
        assertThat(file.getObject("amounts.posted", BigDecimal.class)).isEqualByComparingTo("1185.45");
        assertThat(file.getList("batches.status")).containsExactly("POSTED", "POSTED");
        assertThat(file.getObject("batches[0].declared.amount", BigDecimal.class)).isEqualByComparingTo("185.45");
        assertThat(file.getObject("batches[0].computed.amount", BigDecimal.class)).isEqualByComparingTo("185.45");
        assertThat(file.getObject("batches[1].posted.amount", BigDecimal.class)).isEqualByComparingTo("1000.00");
        assertThat(file.getString("sha256")).hasSize(64);

        List<Map<String, Object>> lines = Api.operations().queryParam("status", "POSTED")
                .get("/payment-files/" + fileId + "/lines").then().statusCode(200).header("X-Total-Count", "3")
                .extract().path("");
        assertThat(lines).extracting(l -> l.get("lineNumber")).containsExactly(2, 3, 5);
        assertThat(lines).extracting(l -> l.get("appliedAccountNumber"))
                .containsExactly(dana.accountNumber(), acme.accountNumber(), acme.accountNumber());
        Set<String> paymentIds = lines.stream().map(l -> (String) l.get("paymentId")).collect(Collectors.toSet());
        assertThat(postedEvents(paymentIds)).extracting(e -> e.as(PaymentPosted.class).amount())
                .containsExactlyInAnyOrder(new BigDecimal("125.40"), new BigDecimal("60.05"), new BigDecimal("1000.00"));

        JsonPath reconciliation = reconciliation(day);
        assertThat(reconciliation.getBoolean("total.balanced")).isTrue();
        assertThat(reconciliation.getInt("bySource.find { it.fileId == '" + fileId + "' }.received.count")).isEqualTo(3);
        assertThat(reconciliation.getObject("bySource.find { it.fileId == '" + fileId + "' }.posted.amount",
                BigDecimal.class)).isEqualByComparingTo("1185.45");
        assertThat(reconciliation.getObject("total.received.amount", BigDecimal.class)).isEqualByComparingTo("1185.45");
        assertThat(reconciliation.getObject("total.difference.amount", BigDecimal.class)).isEqualByComparingTo("0");
    }

    @Test
    void given_a_bai2_lockbox_report_when_received_then_each_item_posts_as_a_check_on_the_as_of_day() {
        Account dana = openAccount();
        Account acme = openAccount();
        Account lee = openAccount();
        LocalDate day = ownDay();
        String bai2 = new Bai2LockboxFile(day)
                .account("4455667788").deposit("LBX1", dana.accountNumber(), "125.40", acme.esiId(), "600.00")
                .account("4455667799").deposit("LBX2", lee.accountNumber(), "99.99")
                .text();

        Response response = upload(bai2, "application/octet-stream", "lockbox-" + day + ".bai2");

        response.then().statusCode(202).body("file.format", equalTo("BAI2"));
        String fileId = response.path("id");
        JsonPath file = awaitFinished(fileId);
        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getInt("lines.posted")).isEqualTo(3);
        assertThat(file.getList("batches.batchId")).containsExactly("group 1 account 4455667788",
                "group 1 account 4455667799");
        assertThat(file.getList("batches.balanced")).containsOnly(true);

        List<Map<String, Object>> lines = Api.operations().get("/payment-files/" + fileId + "/lines").then()
                .statusCode(200).extract().path("");
        assertThat(lines).extracting(l -> l.get("status")).containsOnly("POSTED");
        assertThat(lines).extracting(l -> l.get("channel")).containsOnly("CHECK");
        assertThat(lines).extracting(l -> l.get("externalReference")).containsExactly("LBX1-1", "LBX1-2", "LBX2-1");
        Set<String> paymentIds = lines.stream().map(l -> (String) l.get("paymentId")).collect(Collectors.toSet());
        assertThat(postedEvents(paymentIds)).extracting(ReceivedEvent::subject)
                .containsExactlyInAnyOrder(dana.esiId(), acme.esiId(), lee.esiId());

        JsonPath reconciliation = reconciliation(day);
        assertThat(reconciliation.getList("byChannel.channel")).containsExactly("CHECK");
        assertThat(reconciliation.getObject("byChannel[0].posted.amount", BigDecimal.class))
                .isEqualByComparingTo("825.39");
        assertThat(reconciliation.getString("bySource[0].fileId")).isEqualTo(fileId);
        assertThat(reconciliation.getBoolean("bySource[0].balanced")).isTrue();
    }

    @Test
    void given_a_file_received_before_when_it_comes_again_then_it_is_recognised_and_nothing_posts_again() {
        Account dana = openAccount();
        String text = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "42.00", "CASH", "RCPT-" + UUID.randomUUID(), "2024-03-04")
                .close().text();
        String fileId = upload(text, "text/csv", "first.csv").then().statusCode(202).extract().path("id");
        awaitFinished(fileId);
        int files = Integer.parseInt(Api.operations().get("/payment-files").then().extract().header("X-Total-Count"));

        upload(text, "text/csv", "the-same-again.csv").then().statusCode(200)
                .body("id", equalTo(fileId)).body("duplicate", equalTo(true)).body("status", equalTo("POSTED"));

        assertThat(Integer.parseInt(Api.operations().get("/payment-files").then().extract().header("X-Total-Count")))
                .isEqualTo(files);
        Api.operations().queryParam("accountNumber", dana.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "1");
        Api.operations().get("/payment-files/" + fileId).then().body("lines.posted", equalTo(1));
    }

    @Test
    void given_a_batch_whose_control_totals_disagree_then_it_is_held_as_an_exception_and_the_other_batch_posts() {
        Account dana = openAccount();
        Account acme = openAccount();
        CsvPaymentFile csv = new CsvPaymentFile()
                .batch("GOOD").payment(dana.accountNumber(), null, "10.00", "CARD", "R-1", "2024-03-04").close()
                .batch("SHORT").payment(acme.accountNumber(), null, "20.00", "CARD", "R-2", "2024-03-04")
                .payment(acme.accountNumber(), null, "30.00", "CARD", "R-3", "2024-03-04").close("55.00", 2);

        Response response = upload(csv.text(), "text/csv", "short-" + UUID.randomUUID() + ".csv");

        response.then().statusCode(202);
        String fileId = response.path("id");
        JsonPath file = awaitFinished(fileId);
        assertThat(file.getString("status")).isEqualTo("PARTIALLY_HELD");
        assertThat(file.getInt("lines.posted")).isEqualTo(1);
        assertThat(file.getInt("lines.held")).isEqualTo(2);
        assertThat(file.getObject("amounts.held", BigDecimal.class)).isEqualByComparingTo("50.00");
        assertThat(file.getList("batches.status")).containsExactly("POSTED", "HELD");
        assertThat(file.getBoolean("batches[1].balanced")).isFalse();
        assertThat(file.getObject("batches[1].declared.amount", BigDecimal.class)).isEqualByComparingTo("55.00");
        assertThat(file.getObject("batches[1].computed.amount", BigDecimal.class)).isEqualByComparingTo("50.00");
        assertThat(file.getInt("batches[1].posted.count")).isZero();

        Api.operations().queryParam("status", "HELD").get("/payment-files/" + fileId + "/lines").then()
                .statusCode(200).header("X-Total-Count", "2").body("lineNumber", equalTo(List.of(4, 5)))
                .body("reason[0]", org.hamcrest.Matchers.containsString("out of balance"));
        Api.operations().queryParam("accountNumber", acme.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "0");
        Api.operations().queryParam("accountNumber", dana.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "1");
        JsonPath item = workItem(PaymentFileIntake.BATCH_OUT_OF_BALANCE, fileId + "/2");
        assertThat(item.getObject("details.declared.amount", String.class)).isEqualTo("55.00");
        assertThat(item.getObject("details.computed.amount", String.class)).isEqualTo("50.00");
        assertThat(item.getInt("details.declared.count")).isEqualTo(2);
    }

    @Test
    void given_a_malformed_csv_file_then_it_is_refused_with_line_and_reason_kept_as_rejected_and_nothing_posts() {
        Account dana = openAccount();
        String text = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "10.00", "CARD", "R-" + UUID.randomUUID(), "2024-03-04")
                .raw("REFUND,B1,,,5.00,,,,,")
                .payment(dana.accountNumber(), null, "-3.00", "CARD", "R-neg", "2024-03-04")
                .close().text();

        Response response = upload(text, "text/csv", "bad.csv");

        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:metertocash:problem:payment-file-rejected"))
                .body("problems[0].line", equalTo(3)).body("problems[0].field", equalTo("record_type"))
                .body("problems[1].line", equalTo(4)).body("problems[1].field", equalTo("amount"));
        String fileId = response.path("fileId");
        assertThat(response.header("Location")).endsWith("/payment-files/" + fileId);
        Api.operations().get("/payment-files/" + fileId).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("sizeBytes", equalTo(text.getBytes(StandardCharsets.UTF_8).length))
                .body("lines.posted", equalTo(0)).body("batches[0].status", equalTo("REJECTED"));
        Api.operations().queryParam("accountNumber", dana.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "0");
        JsonPath item = workItem(PaymentFileIntake.FILE_REJECTED, fileId);
        assertThat(item.getList("details.problems", String.class).get(0)).startsWith("line 3 record_type");
    }

    @Test
    void given_a_nacha_file_with_a_record_of_the_wrong_length_or_a_truncated_csv_then_each_is_rejected() {
        byte[] shortRecord = PaymentFileSamples.with("nacha/returns-and-nocs.ach", "DANA SMITH              ",
                "DANA SMITH             ");
        Api.upstream().contentType("application/x-nacha").body(shortRecord).post("/payment-files").then()
                .statusCode(422).body("problems[0].line", equalTo(3))
                .body("problems[0].field", equalTo("record length"));

        String truncated = new CsvPaymentFile().batch("B1")
                .payment(newAccountNumber(), null, "1.00", "CASH", "R-" + UUID.randomUUID(), "2024-03-04").close()
                .truncated();
        upload(truncated, "text/csv", "cut.csv").then().statusCode(422)
                .body("problems.reason", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("truncated")));
    }

    @Test
    void given_a_line_whose_account_matches_nothing_then_it_goes_to_suspense_like_a_single_payment() {
        Account dana = openAccount();
        String stranger = newAccountNumber();
        String text = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "15.00", "CHECK", "CHK-" + UUID.randomUUID(), "2024-03-04")
                .payment(stranger, null, "77.70", "CHECK", "CHK-stranger", "2024-03-04").close().text();

        String fileId = upload(text, "text/csv", "with-a-stranger.csv").then().statusCode(202).extract().path("id");

        JsonPath file = awaitFinished(fileId);
        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getInt("lines.posted")).isEqualTo(1);
        assertThat(file.getInt("lines.unapplied")).isEqualTo(1);
        assertThat(file.getObject("amounts.unapplied", BigDecimal.class)).isEqualByComparingTo("77.70");
        String paymentId = Api.operations().queryParam("status", "UNAPPLIED").get("/payment-files/" + fileId + "/lines")
                .then().statusCode(200).body("lineNumber", equalTo(List.of(3)))
                .body("accountNumber[0]", equalTo(stranger)).extract().path("paymentId[0]");
        Api.operations().get("/payments/" + paymentId).then().body("status", equalTo("UNAPPLIED"))
                .body("unappliedReason", equalTo("NO_ACCOUNT")).body("source.fileId", equalTo(fileId))
                .body("source.lineNumber", equalTo(3));
        workItem("UNAPPLIED_CASH", paymentId);
    }

    @Test
    void given_a_nacha_return_and_noc_file_then_each_entry_is_handed_to_the_returns_processing_once() {
        byte[] content = PaymentFileSamples.bytes("nacha/returns-and-nocs.ach");

        Response response = Api.upstream().contentType("application/octet-stream").body(content)
                .post("/payment-files?fileName=RET1124.ach");

        response.then().statusCode(202).body("file.format", equalTo("NACHA")).body("status", equalTo("POSTED"))
                .body("file.lines.recorded", equalTo(6));
        String fileId = response.path("id");
        List<Map<String, Object>> lines = Api.operations().get("/payment-files/" + fileId + "/lines").then()
                .statusCode(200).header("X-Total-Count", "6").extract().path("");
        assertThat(lines).extracting(l -> l.get("status")).containsOnly("HANDED_OFF");
        assertThat(lines.get(0).get("reason").toString()).startsWith("return R01");
        assertThat(lines.get(0).get("accountNumber")).isEqualTo("0000000018");

        // the same bytes again: the file is recognised
        Api.upstream().contentType("application/octet-stream").body(content).post("/payment-files").then()
                .statusCode(200).body("id", equalTo(fileId)).body("duplicate", equalTo(true));
        // the same entries in another file (another file id modifier): recorded as duplicates, not handed over again
        byte[] resent = PaymentFileSamples.with(content, "0700A094101", "0700B094101");
        String again = Api.upstream().contentType("application/x-nacha").body(resent).post("/payment-files").then()
                .statusCode(202).body("duplicate", equalTo(false)).extract().path("id");
        Api.operations().get("/payment-files/" + again + "/lines").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("DUPLICATE")))
                .body("size()", equalTo(6));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Response upload(String content, String contentType, String fileName) {
        return Api.upstream().contentType(contentType).header(PaymentFileResource.FILE_NAME_HEADER, fileName)
                .body(content.getBytes(StandardCharsets.UTF_8)).post("/payment-files");
    }

    static JsonPath awaitFinished(String fileId) {
        await().atMost(WAIT).until(() -> {
            String status = Api.operations().get("/payment-files/" + fileId).then().statusCode(200).extract()
                    .path("status");
            return !"POSTING".equals(status) && !"RECEIVED".equals(status);
        });
        return JsonPath.from(Api.operations().get("/payment-files/" + fileId).then().extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath reconciliation(LocalDate day) {
        return JsonPath.from(Api.operations().queryParam("date", day.toString()).get("/reconciliation").then()
                .statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The PaymentPosted events of these payments, once each: waits until all have arrived, then a little more. */
    private static List<ReceivedEvent> postedEvents(Set<String> paymentIds) {
        for (String paymentId : paymentIds) {
            probe.await(e -> PaymentPosted.TYPE.equals(e.type()) && paymentId.equals(e.json().path("paymentId").asText()),
                    WAIT);
        }
        List<ReceivedEvent> events = probe.drain(Duration.ofMillis(500)).stream()
                .filter(e -> PaymentPosted.TYPE.equals(e.type())
                        && paymentIds.contains(e.json().path("paymentId").asText()))
                .toList();
        assertThat(events).as("one PaymentPosted per line").hasSize(paymentIds.size());
        return events;
    }

    private static JsonPath workItem(String type, String reference) {
        String body = Api.operations().queryParam("type", type).queryParam("limit", 1000).get("/exceptions").then()
                .statusCode(200).extract().asString();
        List<Map<String, Object>> items = JsonPath.from(body).getList("findAll { it.reference == '" + reference + "' }");
        assertThat(items).as(type + " " + reference).hasSize(1);
        return JsonPath.from(Api.operations().get("/exceptions/" + items.get(0).get("id")).then().statusCode(200)
                .extract().asString());
    }
}
