package org.metertocash.payment.files.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.ParsedPaymentFile;

class PpdDebitFileWriterTest {

    private static final RoutingNumber ODFI = RoutingNumber.of("111000025");
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 11, 27);

    private final PpdDebitFileWriter writer = new PpdDebitFileWriter();
    private final NachaReader reader = new NachaReader();

    private static PpdOrigination.Debit debit(String reference, String routing, String account, AchAccountType type,
            String amount, String billingAccount, String name) {
        return new PpdOrigination.Debit(reference, RoutingNumber.of(routing), BankAccountNumber.of(account), type,
                new BigDecimal(amount), billingAccount, name);
    }

    private static final List<PpdOrigination.Debit> DEBITS = List.of(
            debit("debit-1", "113000023", "123456789", AchAccountType.CHECKING, "125.40", "0000000018", "Dana Smith"),
            debit("debit-2", "071000013", "98765432101", AchAccountType.CHECKING, "89.99", "0000000026",
                    "Acme Property Management LLC"),
            debit("debit-3", "121000358", "5550001", AchAccountType.SAVINGS, "60", "0000000034", "Lee Wong"));

    private static PpdOrigination.Batch batch(List<PpdOrigination.Debit> debits, PpdOrigination.Offset offset) {
        return new PpdOrigination.Batch("Meter to Cash", "1742155501", "ELEC BILL", EFFECTIVE, ODFI, debits, offset);
    }

    private static PpdOrigination origination(PpdOrigination.Batch... batches) {
        return new PpdOrigination(ODFI, "Bank of Texas", "1742155501", "Meter to Cash Energy",
                LocalDateTime.of(2026, 11, 24, 16, 30), 'A', "AUTOPAY", List.of(batches));
    }

    @Test
    void a_written_ppd_file_reads_back_balanced_with_every_debit() {
        PpdFile written = writer.write(origination(batch(DEBITS, null)), 101);

        ParsedPaymentFile<AchEntry> file = reader.read(written.bytes());

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.balanced()).isTrue();
        assertThat(file.postableLines()).extracting(AchEntry::transactionCode, AchEntry::routingNumber,
                AchEntry::accountNumber, AchEntry::amount, AchEntry::individualId, AchEntry::individualName)
                .containsExactly(
                        tuple("27", "113000023", BankAccountNumber.of("123456789"), new BigDecimal("125.40"),
                                "0000000018", "DANA SMITH"),
                        tuple("27", "071000013", BankAccountNumber.of("98765432101"), new BigDecimal("89.99"),
                                "0000000026", "ACME PROPERTY MANAGEME"),
                        tuple("37", "121000358", BankAccountNumber.of("5550001"), new BigDecimal("60.00"),
                                "0000000034", "LEE WONG"));
        assertThat(file.batches().get(0).declared()).isEqualTo(new ControlTotals(3, new BigDecimal("275.39")));
    }

    @Test
    void trace_numbers_are_the_odfi_and_a_sequence_and_come_back_with_each_reference() {
        PpdFile written = writer.write(origination(batch(DEBITS, null)), 101);

        assertThat(written.traces()).extracting(PpdFile.Trace::reference, PpdFile.Trace::traceNumber)
                .containsExactly(tuple("debit-1", "111000020000101"), tuple("debit-2", "111000020000102"),
                        tuple("debit-3", "111000020000103"));
        assertThat(reader.read(written.bytes()).postableLines()).extracting(AchEntry::traceNumber)
                .containsExactly("111000020000101", "111000020000102", "111000020000103");
    }

    @Test
    void records_are_94_characters_blocked_to_ten_with_nines() {
        String[] records = writer.write(origination(batch(DEBITS, null)), 1).content().split("\n");

        assertThat(records).hasSize(10).allSatisfy(record -> assertThat(record).hasSize(94));
        assertThat(records[0]).startsWith("101 111000025");
        assertThat(records[0].substring(23, 33)).isEqualTo("2611241630");
        assertThat(records[1]).startsWith("5225METER TO CASH   ");
        assertThat(records[1].substring(50, 53)).isEqualTo("PPD");
        assertThat(records[1].substring(69, 75)).as("effective entry date").isEqualTo("261127");
        assertThat(Arrays.copyOfRange(records, 7, 10)).containsOnly("9".repeat(94));
    }

    @Test
    void the_batch_control_carries_the_entry_hash_of_the_receiving_dfis_and_the_debit_total() {
        String control = writer.write(origination(batch(DEBITS, null)), 1).content().split("\n")[5];

        // 11300002 + 07100001 + 12100035 = 30500038
        assertThat(control).startsWith("8225" + "000003" + "0030500038" + "000000027539" + "000000000000"
                + "1742155501");
    }

    @Test
    void a_batch_with_an_offset_is_balanced_by_a_credit_to_our_account() {
        PpdOrigination.Offset offset = new PpdOrigination.Offset(ODFI, BankAccountNumber.of("88001234"),
                AchAccountType.CHECKING, "Meter to Cash settlement");

        ParsedPaymentFile<AchEntry> file = reader.read(writer.write(origination(batch(DEBITS, offset)), 1).bytes());

        assertThat(file.allProblems()).isEmpty();
        FileBatch<AchEntry> batch = file.batches().get(0);
        AchEntry credit = batch.lines().get(3);
        assertThat(credit.transactionCode()).isEqualTo("22");
        assertThat(credit.amount()).isEqualTo(new BigDecimal("275.39"));
        assertThat(batch.declared()).isEqualTo(new ControlTotals(4, new BigDecimal("550.78")));
        assertThat(file.postableLines().stream().filter(AchEntry::isDebit).map(AchEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(credit.amount());
    }

    @Test
    void several_batches_are_numbered_and_the_trace_sequence_runs_on_across_them() {
        PpdOrigination.Batch second = new PpdOrigination.Batch("Meter to Cash", "1742155501", "ELEC BILL",
                EFFECTIVE.plusDays(1), ODFI, List.of(DEBITS.get(0)), null);

        PpdFile written = writer.write(origination(batch(DEBITS, null), second), 7);
        ParsedPaymentFile<AchEntry> file = reader.read(written.bytes());

        assertThat(file.allProblems()).isEmpty();
        assertThat(file.batches()).extracting(FileBatch::id).containsExactly("batch 0000001", "batch 0000002");
        assertThat(written.traces()).extracting(PpdFile.Trace::batchNumber, PpdFile.Trace::traceNumber)
                .containsExactly(tuple(1, "111000020000007"), tuple(1, "111000020000008"),
                        tuple(1, "111000020000009"), tuple(2, "111000020000010"));
        assertThat(file.declared()).isEqualTo(new ControlTotals(4, new BigDecimal("400.79")));
    }

    @Test
    void an_entry_hash_past_ten_digits_keeps_its_low_ten_digits() {
        // 400 × 32107007 = 12842802800: eleven digits, of which the controls keep 2842802800
        List<PpdOrigination.Debit> many = new ArrayList<>();
        IntStream.range(0, 400).forEach(i -> many.add(debit("d" + i, "321070078", "70000" + i,
                AchAccountType.CHECKING, "10.01", "0000000018", "Many")));

        PpdFile written = writer.write(origination(batch(many, null)), 1);
        String[] records = written.content().split("\n");

        assertThat(records[402].substring(10, 20)).as("batch entry hash").isEqualTo("2842802800");
        assertThat(records[403].substring(21, 31)).as("file entry hash").isEqualTo("2842802800");
        assertThat(records).hasSize(410);
        ParsedPaymentFile<AchEntry> file = reader.read(written.bytes());
        assertThat(file.allProblems()).isEmpty();
        assertThat(file.declared()).isEqualTo(new ControlTotals(400, new BigDecimal("4004.00")));
    }

    @Test
    void the_same_debits_write_the_same_file() {
        assertThat(writer.write(origination(batch(DEBITS, null)), 101).content())
                .isEqualTo(writer.write(origination(batch(DEBITS, null)), 101).content());
    }

    @Test
    void a_debit_a_bank_would_reject_is_refused_before_a_file_is_written() {
        List<PpdOrigination.Debit> zero = List.of(debit("zero", "113000023", "123456789", AchAccountType.CHECKING,
                "0.00", "0000000018", "Dana"));
        List<PpdOrigination.Debit> fraction = List.of(debit("fraction", "113000023", "123456789",
                AchAccountType.CHECKING, "10.005", "0000000018", "Dana"));

        assertThatThrownBy(() -> writer.write(origination(batch(zero, null)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> writer.write(origination(batch(fraction, null)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction of a cent");
        assertThatThrownBy(() -> writer.write(origination(batch(DEBITS, null)), 9_999_999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trace sequence");
    }
}
