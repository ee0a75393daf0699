package org.metertocash.payment.files.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metertocash.payment.files.PaymentFileSamples.bytes;
import static org.metertocash.payment.files.PaymentFileSamples.with;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentLine;

class CsvPaymentFileReaderTest {

    private static final String GOOD = "csv/pay-agent-good.csv";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneId.of("America/Chicago"));

    private final CsvPaymentFileReader reader = new CsvPaymentFileReader(CLOCK, Duration.ofMinutes(15));

    @Test
    void a_good_file_reads_into_balanced_batches_with_every_payment() {
        ParsedPaymentFile<PaymentLine> file = reader.read(bytes(GOOD));

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.balanced()).isTrue();
        assertThat(file.held()).isFalse();
        assertThat(file.batches()).extracting(FileBatch::id)
                .containsExactly("AGENT42-20261123-1", "AGENT42-20261123-2");
        assertThat(file.postableBatches()).hasSize(2);
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(2, 3, 4, 6, 7);
        assertThat(file.declared()).isEqualTo(new ControlTotals(5, new BigDecimal("1200.01")));
        assertThat(file.computed()).isEqualTo(file.declared());
    }

    @Test
    void batch_totals_are_counted_and_summed_from_the_payment_rows() {
        FileBatch<PaymentLine> first = reader.read(bytes(GOOD)).batches().get(0);

        assertThat(first.declared()).isEqualTo(new ControlTotals(3, new BigDecimal("200.00")));
        assertThat(first.computed()).isEqualTo(first.declared());
        assertThat(first.linesTotal()).isEqualByComparingTo("200.00");
        assertThat(first.firstLine()).isEqualTo(2);
        assertThat(first.lastLine()).isEqualTo(5);
    }

    @Test
    void payment_fields_are_read_with_quoting_amounts_and_times_as_the_layout_says() {
        var lines = reader.read(bytes(GOOD)).postableLines();

        PaymentLine byAccount = lines.get(0);
        assertThat(byAccount.accountNumber()).isEqualTo("0000000018");
        assertThat(byAccount.esiId()).isNull();
        assertThat(byAccount.amount()).isEqualTo(new BigDecimal("125.40"));
        assertThat(byAccount.channel()).isEqualTo("PAY_AGENT");
        assertThat(byAccount.receivedAt()).isEqualTo(Instant.parse("2026-11-23T15:14:05Z"));

        PaymentLine byPremise = lines.get(1);
        assertThat(byPremise.accountNumber()).isNull();
        assertThat(byPremise.esiId()).isEqualTo("10443720000012345");
        assertThat(byPremise.externalReference()).isEqualTo("RCPT-000982, counter 2");

        PaymentLine quoted = lines.get(2);
        assertThat(quoted.externalReference()).isEqualTo("RCPT-000983 \"walk-in\"");
        assertThat(quoted.amount()).isEqualTo(new BigDecimal("14.60"));
        assertThat(quoted.receivedAt()).isEqualTo(Instant.parse("2026-11-23T10:02:41Z"));

        assertThat(lines.get(3).receivedAt()).as("a date is the start of that day in the market's zone")
                .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(lines.get(3).amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(lines.get(4).receivedAt()).as("a local time is read in the market's zone")
                .isEqualTo(Instant.parse("2026-11-23T17:45:00Z"));
    }

    @Test
    void each_line_is_keyed_by_the_file_checksum_and_its_line_the_same_on_every_read() {
        byte[] content = bytes(GOOD);
        String checksum = FileChecksum.sha256(content);

        var first = reader.read(content).postableLines();
        var again = reader.read(content.clone()).postableLines();

        assertThat(first).extracting(PaymentLine::idempotencyKey)
                .containsExactly(checksum + ":2", checksum + ":3", checksum + ":4", checksum + ":6", checksum + ":7");
        assertThat(again).extracting(PaymentLine::idempotencyKey)
                .containsExactlyElementsOf(first.stream().map(PaymentLine::idempotencyKey).toList());
        assertThat(reader.read(bytes("csv/crlf-single-batch.csv")).checksum()).isNotEqualTo(checksum);
    }

    @Test
    void the_example_in_the_layout_documentation_is_a_good_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(bytes("csv/documented-example.csv"));

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.postableLines()).extracting(PaymentLine::amount)
                .containsExactly(new BigDecimal("125.40"), new BigDecimal("60.00"));
    }

    @Test
    void a_utf8_byte_order_mark_is_allowed() {
        byte[] good = bytes(GOOD);
        byte[] withMark = new byte[good.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(good, 0, withMark, 3, good.length);

        assertThat(reader.read(withMark).allProblems()).isEmpty();
    }

    @Test
    void crlf_line_ends_read_like_lf() {
        ParsedPaymentFile<PaymentLine> file = reader.read(bytes("csv/crlf-single-batch.csv"));

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.postableLines()).singleElement()
                .satisfies(line -> assertThat(line.externalReference()).isEqualTo("R-1"));
    }

    @Test
    void a_batch_whose_control_row_disagrees_is_held_and_the_other_batch_still_posts() {
        byte[] content = with(with(GOOD, "BATCH_CONTROL,AGENT42-20261123-1,,,200.00,,,,,3",
                "BATCH_CONTROL,AGENT42-20261123-1,,,210.00,,,,,3"), "FILE_CONTROL,,,,1200.01,,,,,5",
                "FILE_CONTROL,,,,1210.01,,,,,5");

        ParsedPaymentFile<PaymentLine> file = reader.read(content);

        assertThat(file.held()).isFalse();
        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-1");
        assertThat(file.heldBatches().get(0).problems()).containsExactly(
                FileProblem.outOfBalance(5, "amount", "declares 210.00, the batch adds up to 200.00"));
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(6, 7);
    }

    @Test
    void a_batch_whose_count_disagrees_is_held() {
        byte[] content = with(with(GOOD, "BATCH_CONTROL,AGENT42-20261123-2,,,1000.01,,,,,2",
                "BATCH_CONTROL,AGENT42-20261123-2,,,1000.01,,,,,3"), ",,,,1200.01,,,,,5", ",,,,1200.01,,,,,6");

        ParsedPaymentFile<PaymentLine> file = reader.read(content);

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-2");
        assertThat(file.heldBatches().get(0).problems()).extracting(FileProblem::field, FileProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("control_count", "declares 3, the batch holds 2"));
    }

    @Test
    void a_file_control_row_that_disagrees_with_the_batch_controls_holds_the_whole_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(
                with(GOOD, "FILE_CONTROL,,,,1200.01,,,,,5", "FILE_CONTROL,,,,1200.00,,,,,5"));

        assertThat(file.balanced()).isFalse();
        assertThat(file.held()).isTrue();
        assertThat(file.postableBatches()).isEmpty();
        assertThat(file.heldBatches()).hasSize(2);
        assertThat(file.problems()).containsExactly(
                FileProblem.outOfBalance(9, "amount", "declares 1200.00, the batches add up to 1200.01"));
    }

    @Test
    void a_truncated_file_without_its_file_control_row_is_held() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "FILE_CONTROL,,,,1200.01,,,,,5\n", ""));

        assertThat(file.held()).isTrue();
        assertThat(file.postableLines()).isEmpty();
        assertThat(file.problems()).extracting(FileProblem::reason)
                .containsExactly("the file has no FILE_CONTROL row: it is truncated");
    }

    @Test
    void a_negative_amount_is_refused_and_holds_its_batch() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, ",125.40,", ",-125.40,"));

        FileBatch<PaymentLine> first = file.batches().get(0);
        assertThat(first.held()).isTrue();
        assertThat(first.lines()).extracting(PaymentLine::lineNumber).containsExactly(3, 4);
        assertThat(first.problems()).first().isEqualTo(
                FileProblem.invalid(2, "amount", "must be more than zero, not -125.40"));
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(6, 7);
    }

    @Test
    void a_zero_amount_is_refused() {
        var problems = reader.read(with(GOOD, ",0.01,", ",0.00,")).allProblems();

        assertThat(problems).contains(FileProblem.invalid(7, "amount", "must be more than zero"));
    }

    @Test
    void an_amount_with_a_fraction_of_a_cent_or_symbols_is_refused() {
        assertThat(reader.read(with(GOOD, ",125.40,", ",125.405,")).allProblems())
                .extracting(FileProblem::lineNumber, FileProblem::field).contains(
                        org.assertj.core.groups.Tuple.tuple(2, "amount"));
        assertThat(reader.read(with(GOOD, ",125.40,", ",\"$1,125.40\",")).allProblems())
                .extracting(FileProblem::lineNumber, FileProblem::field).contains(
                        org.assertj.core.groups.Tuple.tuple(2, "amount"));
    }

    @Test
    void a_date_that_is_not_a_date_is_refused() {
        var problems = reader.read(with(GOOD, "2026-11-23T09:14:05-06:00", "2026-13-45T09:14:05-06:00")).allProblems();

        assertThat(problems).extracting(FileProblem::lineNumber, FileProblem::field, FileProblem::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(2, "received_at", FileProblem.Kind.INVALID_VALUE));
    }

    @Test
    void a_received_at_beyond_the_tolerance_in_the_future_is_refused_and_one_within_it_accepted() {
        // now is 12:00 in Chicago; the tolerance is 15 minutes
        assertThat(reader.read(with(GOOD, "2026-11-23T11:45:00,", "2026-11-23T12:16:00,")).allProblems())
                .containsExactly(FileProblem.invalid(7, "received_at", "2026-11-23T12:16:00 is in the future"));
        assertThat(reader.read(with(GOOD, "2026-11-23T11:45:00,", "2026-11-23T12:14:00,")).allProblems()).isEmpty();
    }

    @Test
    void an_unknown_column_holds_the_whole_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, ",control_count\n", ",control_count,memo\n"));

        assertThat(file.held()).isTrue();
        assertThat(file.postableLines()).isEmpty();
        assertThat(file.problems()).first().satisfies(problem -> {
            assertThat(problem.lineNumber()).isEqualTo(1);
            assertThat(problem.reason()).startsWith("unknown column 'memo'");
        });
    }

    @Test
    void a_missing_required_column_holds_the_whole_file() {
        byte[] content = "record_type,batch_id,account_number,amount\nFILE_CONTROL,,,0.00\n"
                .getBytes(StandardCharsets.UTF_8);

        ParsedPaymentFile<PaymentLine> file = reader.read(content);

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::reason)
                .contains("no column 'channel'", "no column 'received_at'", "no column 'control_count'");
    }

    @Test
    void an_unknown_currency_is_refused() {
        assertThat(reader.read(with(GOOD, ",60.00,USD,", ",60.00,EUR,")).allProblems())
                .containsExactly(FileProblem.invalid(3, "currency", "unknown currency 'EUR' (only USD)"));
    }

    @Test
    void an_unknown_channel_is_refused() {
        assertThat(reader.read(with(GOOD, ",CHECK,", ",BITCOIN,")).allProblems())
                .extracting(FileProblem::lineNumber, FileProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "channel"));
    }

    @Test
    void a_payment_naming_neither_account_nor_premise_is_refused() {
        assertThat(reader.read(with(GOOD, ",0000000034,", ",,")).allProblems())
                .containsExactly(FileProblem.invalid(6, "account_number", "an account_number or an esi_id is required"));
    }

    @Test
    void a_malformed_esi_id_is_refused() {
        assertThat(reader.read(with(GOOD, ",10443720000012345,", ",20443720000012345,")).allProblems())
                .containsExactly(FileProblem.invalid(3, "esi_id", "must be 17 or 22 digits starting with 10"));
    }

    @Test
    void an_unknown_record_type_holds_the_batch_it_appears_in() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "PAYMENT,AGENT42-20261123-2,0000000042",
                "REFUND,AGENT42-20261123-2,0000000042"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-2");
        assertThat(file.allProblems()).extracting(FileProblem::lineNumber, FileProblem::kind).contains(
                org.assertj.core.groups.Tuple.tuple(7, FileProblem.Kind.STRUCTURE));
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_reported() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "CARD-9F3A,2026-11-23T11:45:00,",
                "CARD-9F3A,2026-11-23T11:45:00"));

        assertThat(file.allProblems()).contains(FileProblem.structure(7, "row", "has 9 fields, the header names 10"));
        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-2");
    }

    @Test
    void a_field_quoted_wrongly_is_reported_and_holds_its_batch() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "\"RCPT-000982, counter 2\"",
                "\"RCPT-000982, counter 2"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-1");
        assertThat(file.allProblems()).extracting(FileProblem::reason)
                .contains("text after the closing quote of a field");
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(6, 7);
    }

    @Test
    void a_quote_left_open_to_the_end_of_the_file_is_reported_not_thrown() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "FILE_CONTROL,,,,1200.01",
                "FILE_CONTROL,,,,\"1200.01"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::reason).containsExactly(
                "a quoted field is not closed before the end of the file",
                "the file has no FILE_CONTROL row: it is truncated");
    }

    @Test
    void a_batch_without_its_control_row_is_held() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(with(GOOD,
                "BATCH_CONTROL,AGENT42-20261123-1,,,200.00,,,,,3\n", ""), "FILE_CONTROL,,,,1200.01,,,,,5",
                "FILE_CONTROL,,,,1200.01,,,,,5"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("AGENT42-20261123-1");
        assertThat(file.heldBatches().get(0).problems()).extracting(FileProblem::reason)
                .containsExactly("batch 'AGENT42-20261123-1' has no BATCH_CONTROL row");
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(5, 6);
    }

    @Test
    void rows_after_the_file_control_row_hold_the_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "FILE_CONTROL,,,,1200.01,,,,,5\n",
                "FILE_CONTROL,,,,1200.01,,,,,5\nPAYMENT,X,0000000018,,1.00,USD,CASH,R,2026-11-23,\n"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).containsExactly(
                FileProblem.structure(10, "record_type", "a row after the FILE_CONTROL row"));
    }

    @Test
    void bytes_that_are_not_utf8_are_reported_and_hold_the_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'});

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::reason).contains("is not UTF-8 text");
    }

    @Test
    void an_empty_file_is_held() {
        ParsedPaymentFile<PaymentLine> file = reader.read(new byte[0]);

        assertThat(file.held()).isTrue();
        assertThat(file.batches()).isEmpty();
        assertThat(file.problems()).extracting(FileProblem::reason).contains("the file is empty");
    }
}
