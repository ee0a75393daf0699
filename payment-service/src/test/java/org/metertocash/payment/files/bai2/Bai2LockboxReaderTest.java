package org.metertocash.payment.files.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.metertocash.payment.files.PaymentFileSamples.bytes;
import static org.metertocash.payment.files.PaymentFileSamples.with;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentLine;

class Bai2LockboxReaderTest {

    private static final String GOOD = "bai2/lockbox-good.bai2";
    private static final String ACCOUNT_1 = "group 1 account 4455667788";
    private static final String ACCOUNT_2 = "group 1 account 4455667799";

    private final Bai2LockboxReader reader = new Bai2LockboxReader(ZoneId.of("America/Chicago"));

    @Test
    void a_good_lockbox_file_reads_into_one_balanced_batch_per_account() {
        ParsedPaymentFile<PaymentLine> file = reader.read(bytes(GOOD));

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.held()).isFalse();
        assertThat(file.batches()).extracting(FileBatch::id).containsExactly(ACCOUNT_1, ACCOUNT_2);
        assertThat(file.postableBatches()).hasSize(2);
        assertThat(file.declared()).isEqualTo(new ControlTotals(18, new BigDecimal("43272.50")));
        assertThat(file.computed()).isEqualTo(file.declared());
    }

    @Test
    void account_totals_add_every_03_and_16_amount_and_count_every_record_from_03_to_49() {
        FileBatch<PaymentLine> account = reader.read(bytes(GOOD)).batches().get(0);

        assertThat(account.declared()).isEqualTo(new ControlTotals(8, new BigDecimal("37402.50")));
        assertThat(account.computed()).isEqualTo(account.declared());
        assertThat(account.firstLine()).isEqualTo(3);
        assertThat(account.lastLine()).isEqualTo(10);
    }

    @Test
    void a_deposit_with_items_posts_its_items_and_a_deposit_without_items_posts_itself() {
        var lines = reader.read(bytes(GOOD)).batches().get(0).lines();

        assertThat(lines).extracting(PaymentLine::lineNumber, PaymentLine::amount, PaymentLine::externalReference)
                .containsExactly(
                        tuple(5, new BigDecimal("125.40"), "LBX0001-D1-001"),
                        tuple(6, new BigDecimal("600.00"), "LBX0001-D1-002"),
                        tuple(7, new BigDecimal("1155.10"), "LBX0001-D1-003"),
                        tuple(9, new BigDecimal("750.00"), "LBX0001-D2"));
        assertThat(lines).extracting(PaymentLine::channel).containsOnly("CHECK");
    }

    @Test
    void the_customer_reference_names_the_account_or_an_esi_id_by_its_shape() {
        var lines = reader.read(bytes(GOOD)).postableLines();

        assertThat(lines.get(0).accountNumber()).isEqualTo("0000000018");
        assertThat(lines.get(0).esiId()).isNull();
        assertThat(lines.get(1).accountNumber()).isNull();
        assertThat(lines.get(1).esiId()).isEqualTo("10443720000012345");
    }

    @Test
    void text_runs_to_the_end_of_the_record_keeps_slashes_and_commas_and_continues_on_88() {
        var lines = reader.read(bytes(GOOD)).postableLines();

        assertThat(lines.get(0).note()).isEqualTo("DANA SMITH");
        assertThat(lines.get(1).note()).isEqualTo("CHECK 1042 / MEMO NOV BILL");
        assertThat(lines.get(2).note()).isEqualTo("ACME PROPERTY MGMT, UNIT 4 OVERPAID PER STUB");
        assertThat(lines.get(5).note()).isNull();
    }

    @Test
    void summary_amounts_continued_on_88_count_in_the_account_total() {
        ParsedPaymentFile<PaymentLine> withoutContinuation = reader.read(with(GOOD, "88,400,1500,1,/\n", ""));

        FileBatch<PaymentLine> account = withoutContinuation.batches().get(1);
        assertThat(account.held()).isTrue();
        assertThat(account.problems()).containsExactly(
                FileProblem.outOfBalance(15, "49 number of records", "declares 6, the batch holds 5"),
                FileProblem.outOfBalance(15, "49 account control total",
                        "declares 5870.00, the batch adds up to 5855.00"));
    }

    @Test
    void funds_types_s_and_v_bring_their_own_fields_before_the_references() {
        var lines = reader.read(bytes(GOOD)).batches().get(1).lines();

        assertThat(lines).extracting(PaymentLine::externalReference, PaymentLine::accountNumber, PaymentLine::amount)
                .containsExactly(
                        tuple("LBX0002-001", "0000000042", new BigDecimal("300.00")),
                        tuple("LBX0002-002", "0000000059", new BigDecimal("120.00")));
    }

    @Test
    void payments_are_received_on_the_group_as_of_date_and_keyed_by_checksum_and_line() {
        byte[] content = bytes(GOOD);
        String checksum = FileChecksum.sha256(content);

        var lines = reader.read(content).postableLines();

        assertThat(lines).extracting(PaymentLine::receivedAt)
                .containsOnly(Instant.parse("2026-11-22T06:00:00Z"));
        assertThat(lines).extracting(PaymentLine::idempotencyKey).containsExactly(checksum + ":5", checksum + ":6",
                checksum + ":7", checksum + ":9", checksum + ":13", checksum + ":14");
    }

    @Test
    void a_detail_amount_that_disagrees_with_its_account_trailer_holds_that_account_only() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "16,116,30000,S,30000,0,0",
                "16,116,31000,S,31000,0,0"));

        assertThat(file.held()).isFalse();
        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly(ACCOUNT_2);
        assertThat(file.heldBatches().get(0).problems()).containsExactly(FileProblem.outOfBalance(16,
                "49 account control total", "declares 5870.00, the batch adds up to 5880.00"));
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(5, 6, 7, 9);
    }

    @Test
    void items_that_do_not_add_up_to_their_lockbox_deposit_hold_the_account() {
        byte[] content = with(with(with(with(GOOD, "16,115,188050,", "16,115,188000,"), "49,3740250,8/",
                "49,3740200,8/"), "98,4327250,", "98,4327200,"), "99,4327250,", "99,4327200,");

        ParsedPaymentFile<PaymentLine> file = reader.read(content);

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly(ACCOUNT_1);
        assertThat(file.heldBatches().get(0).problems()).containsExactly(FileProblem.outOfBalance(4,
                "16 amount (type 115)", "the lockbox deposit is 1880.00, its 116 items add up to 1880.50"));
        assertThat(file.postableLines()).extracting(PaymentLine::lineNumber).containsExactly(13, 14);
    }

    @Test
    void an_account_record_count_that_disagrees_holds_the_account() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "49,3740250,8/", "49,3740250,9/"));

        assertThat(file.heldBatches()).extracting(FileBatch::id).containsExactly(ACCOUNT_1);
        assertThat(file.heldBatches().get(0).problems()).containsExactly(
                FileProblem.outOfBalance(10, "49 number of records", "declares 9, the batch holds 8"));
    }

    @Test
    void a_group_total_that_disagrees_with_its_account_trailers_holds_the_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "98,4327250,", "98,4327251,"));

        assertThat(file.held()).isTrue();
        assertThat(file.postableLines()).isEmpty();
        assertThat(file.problems()).contains(FileProblem.outOfBalance(17, "98 group control total",
                "declares 43272.51, the account trailers add up to 43272.50"));
    }

    @Test
    void group_counts_of_accounts_and_records_are_checked() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "98,4327250,2,16/", "98,4327250,3,15/"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).containsExactly(
                FileProblem.outOfBalance(17, "98 number of accounts", "declares 3, the file holds 2 accounts"),
                FileProblem.outOfBalance(17, "98 number of records", "declares 15, the file holds 16 records"));
    }

    @Test
    void a_file_trailer_that_disagrees_holds_the_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "99,4327250,1,18/", "99,4327250,2,17/"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).containsExactly(
                FileProblem.outOfBalance(18, "99 number of groups", "declares 2, the file holds 1 groups"),
                FileProblem.outOfBalance(18, "99 number of records", "declares 17, the file holds 18"));
    }

    @Test
    void a_truncated_file_is_held_with_its_open_account_and_group_reported() {
        String good = new String(bytes(GOOD), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] truncated = good.substring(0, good.indexOf("16,475")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ParsedPaymentFile<PaymentLine> file = reader.read(truncated);

        assertThat(file.held()).isTrue();
        assertThat(file.postableLines()).isEmpty();
        assertThat(file.batches().get(1).problems()).extracting(FileProblem::reason)
                .containsExactly("account 4455667799 has no 49 account trailer");
        assertThat(file.problems()).extracting(FileProblem::reason).containsExactly(
                "group 1 has no 98 group trailer: the file is truncated",
                "the file has no 99 file trailer: it is truncated");
    }

    @Test
    void an_unknown_record_type_is_reported_and_holds_its_account() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "16,475,1500,0,CHK-99812,,BANK FEE/",
                "17,475,1500,0,CHK-99812,,BANK FEE/"));

        assertThat(file.batches().get(1).held()).isTrue();
        assertThat(file.allProblems()).contains(FileProblem.structure(15, "record code",
                "unknown record type '17' (01, 02, 03, 16, 88, 49, 98, 99)"));
    }

    @Test
    void a_record_without_its_slash_is_reported() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "49,587000,6/", "49,587000,6"));

        assertThat(file.allProblems()).contains(
                FileProblem.structure(16, "record end", "the record does not end with '/'"));
        assertThat(file.batches().get(1).held()).isTrue();
    }

    @Test
    void a_record_longer_than_the_declared_physical_record_length_is_reported() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "01,BANKOFTX,METERTOCASH,261123,0600,1,80,",
                "01,BANKOFTX,METERTOCASH,261123,0600,1,60,"));

        assertThat(file.allProblems()).extracting(FileProblem::lineNumber, FileProblem::field)
                .containsExactly(tuple(3, "record"), tuple(6, "record"), tuple(7, "record"), tuple(13, "record"));
    }

    @Test
    void an_amount_with_a_decimal_point_or_a_sign_in_a_detail_is_refused() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "16,116,12540,", "16,116,125.40,"));

        assertThat(file.batches().get(0).held()).isTrue();
        assertThat(file.allProblems()).contains(FileProblem.invalid(5, "16 amount",
                "'125.40' is not an amount in cents (digits only, no sign or decimal point)"));
        assertThat(reader.read(with(GOOD, "16,116,12540,", "16,116,-12540,")).batches().get(0).held()).isTrue();
    }

    @Test
    void a_group_in_another_currency_holds_the_file() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, ",2400,USD,2/", ",2400,EUR,2/"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).contains(FileProblem.invalid(2, "02 currency code",
                "unknown currency 'EUR' (only USD)"));
    }

    @Test
    void a_group_that_is_not_an_update_is_not_posted() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "02,METERTOCASH,111000025,1,",
                "02,METERTOCASH,111000025,4,"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::field).containsExactly("02 group status");
    }

    @Test
    void a_file_of_another_bai_version_is_held() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "0600,1,80,,2/", "0600,1,80,,1/"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::field).containsExactly("01 version number");
    }

    @Test
    void a_continuation_with_nothing_to_continue_is_reported() {
        ParsedPaymentFile<PaymentLine> file = reader.read(with(GOOD, "01,BANKOFTX", "88,X/\n01,BANKOFTX"));

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::reason).contains(
                "a continuation record with no record before it to continue");
    }

    @Test
    void an_empty_file_is_held() {
        ParsedPaymentFile<PaymentLine> file = reader.read(new byte[0]);

        assertThat(file.held()).isTrue();
        assertThat(file.problems()).extracting(FileProblem::reason).contains("the file is empty");
    }
}
