package org.metertocash.payment.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metertocash.payment.files.bai2.Bai2LockboxReader;
import org.metertocash.payment.files.csv.CsvPaymentFileReader;
import org.metertocash.payment.files.nacha.NachaReader;

/**
 * Every reader on every sample, cut short at each byte and damaged at random: it answers with problems, never with
 * an exception, and a file cut anywhere before its end is held whole.
 */
class DamagedFilesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneId.of("America/Chicago"));

    private static Function<byte[], ParsedPaymentFile<?>> readerFor(String sample) {
        if (sample.startsWith("csv/")) {
            return new CsvPaymentFileReader(CLOCK, Duration.ofMinutes(15))::read;
        }
        if (sample.startsWith("bai2/")) {
            return new Bai2LockboxReader(CLOCK.getZone())::read;
        }
        return new NachaReader()::read;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv/pay-agent-good.csv", "bai2/lockbox-good.bai2", "nacha/returns-and-nocs.ach"})
    void a_file_cut_short_anywhere_is_held_whole(String sample) {
        byte[] content = PaymentFileSamples.bytes(sample);
        Function<byte[], ParsedPaymentFile<?>> reader = readerFor(sample);
        assertThat(reader.apply(content).held()).as("the sample itself").isFalse();

        int end = content.length - 1; // without the last line break the file is whole
        for (int length = 0; length < end; length++) {
            byte[] cut = Arrays.copyOf(content, length);
            ParsedPaymentFile<?> file = reader.apply(cut);
            assertThat(file.held()).as("%s cut to %d bytes", sample, length).isTrue();
            assertThat(file.postableBatches()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv/pay-agent-good.csv", "bai2/lockbox-good.bai2", "nacha/returns-and-nocs.ach"})
    void damaged_bytes_give_problems_never_an_exception(String sample) {
        byte[] content = PaymentFileSamples.bytes(sample);
        Function<byte[], ParsedPaymentFile<?>> reader = readerFor(sample);
        Random random = new Random(20261123L);
        byte[] alphabet = "0123456789,/\"\n\r -.A9R".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        for (int round = 0; round < 400; round++) {
            byte[] damaged = content.clone();
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int round0 = round;
            long lines = new String(damaged, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1).length;
            assertThatCode(() -> {
                ParsedPaymentFile<?> file = reader.apply(damaged);
                // every problem says where and why
                assertThat(file.allProblems()).allSatisfy(problem -> {
                    assertThat(problem.lineNumber()).isBetween(0, (int) lines);
                    assertThat(problem.field()).isNotBlank();
                    assertThat(problem.reason()).isNotBlank();
                });
            }).as("%s damaged in round %d", sample, round0).doesNotThrowAnyException();
        }
    }
}
