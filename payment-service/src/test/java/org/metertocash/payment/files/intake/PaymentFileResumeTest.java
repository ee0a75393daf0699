package org.metertocash.payment.files.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.payment.PaymentFixtures.WAIT;
import static org.metertocash.payment.PaymentFixtures.openAccount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.PaymentLine;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.payments.CsvPaymentFile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PaymentFileResumeTest {

    @Inject
    PaymentFileReaders readers;

    @Inject
    PaymentFileIntake intake;

    @Inject
    PaymentPosting posting;

    @Inject
    PaymentFilesConfig config;

    @Inject
    Clock clock;

    @Test
    void given_a_file_left_half_posted_when_its_worker_is_gone_then_it_resumes_and_no_line_posts_twice() {
        Account dana = openAccount();
        CsvPaymentFile csv = new CsvPaymentFile().batch("B1");
        for (int i = 1; i <= 5; i++) {
            csv.payment(dana.accountNumber(), null, i + ".00", "CASH", "R-" + i + "-" + UUID.randomUUID(), "2024-03-04");
        }
        byte[] content = csv.close().text().getBytes(StandardCharsets.UTF_8);
        // what a service did before it stopped: stored and judged the file, posted three lines, and held the file
        UUID fileId = store(content, clock.instant().plusSeconds(600));
        ParsedPaymentFile<? extends FileLine> parsed = readers.read(PaymentFileFormat.CSV, content);
        assertThat(QuarkusTransaction.requiringNew().call(() -> intake.judge(fileId, parsed)))
                .isEqualTo(PaymentFileStatus.POSTING);
        List<PaymentInstruction> firstThree = new ArrayList<>();
        for (FileLine line : parsed.postableLines().subList(0, 3)) {
            firstThree.add(PaymentFileLines.instruction(fileId, (PaymentLine) line, "upstream"));
        }
        List<String> postedBefore = posting.postAll(firstThree, Cause.newFlow()).stream()
                .map(r -> r.payment().id.toString()).toList();

        // its lease runs out: the sweep takes the file up
        QuarkusTransaction.requiringNew().run(() -> PaymentFile.update("leaseUntil = ?1 where id = ?2",
                clock.instant().minusSeconds(1), fileId));

        JsonPath file = PaymentFileIntakeTest.awaitFinished(fileId.toString());
        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getInt("lines.done")).isEqualTo(5);
        assertThat(file.getInt("lines.posted")).isEqualTo(5);
        List<String> paymentIds = Api.operations().get("/payment-files/" + fileId + "/lines").then()
                .header("X-Total-Count", "5").extract().path("paymentId");
        assertThat(paymentIds).doesNotHaveDuplicates().containsAll(postedBefore);
        Api.operations().queryParam("accountNumber", dana.accountNumber()).get("/payments").then()
                .header("X-Total-Count", "5");
    }

    @Test
    void given_a_file_stored_but_never_read_when_the_sweep_finds_it_then_it_is_read_and_posted() {
        Account dana = openAccount();
        byte[] content = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "9.99", "CASH", "R-" + UUID.randomUUID(), "2024-03-04").close()
                .text().getBytes(StandardCharsets.UTF_8);
        UUID fileId = store(content, null, clock.instant().minus(config.lease()).minusSeconds(1));

        JsonPath file = PaymentFileIntakeTest.awaitFinished(fileId.toString());

        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getInt("lines.posted")).isEqualTo(1);
    }

    @Test
    void given_files_dropped_in_the_inbound_folder_then_they_are_taken_and_moved_to_processed_or_rejected()
            throws IOException {
        Account dana = openAccount();
        String tag = UUID.randomUUID().toString();
        String good = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "31.41", "CHECK", "R-" + tag, "2024-03-04").close().text();
        String bad = new CsvPaymentFile().batch("B1")
                .payment(dana.accountNumber(), null, "27.18", "CHECK", "R-" + tag, "2024-03-04").close().truncated();
        Path folder = config.inbound();
        Files.createDirectories(folder);
        drop(folder, "good-" + tag + ".csv", good);
        drop(folder, "bad-" + tag + ".csv", bad);

        Path processed = await().atMost(WAIT).until(() -> find(folder.resolve("processed"), "good-" + tag),
                Optional::isPresent).orElseThrow();
        Path rejected = await().atMost(WAIT).until(() -> find(folder.resolve("rejected"), "bad-" + tag),
                Optional::isPresent).orElseThrow();

        String goodId = processed.getFileName().toString().substring(0, 36);
        JsonPath file = PaymentFileIntakeTest.awaitFinished(goodId);
        assertThat(file.getString("status")).isEqualTo("POSTED");
        assertThat(file.getString("source")).isEqualTo("FOLDER");
        assertThat(file.getString("fileName")).isEqualTo("good-" + tag + ".csv");
        assertThat(Files.readString(processed)).isEqualTo(good);
        Api.operations().get("/payment-files/" + rejected.getFileName().toString().substring(0, 36)).then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("problems[0].reason",
                        org.hamcrest.Matchers.containsString("truncated"));
        assertThat(Files.exists(folder.resolve("good-" + tag + ".csv"))).isFalse();
    }

    private UUID store(byte[] content, Instant leaseUntil) {
        return store(content, leaseUntil, clock.instant());
    }

    private UUID store(byte[] content, Instant leaseUntil, Instant receivedAt) {
        return StoredPaymentFiles.store(content, PaymentFileFormat.CSV, "resumed.csv", PaymentFileStatus.RECEIVED,
                receivedAt, leaseUntil);
    }

    /** Written under a temporary name and renamed, as an SFTP upload lands. */
    private static void drop(Path folder, String name, String content) throws IOException {
        Path part = folder.resolve(name + ".part");
        Files.writeString(part, content);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Optional<Path> find(Path folder, String namePart) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().contains(namePart)).findFirst();
        }
    }

}
