package org.metertocash.payment.files.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.metertocash.payment.files.PaymentFileSamples.bytes;
import static org.metertocash.payment.files.PaymentFileSamples.text;
import static org.metertocash.payment.files.PaymentFileSamples.with;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;

class NachaReaderTest {

    private static final String GOOD = "nacha/returns-and-nocs.ach";
    private static final String FILLER = "9".repeat(94);

    private final NachaReader reader = new NachaReader();

    @Test
    void a_good_return_and_noc_file_reads_balanced_with_every_entry() {
        ParsedPaymentFile<AchEntry> file = reader.read(bytes(GOOD));

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.balanced()).isTrue();
        assertThat(file.held()).isFalse();
        assertThat(file.batches()).extracting(FileBatch::id).containsExactly("batch 0000001", "batch 0000002");
        assertThat(file.postableLines()).extracting(AchEntry::lineNumber).containsExactly(3, 5, 7, 11, 13, 15);
        assertThat(file.declared()).isEqualTo(new ControlTotals(12, new BigDecimal("275.39")));
        assertThat(file.computed()).isEqualTo(file.declared());
    }

    @Test
    void batch_controls_count_entries_and_addenda_and_sum_the_debits() {
        FileBatch<AchEntry> returns = reader.read(bytes(GOOD)).batches().get(0);

        assertThat(returns.declared()).isEqualTo(new ControlTotals(6, new BigDecimal("275.39")));
        assertThat(returns.computed()).isEqualTo(returns.declared());
        assertThat(returns.lines()).allMatch(AchEntry::isDebit);
    }

    @Test
    void a_return_carries_its_reason_the_original_trace_the_date_of_death_and_the_original_rdfi() {
        List<AchEntry> returns = reader.read(bytes(GOOD)).batches().get(0).lines();

        assertThat(returns).extracting(e -> e.returnAddenda().reasonCode(), e -> e.returnAddenda().originalTraceNumber(),
                e -> e.returnAddenda().originalReceivingDfi(), AchEntry::amount, AchEntry::individualId)
                .containsExactly(
                        tuple("R01", "111000020000101", "11300002", new BigDecimal("125.40"), "0000000018"),
                        tuple("R02", "111000020000102", "07100001", new BigDecimal("89.99"), "0000000026"),
                        tuple("R15", "111000020000103", "12100035", new BigDecimal("60.00"), "0000000034"));
        assertThat(returns.get(0).returnAddenda().reasonDescription()).isEqualTo("Insufficient funds");
        assertThat(returns.get(0).returnAddenda().dateOfDeath()).isNull();
        assertThat(returns.get(1).returnAddenda().information()).isEqualTo("ACCOUNT CLOSED 10/31");
        assertThat(returns.get(2).returnAddenda().dateOfDeath()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(returns.get(0).routingNumber()).isEqualTo("113000023");
        assertThat(returns.get(0).accountNumber()).isEqualTo(BankAccountNumber.of("123456789"));
    }

    @Test
    void a_notification_of_change_carries_its_code_and_the_corrected_data_placed_by_the_code() {
        List<AchEntry> nocs = reader.read(bytes(GOOD)).batches().get(1).lines();

        assertThat(nocs).allMatch(AchEntry::isNotificationOfChange);
        assertThat(nocs).extracting(e -> e.changeAddenda().changeCode(), e -> e.changeAddenda().originalTraceNumber())
                .containsExactly(tuple("C01", "111000020000094"), tuple("C03", "111000020000095"),
                        tuple("C05", "111000020000096"));
        CorrectedData c01 = nocs.get(0).changeAddenda().correctedData();
        assertThat(c01.accountNumber()).isEqualTo(BankAccountNumber.of("55500012345"));
        assertThat(c01.routingNumber()).isNull();
        CorrectedData c03 = nocs.get(1).changeAddenda().correctedData();
        assertThat(c03.routingNumber()).isEqualTo("071000013");
        assertThat(c03.accountNumber()).isEqualTo(BankAccountNumber.of("77700012345"));
        assertThat(nocs.get(2).changeAddenda().correctedData().transactionCode()).isEqualTo("37");
        assertThat(nocs.get(2).changeAddenda().changeDescription()).isEqualTo("Incorrect transaction code");
    }

    @Test
    void lines_are_keyed_by_the_networks_trace_numbers_so_a_return_sent_again_is_the_same_line() {
        List<AchEntry> entries = reader.read(bytes(GOOD)).postableLines();

        assertThat(entries).extracting(AchEntry::idempotencyKey).containsExactly(
                "ach-return:111000020000101:R01", "ach-return:111000020000102:R02", "ach-return:111000020000103:R15",
                "ach-noc:111000020000094:C01", "ach-noc:111000020000095:C03", "ach-noc:111000020000096:C05");
        // the same returns in another file (another creation time) keep their keys
        byte[] resent = with(GOOD, "2611240700A", "2611250900B");
        assertThat(reader.read(resent).postableLines()).extracting(AchEntry::idempotencyKey)
                .containsExactlyElementsOf(entries.stream().map(AchEntry::idempotencyKey).toList());
    }

    @Test
    void an_entry_prints_its_account_number_masked() {
        AchEntry entry = reader.read(bytes(GOOD)).postableLines().get(0);

        assertThat(entry.toString()).contains("****6789").doesNotContain("123456789");
    }

    @Test
    void a_file_without_line_breaks_reads_the_same() {
        byte[] continuous = text(GOOD).replace("\n", "").getBytes(StandardCharsets.ISO_8859_1);

        ParsedPaymentFile<AchEntry> file = reader.read(continuous);

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.postableLines()).extracting(AchEntry::idempotencyKey)
                .containsExactlyElementsOf(reader.read(bytes(GOOD)).postableLines().stream()
                        .map(AchEntry::idempotencyKey).toList());
    }

    @Test
    void crlf_line_ends_read_the_same() {
        byte[] crlf = text(GOOD).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reader.read(crlf).allProblems()).isEmpty();
    }

    @Test
    void a_record_of_the_wrong_length_is_reported_and_holds_its_batch() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "ACCOUNT CLOSED 10/31  ", "ACCOUNT CLOSED 10/31 "));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("batch 0000001");
        assertThat(file.heldBatches().get(0).problems()).first()
                .isEqualTo(FileProblem.structure(6, "record length", "is 93 characters, not 94"));
        assertThat(file.postableLines()).extracting(AchEntry::lineNumber).containsExactly(11, 13, 15);
    }

    @Test
    void an_unknown_record_type_is_reported_and_holds_its_batch() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "6260710000136600221", "4260710000136600221"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("batch 0000002");
        assertThat(file.allProblems()).contains(
                FileProblem.structure(15, "record type", "unknown record type '4' (1, 5, 6, 7, 8 or 9)"));
    }

    @Test
    void a_truncated_file_without_its_file_control_is_held() {
        String good = text(GOOD);
        byte[] truncated = good.substring(0, good.indexOf("5225METER TO CASH                       1742155501COR"))
                .getBytes(StandardCharsets.ISO_8859_1);

        ParsedPaymentFile<AchEntry> file = reader.read(truncated);

        assertThat(file.held()).isTrue();
        assertThat(file.postableLines()).isEmpty();
        assertThat(file.problems()).extracting(FileProblem::reason).containsExactly(
                "the file has 9 records, not a multiple of the blocking factor 10 (fill the last block with nines)",
                "the file has no 9 file control record: it is truncated");
    }

    @Test
    void a_batch_cut_off_before_its_control_is_held() {
        String good = text(GOOD);
        String cut = good.substring(0, good.indexOf("822500000600505070")) + good.substring(good.indexOf("9000002"));

        ParsedPaymentFile<AchEntry> file = reader.read(cut.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(file.batches().get(1).problems()).extracting(FileProblem::reason)
                .contains("batch 0000002 has no 8 batch control record");
        assertThat(file.held()).isTrue();
    }

    @Test
    void a_file_not_blocked_to_ten_records_is_held() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, FILLER + "\n" + FILLER + "\n", FILLER + "\n"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).containsExactly(FileProblem.structure(19, "blocking",
                "the file has 19 records, not a multiple of the blocking factor 10 (fill the last block with nines)"));
    }

    @Test
    void a_block_count_that_disagrees_holds_the_file() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "9000002000002", "9000002000003"));

        assertThat(file.problems()).containsExactly(FileProblem.outOfBalance(18, "block count (08-13)",
                "declares 3, the file holds 20 records in 2 blocks"));
    }

    @Test
    void an_entry_amount_that_disagrees_with_the_batch_debit_total_holds_that_batch_only() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "98765432101      0000008999",
                "98765432101      0000009999"));

        assertThat(file.held()).isFalse();
        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("batch 0000001");
        assertThat(file.heldBatches().get(0).problems()).containsExactly(FileProblem.outOfBalance(9,
                "total debit entry dollar amount (21-32)", "declares 275.39, the debit entries add up to 285.39"));
        assertThat(file.postableLines()).extracting(AchEntry::lineNumber).containsExactly(11, 13, 15);
    }

    @Test
    void an_entry_hash_that_disagrees_holds_the_batch() {
        // another valid routing number on the first entry changes the sum of receiving DFI identifications
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "626113000023123456789", "626111000025123456789"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly("batch 0000001");
        assertThat(file.heldBatches().get(0).problems()).containsExactly(FileProblem.outOfBalance(9,
                "entry hash (11-20)", "declares 30500038, the receiving DFI identifications add up to 30300038"));
    }

    @Test
    void a_batch_entry_count_that_disagrees_holds_the_batch() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "8225000006005050701", "8225000007005050701"));

        assertThat(file.batches().get(1).problems()).contains(
                FileProblem.outOfBalance(17, "entry/addenda count (05-10)", "declares 7, the batch holds 6"));
    }

    @Test
    void file_control_totals_that_disagree_with_the_batch_controls_hold_the_file() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "81007048000000027539", "81007048000000027540"));

        assertThat(file.held()).isTrue();
        assertThat(file.postableBatches()).isEmpty();
        assertThat(file.problems()).contains(FileProblem.outOfBalance(18, "total debit entry dollar amount (32-43)",
                "declares 275.40, the batch controls add up to 275.39"));
    }

    @Test
    void file_control_counts_and_hash_are_checked() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "9000002000002000000120081007048",
                "9000003000002000000130081007049"));

        assertThat(file.problems()).extracting(FileProblem::field).containsExactly("batch count (02-07)",
                "entry hash (22-31)", "entry/addenda count (14-21)");
    }

    @Test
    void a_return_reason_outside_r01_to_r85_is_refused() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "799R01", "799R99"));

        assertThat(file.batches().get(0).held()).isTrue();
        assertThat(file.allProblems()).contains(FileProblem.invalid(4, "return reason code (04-06)",
                "'R99' is not a return reason code R01 … R85"));
        assertThat(file.batches().get(0).lines()).extracting(AchEntry::lineNumber).containsExactly(5, 7);
    }

    @Test
    void a_notification_of_change_with_unusable_corrected_data_is_refused() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, "071000013   77700012345", "071000019   77700012345"));

        assertThat(file.allProblems()).extracting(FileProblem::lineNumber, FileProblem::field)
                .containsExactly(tuple(14, "corrected data (36-64)"));
    }

    @Test
    void an_addenda_indicator_without_its_addenda_is_reported() {
        String good = text(GOOD);
        String addenda = Arrays.stream(good.split("\n")).filter(r -> r.startsWith("799R02")).collect(Collectors.joining());
        byte[] content = with(GOOD, addenda + "\n", "");

        ParsedPaymentFile<AchEntry> file = reader.read(content);

        assertThat(file.allProblems()).contains(FileProblem.structure(5, "addenda record indicator (79)",
                "is 1 but no addenda record follows the entry"));
        assertThat(file.batches().get(0).held()).isTrue();
    }

    @Test
    void records_other_than_nines_after_the_file_control_are_reported() {
        ParsedPaymentFile<AchEntry> file = reader.read(with(GOOD, FILLER + "\n" + FILLER + "\n",
                FILLER + "\n" + "1" + FILLER.substring(1) + "\n"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).containsExactly(FileProblem.structure(20, "record",
                "only records of nines may follow the 9 file control record"));
    }

    @Test
    void an_empty_file_is_held() {
        assertThat(reader.read(new byte[0]).held()).isTrue();
    }
}
