package org.metertocash.edi.serviceorder;

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

import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;

/** Test fixtures: dunning's requests and cancels, and the outbound folder where their 650_01 files land. */
final class ServiceOrderFixtures {

    static final Path OUTBOUND = Path.of("target/edi-test/outbound");
    static final String ONCOR_DUNS = "1039940674000";
    static final String OUR_DUNS = "148862012";
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** A premise of TNMP's range, so no other test's ESI IDs collide with these. */
    static String newEsiId() {
        return String.format("1040051%010d", PREMISE.incrementAndGet());
    }

    static DisconnectRequested disconnect(String esiId) {
        return new DisconnectRequested(UUID.randomUUID(), esiId, ONCOR_DUNS, "ACC-" + esiId.substring(9),
                LocalDate.now().plusDays(2));
    }

    static ReconnectRequested reconnect(String esiId) {
        return new ReconnectRequested(UUID.randomUUID(), esiId, ONCOR_DUNS, "ACC-" + esiId.substring(9),
                LocalDate.now());
    }

    /** Collections withdraws the disconnect (a new cancel request id each time). */
    static DisconnectCancelRequested cancel(DisconnectRequested order) {
        return new DisconnectCancelRequested(UUID.randomUUID(), order.requestId(), order.esiId(), order.tdspDuns(),
                order.accountNumber(), LocalDate.now());
    }

    /** The outbound 650 files that carry this ESI ID, oldest first. */
    static List<Path> orderFilesFor(String esiId) {
        if (!Files.isDirectory(OUTBOUND)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(OUTBOUND)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> {
                        String text = read(f);
                        return text.contains("ST*650*") && text.contains("REF*Q5*" + esiId + "~");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the count-th 650 file of this ESI ID (1 = the first) and returns it. */
    static byte[] awaitOrderFile(String esiId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> orderFilesFor(esiId).size() >= count);
        try {
            return Files.readAllBytes(orderFilesFor(esiId).get(count - 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the first 650 file of this ESI ID with the given purpose code (REF*5H) and returns it. */
    static byte[] awaitOrderFileWith(String esiId, String purposeCode) {
        await().atMost(Duration.ofSeconds(30)).until(() -> orderFilesFor(esiId).stream()
                .anyMatch(f -> read(f).contains("REF*5H*" + purposeCode + "~")));
        try {
            return Files.readAllBytes(orderFilesFor(esiId).stream()
                    .filter(f -> read(f).contains("REF*5H*" + purposeCode + "~")).findFirst().orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private ServiceOrderFixtures() {
    }
}
