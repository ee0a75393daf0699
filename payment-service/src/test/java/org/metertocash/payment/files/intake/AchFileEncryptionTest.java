package org.metertocash.payment.files.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.payment.autopay.AutopayScenario.newBankAccount;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.files.nacha.NachaReader;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.payments.CsvPaymentFile;
import org.metertocash.testkit.payments.NachaReturnFile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AchFileEncryptionTest {

    private static final String CUSTOMER_BANK = "113000023";

    @Inject
    PaymentFileContent storedContent;

    @Inject
    EntityManager em;

    @Inject
    PaymentFileInbox inbox;

    @Inject
    PaymentFilesConfig filesConfig;

    @Test
    void given_an_ach_return_and_noc_file_then_its_row_holds_no_account_number_in_clear_yet_it_reads_and_is_recognised() {
        String bankAccount = newBankAccount();
        String corrected = newBankAccount();
        byte[] content = new NachaReturnFile()
                .returned(CUSTOMER_BANK, bankAccount, new BigDecimal("12.34"), "0000000018", "R03", newTrace())
                .changed(CUSTOMER_BANK, bankAccount, "0000000018", "C01", newTrace(), corrected)
                .bytes();
        assertThat(new String(content, StandardCharsets.US_ASCII)).contains(bankAccount).contains(corrected);

        Response response = upload(content);

        response.then().statusCode(202).body("file.format", equalTo("NACHA"));
        UUID fileId = UUID.fromString(response.path("id"));
        Object[] row = row(fileId);
        assertThat(row[0]).as("content in clear").isNull();
        assertThat((String) row[1]).startsWith("v1:").doesNotContain(bankAccount).doesNotContain(corrected);
        assertThat(row[2]).isEqualTo(FileChecksum.sha256(content));
        assertThat(everythingStoredFor(fileId)).doesNotContain(bankAccount).doesNotContain(corrected);

        // read again, as a restart or a released batch reads it: the bytes as received
        byte[] stored = storedContent.bytes(fileId);
        assertThat(stored).isEqualTo(content);
        List<AchEntry> entries = new NachaReader().read(stored).postableLines();
        assertThat(entries).extracting(e -> e.accountNumber().reveal()).containsExactly(bankAccount, bankAccount);
        assertThat(entries.get(1).changeAddenda().correctedData().accountNumber().reveal()).isEqualTo(corrected);

        // operations read it masked, every record still 94 characters; partners do not read it back
        byte[] shown = Api.operations().get("/payment-files/" + fileId + "/content").then().statusCode(200)
                .header("X-Content-Masked", "true").extract().asByteArray();
        String text = new String(shown, StandardCharsets.US_ASCII);
        assertThat(text).doesNotContain(bankAccount).doesNotContain(corrected)
                .contains("****" + bankAccount.substring(bankAccount.length() - 4))
                .contains("****" + corrected.substring(corrected.length() - 4));
        assertThat(text.lines()).allSatisfy(record -> assertThat(record).hasSize(94));
        assertThat(shown).hasSameSizeAs(content);
        Api.upstream().get("/payment-files/" + fileId + "/content").then().statusCode(403);

        // the same bytes again: recognised by the checksum of the bytes as received
        upload(content).then().statusCode(200).body("duplicate", equalTo(true)).body("id", equalTo(fileId.toString()));
    }

    @Test
    void given_an_ach_file_stored_in_clear_before_encryption_when_the_service_starts_then_it_is_encrypted_once() {
        String bankAccount = newBankAccount();
        byte[] content = new NachaReturnFile()
                .returned(CUSTOMER_BANK, bankAccount, new BigDecimal("45.00"), "0000000018", "R01", newTrace())
                .bytes();
        UUID fileId = storeInClear(content);
        assertThat(new String((byte[]) row(fileId)[0], StandardCharsets.US_ASCII)).contains(bankAccount);

        int encrypted = storedContent.encryptStoredAchFiles();

        assertThat(encrypted).isPositive();
        Object[] row = row(fileId);
        assertThat(row[0]).isNull();
        assertThat((String) row[1]).startsWith("v1:").doesNotContain(bankAccount);
        assertThat(storedContent.bytes(fileId)).isEqualTo(content);
        assertThat(storedContent.encryptStoredAchFiles()).as("nothing left in clear").isZero();
        assertThat(row(fileId)[1]).as("not encrypted twice").isEqualTo(row[1]);
        upload(content).then().statusCode(200).body("duplicate", equalTo(true)).body("id", equalTo(fileId.toString()));
    }

    @Test
    void given_a_csv_file_then_it_is_kept_as_received_and_read_back_byte_for_byte() {
        byte[] content = new CsvPaymentFile().batch("B1")
                .payment(null, "10443720000012345", "9.99", "CASH", "R-" + UUID.randomUUID(), "2024-03-04").close()
                .bytes();

        UUID fileId = UUID.fromString(Api.upstream().contentType("text/csv").body(content).post("/payment-files")
                .then().statusCode(202).extract().path("id"));

        assertThat((byte[]) row(fileId)[0]).isEqualTo(content);
        assertThat(row(fileId)[1]).isNull();
        assertThat(Api.operations().get("/payment-files/" + fileId + "/content").then().statusCode(200)
                .header("X-Content-Masked", "false").extract().asByteArray()).isEqualTo(content);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @Test
    void an_ach_file_dropped_into_the_inbound_folder_is_stored_and_no_copy_stays_on_disk() throws Exception {
        String bankAccount = newBankAccount();
        byte[] content = new NachaReturnFile()
                .returned(CUSTOMER_BANK, bankAccount, new BigDecimal("23.45"), "0000000018", "R01", newTrace())
                .bytes();
        Path inbound = filesConfig.inbound();
        Files.createDirectories(inbound);
        String name = "returns-" + UUID.randomUUID() + ".ach";
        Path dropped = Files.write(inbound.resolve(name), content);
        Files.setLastModifiedTime(dropped,
                FileTime.from(Instant.now().minusSeconds(60)));

        inbox.takeWaitingFiles(); // the scheduled poll may take it first: the outcome is the same
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(dropped));

        Path processed = inbound.resolve("processed");
        List<Path> left;
        try (var files = Files.list(processed)) {
            left = files.filter(f -> f.getFileName().toString().contains(name)).toList();
        }
        assertThat(left).hasSize(1);
        assertThat(left.get(0).getFileName().toString()).endsWith(name + ".stored");
        String receipt = Files.readString(left.get(0));
        assertThat(receipt).doesNotContain(bankAccount);
        String fileId = left.get(0).getFileName().toString().substring(0, 36);
        assertThat(storedContent.bytes(UUID.fromString(fileId))).isEqualTo(content);
        assertThat((String) row(UUID.fromString(fileId))[1]).doesNotContain(bankAccount);
    }

    private static String newTrace() {
        return "07100001" + String.format("%07d", 8_000_000 + (System.nanoTime() % 999_999));
    }

    private static Response upload(byte[] content) {
        return Api.upstream().contentType("application/x-nacha").body(content).post("/payment-files");
    }

    /** content, content_encrypted, sha256 of the stored row. */
    private Object[] row(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select content, content_encrypted, sha256 from payment_file where id = ?1")
                .setParameter(1, fileId).getSingleResult());
    }

    /** The file's row and every line kept of it, as text: what a copy of the database would show. */
    private String everythingStoredFor(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                select (select row_to_json(f)::text from payment_file f where f.id = ?1)
                    || coalesce((select string_agg(row_to_json(l)::text, '') from payment_file_kept_line l
                                 where l.file_id = ?1), '')
                    || coalesce((select string_agg(row_to_json(r)::text, '') from ach_return r), '')""")
                .setParameter(1, fileId).getSingleResult());
    }

    /** A NACHA file as rows were stored before encryption at rest: its bytes in clear. */
    private static UUID storeInClear(byte[] content) {
        return StoredPaymentFiles.store(content, PaymentFileFormat.NACHA, "returns-before-encryption.ach",
                PaymentFileStatus.POSTED, Instant.now(), null);
    }
}
