package org.metertocash.dunning.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.dunning.NoticeIssued;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TopicProbe;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Notices on the real stack: issued through the outbox, printed notices sent in the day's print batch (one PDF each
 * and a manifest in the outbound folder), e-mail and text messages handed to the sender at once.
 */
@QuarkusTest
class NoticesTest {

    @Inject
    Notices notices;

    @Inject
    NoticesConfig config;

    static String newEsiId() {
        return String.format("1044372%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    static String newAccountNumber() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    static LocalDate today() {
        return LocalDate.parse(Api.operations().get("/admin/clock").then().extract().path("today"));
    }

    static NoticeRequest disconnectNotice(String esiId, String accountNumber, LocalDate today) {
        return new NoticeRequest(accountNumber, esiId, NoticeKind.DISCONNECT_NOTICE, NoticeChannel.PRINT,
                new Recipient("Dana Smith, Jr.", "dana@example.com", "2145550199",
                        new ServiceAddress("42 Oak Lawn Ave", null, "Dallas", "TX", "75219", "Dallas")),
                new BigDecimal("245.67"), today.plusDays(14), today);
    }

    UUID issue(NoticeRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> notices.issue(request, Cause.newFlow()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    @Test
    void a_printed_notice_is_sent_in_the_print_batch_as_a_pdf_listed_in_the_manifest_with_its_checksum()
            throws Exception {
        String esiId = newEsiId();
        String accountNumber = newAccountNumber();
        LocalDate today = today();
        UUID id = issue(disconnectNotice(esiId, accountNumber, today));

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.DUNNING)) {
            NoticeIssued issued = probe.await(e -> NoticeIssued.TYPE.equals(e.type())
                    && e.body().contains(id.toString()), Duration.ofSeconds(30)).as(NoticeIssued.class);
            assertThat(issued.kind()).isEqualTo("DISCONNECT_NOTICE");
            assertThat(issued.channel()).isEqualTo("PRINT");
            assertThat(issued.template()).isEqualTo("disconnect-notice.print");
            assertThat(issued.recipient()).isEqualTo("Dana Smith, Jr.");
            assertThat(issued.amount()).isEqualByComparingTo("245.67");
            assertThat(issued.disconnectDate()).isEqualTo(today.plusDays(14));
            assertThat(issued.issuedOn()).isEqualTo(today);
        }
        Api.operations().get("/notices?esiId=" + esiId).then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(id.toString())).body("[0].sentAt", nullValue())
                .body("[0].batchId", nullValue());
        Api.operations().get("/notices/" + id + "/document").then().statusCode(404);

        ExtractableResponse<Response> run = Api.operations().post("/notices/print-batches?date=" + today).then()
                .statusCode(201).body("delivered", equalTo(true)).body("batch.deliveredAt", notNullValue())
                .body("batch.files.noticeId", hasItem(id.toString())).extract();
        String folder = run.path("batch.folder");
        Path batch = Path.of(config.outbound()).resolve(folder);
        byte[] pdf = Files.readAllBytes(batch.resolve(id + ".pdf"));
        String pdfSha = sha256(pdf);
        assertThat(pdfText(pdf)).contains("DISCONNECT NOTICE").contains("ESI ID: " + esiId)
                .contains("Amount past due: $245.67").contains("Dana Smith, Jr.");

        byte[] manifest = Files.readAllBytes(batch.resolve("manifest.csv"));
        assertThat(sha256(manifest)).isEqualTo(run.path("batch.manifestSha256").toString());
        List<String> lines = List.of(new String(manifest, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(PrintManifest.HEADER);
        assertThat(lines).contains(String.join(",", id.toString(), accountNumber, esiId, "DISCONNECT_NOTICE",
                "\"Dana Smith, Jr.\"", "42 Oak Lawn Ave", "", "Dallas", "TX", "75219", "245.67",
                today.plusDays(14).toString(), id + ".pdf", pdfSha));

        Api.operations().get("/notices/" + id).then().statusCode(200).body("sentAt", notNullValue())
                .body("batchId", equalTo(run.path("batchId").toString())).body("documentSha256", equalTo(pdfSha));
        byte[] served = Api.operations().get("/notices/" + id + "/document").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(served).isEqualTo(pdf);

        // sent once: the next run does not print it again
        Api.operations().post("/notices/print-batches?date=" + today).then().statusCode(org.hamcrest.Matchers
                .either(equalTo(200)).or(equalTo(201)));
        Api.operations().get("/notices/" + id).then().body("batchId", equalTo(run.path("batchId").toString()));
        Api.upstream().post("/notices/print-batches").then().statusCode(403);
    }

    @Test
    void an_email_is_sent_when_issued_and_a_notice_that_cannot_be_sent_raises_its_work_item_at_once() {
        String esiId = newEsiId();
        LocalDate today = today();
        UUID email = issue(new NoticeRequest(newAccountNumber(), esiId, NoticeKind.PREPAY_LOW_BALANCE,
                NoticeChannel.EMAIL, new Recipient("Dana Smith", "dana@example.com", null, null),
                new BigDecimal("18.40"), null, today));
        UUID sms = issue(new NoticeRequest(newAccountNumber(), esiId, NoticeKind.PREPAY_DISCONNECT_WARNING,
                NoticeChannel.SMS, new Recipient("Dana Smith", "dana@example.com", null, null),
                new BigDecimal("6.10"), null, today));

        Api.operations().get("/notices/" + email).then().body("sentAt", notNullValue())
                .body("template", equalTo("prepay-low-balance.email")).body("sendProblem", nullValue());
        Api.operations().get("/notices/" + sms).then().body("sentAt", nullValue())
                .body("sendProblem", equalTo("missing a phone number")).body("notSentReportedAt", notNullValue());
        Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&esiId=" + esiId).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reference", equalTo(sms.toString()))
                .body("[0].details.reason", equalTo("missing a phone number"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.DUNNING)) {
            NoticeIssued issued = probe.await(e -> NoticeIssued.TYPE.equals(e.type())
                    && e.body().contains(email.toString()), Duration.ofSeconds(30)).as(NoticeIssued.class);
            assertThat(issued.recipient()).isEqualTo("dana@example.com");
            assertThat(issued.channel()).isEqualTo("EMAIL");
        }
        Api.operations().get("/notices?date=" + today + "&esiId=" + esiId).then().body("$", hasSize(2));
        Api.operations().get("/notices").then().statusCode(400);
    }
}
