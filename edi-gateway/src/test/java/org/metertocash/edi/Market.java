package org.metertocash.edi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;

/** Test fixtures: enrollment events to send, and the outbound folder where their 814s land. */
public final class Market {

    public static final Path OUTBOUND = Path.of("target/edi-test/outbound");
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public static String newEsiId() {
        return String.format("1044372%010d", PREMISE.incrementAndGet());
    }

    public static EnrollmentSubmitted submitted(String esiId, RequestType type) {
        return new EnrollmentSubmitted(UUID.randomUUID(), esiId, "ONCOR", "1039940674000", type,
                LocalDate.now().plusDays(5), new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", "Apt 4", "Dallas", "TX", "75201", "Dallas"), "FIXED-12",
                BillingType.POSTPAY, null);
    }

    /** The outbound files that carry this ESI ID. */
    public static List<Path> filesFor(String esiId) {
        if (!Files.isDirectory(OUTBOUND)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(OUTBOUND)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> read(f).contains("REF*Q5*" + esiId + "~")).sorted().toList();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] awaitFileFor(String esiId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !filesFor(esiId).isEmpty());
        try {
            return Files.readAllBytes(filesFor(esiId).get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbound file of one Texas SET transaction (named {partner}_{set}_...) for this ESI ID. */
    public static byte[] awaitFileFor(String esiId, String transactionSet) {
        await().atMost(Duration.ofSeconds(30)).until(() -> filesFor(esiId).stream()
                .anyMatch(f -> f.getFileName().toString().contains("_" + transactionSet + "_")));
        try {
            return Files.readAllBytes(filesFor(esiId).stream()
                    .filter(f -> f.getFileName().toString().contains("_" + transactionSet + "_")).findFirst()
                    .orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private Market() {
    }
}
