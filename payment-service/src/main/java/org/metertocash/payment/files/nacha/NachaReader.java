package org.metertocash.payment.files.nacha;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.Digits;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;

/**
 * Reads a NACHA ACH file: the return files (addenda 99: reason R01 … R85, original trace number, date of death,
 * original RDFI) and notification-of-change files (addenda 98: change code C01 … C13 and corrected data) our bank
 * sends back for the PPD debits we originate, and those PPD files themselves.
 *
 * <p>Records are 94 characters: 1 file header, 5 batch header, 6 entry detail, 7 addenda, 8 batch control, 9 file
 * control, then records of nines blocking the file to a multiple of ten records. Each batch control must agree with
 * its entries — entry/addenda count, entry hash (the sum of the 8-digit receiving DFI identifications, its low ten
 * digits), total debit and total credit amounts — and the file control with the batch controls and the number of
 * batches and blocks. A record of the wrong length or of an unknown type, entries outside a batch, a batch without
 * its control and a file without its file control (truncated) are problems; a problem in a batch holds that batch,
 * a problem in the file's frame holds the file.
 */
public final class NachaReader {

    private static final long HASH_MODULUS = 10_000_000_000L;
    private static final Set<String> TRANSACTION_CODES = Set.of(
            "21", "22", "23", "24", "26", "27", "28", "29",
            "31", "32", "33", "34", "36", "37", "38", "39",
            "41", "42", "43", "44", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56");
    private static final Set<String> SERVICE_CLASSES = Set.of("200", "220", "225");
    private static final Pattern DESTINATION = Pattern.compile(" ?\\d{9,10}");
    private static final Pattern SEC_CODE = Pattern.compile("[A-Z]{3}");

    public ParsedPaymentFile<AchEntry> read(byte[] content) {
        String checksum = FileChecksum.sha256(content);
        ParsedPaymentFile.Builder<AchEntry> file = new ParsedPaymentFile.Builder<>(PaymentFileFormat.NACHA, checksum);
        file.whenControlMissing("the file has no 9 file control record: it is truncated");
        new Walk(file, records(new String(content, StandardCharsets.ISO_8859_1))).run();
        return file.build();
    }

    /** Lines, or when the file has no line breaks, 94-character slices. A last empty line is not a record. */
    private static List<NachaRecord> records(String text) {
        List<NachaRecord> records = new ArrayList<>();
        if (!text.contains("\n") && !text.contains("\r") && text.length() > NachaRecord.LENGTH
                && text.length() % NachaRecord.LENGTH == 0) {
            for (int i = 0; i < text.length(); i += NachaRecord.LENGTH) {
                records.add(new NachaRecord(records.size() + 1, text.substring(i, i + NachaRecord.LENGTH)));
            }
            return records;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            records.add(new NachaRecord(i + 1, lines[i]));
        }
        return records;
    }

    /** One pass over the records of one file. */
    private static final class Walk {

        private final ParsedPaymentFile.Builder<AchEntry> file;
        private final List<NachaRecord> records;
        private boolean headerSeen;
        private boolean controlSeen;
        private Batch batch;
        private PendingEntry entry;
        private int batches;
        private long declaredHash;
        private BigDecimal declaredDebits = Cents.zero();
        private BigDecimal declaredCredits = Cents.zero();

        Walk(ParsedPaymentFile.Builder<AchEntry> file, List<NachaRecord> records) {
            this.file = file;
            this.records = records;
        }

        void run() {
            if (records.isEmpty()) {
                file.problem(FileProblem.structure(1, "record", "the file is empty"));
                return;
            }
            for (NachaRecord record : records) {
                int line = record.lineNumber();
                file.seen(line);
                if (batch != null) {
                    batch.builder.seen(line);
                }
                if (record.text().length() != NachaRecord.LENGTH) {
                    unreadable(record);
                    continue;
                }
                if (record.type() != '7') {
                    finishEntry();
                }
                if (controlSeen) {
                    if (!record.isFiller()) {
                        file.problem(FileProblem.structure(line, "record", "only records of nines may follow the "
                                + "9 file control record"));
                    }
                    continue;
                }
                if (!headerSeen && record.type() != '1') {
                    file.problem(FileProblem.structure(line, "record type", "the file does not start with a "
                            + "1 file header record"));
                    headerSeen = true;
                }
                switch (record.type()) {
                    case '1' -> fileHeader(record);
                    case '5' -> batchHeader(record);
                    case '6' -> entryDetail(record);
                    case '7' -> addenda(record);
                    case '8' -> batchControl(record);
                    case '9' -> fileControl(record);
                    default -> problem(FileProblem.structure(line, "record type", "unknown record type '"
                            + record.type() + "' (1, 5, 6, 7, 8 or 9)"));
                }
            }
            finishEntry();
            if (batch != null) {
                closeBatch();
            }
            if (records.size() % 10 != 0) {
                file.problem(FileProblem.structure(records.size(), "blocking", "the file has " + records.size()
                        + " records, not a multiple of the blocking factor 10 (fill the last block with nines)"));
            }
        }

        /**
         * A record of the wrong length is reported and not read field by field; an entry or addenda still counts
         * in its batch, so the batch control is not reported out of balance for it as well.
         */
        private void unreadable(NachaRecord record) {
            problem(FileProblem.structure(record.lineNumber(), "record length", "is " + record.text().length()
                    + " characters, not " + NachaRecord.LENGTH));
            if (record.type() == '7' && entry != null) {
                entry.addendaCount++;
                entry.clean = false;
            } else {
                finishEntry();
            }
            if (batch != null && (record.type() == '6' || record.type() == '7')) {
                batch.builder.count(1, Cents.zero());
            }
        }

        private void fileHeader(NachaRecord record) {
            int line = record.lineNumber();
            if (headerSeen) {
                file.problem(FileProblem.structure(line, "record type", "a second 1 file header record"));
                return;
            }
            headerSeen = true;
            expect(file::problem, record, 2, 3, "01", "priority code");
            if (!DESTINATION.matcher(record.raw(4, 13)).matches()) {
                file.problem(FileProblem.invalid(line, "immediate destination (04-13)",
                        "must be a routing number, blank and 9 digits"));
            }
            if (record.field(14, 23).isEmpty()) {
                file.problem(FileProblem.invalid(line, "immediate origin (14-23)", "is required"));
            }
            date(file::problem, line, "file creation date (24-29)", record.raw(24, 29), false);
            expect(file::problem, record, 35, 37, "094", "record size");
            expect(file::problem, record, 38, 39, "10", "blocking factor");
            expect(file::problem, record, 40, 40, "1", "format code");
        }

        private void batchHeader(NachaRecord record) {
            int line = record.lineNumber();
            if (batch != null) {
                closeBatch();
            }
            batches++;
            String number = record.raw(88, 94);
            batch = new Batch(record, new FileBatch.Builder<AchEntry>("batch " + number.strip(), line)
                    .whenControlMissing("batch " + number.strip() + " has no 8 batch control record"));
            FileBatch.Builder<AchEntry> builder = batch.builder;
            if (!SERVICE_CLASSES.contains(record.raw(2, 4))) {
                builder.problem(FileProblem.invalid(line, "service class code (02-04)", "'" + record.raw(2, 4)
                        + "' is not 200 (mixed), 220 (credits) or 225 (debits)"));
            }
            if (record.field(41, 50).isEmpty()) {
                builder.problem(FileProblem.invalid(line, "company identification (41-50)", "is required"));
            }
            if (!SEC_CODE.matcher(record.raw(51, 53)).matches()) {
                builder.problem(FileProblem.invalid(line, "standard entry class code (51-53)", "is required"));
            }
            date(builder::problem, line, "effective entry date (70-75)", record.raw(70, 75), true);
            if (!Digits.exactly(record.raw(80, 87), 8)) {
                builder.problem(FileProblem.invalid(line, "originating DFI identification (80-87)",
                        "must be 8 digits"));
            }
            if (!Digits.exactly(number, 7)) {
                builder.problem(FileProblem.invalid(line, "batch number (88-94)", "must be 7 digits"));
            }
        }

        private void entryDetail(NachaRecord record) {
            int line = record.lineNumber();
            if (batch == null) {
                file.problem(FileProblem.structure(line, "record type", "an entry detail record outside a batch"));
                return;
            }
            FileBatch.Builder<AchEntry> builder = batch.builder;
            int before = builder.problemCount();
            String transactionCode = record.raw(2, 3);
            if (!TRANSACTION_CODES.contains(transactionCode)) {
                builder.problem(FileProblem.invalid(line, "transaction code (02-03)", "'" + transactionCode
                        + "' is not an ACH transaction code"));
            }
            String routing = record.raw(4, 12);
            RoutingNumber.problem(routing).ifPresent(reason -> builder.problem(FileProblem.invalid(line,
                    "receiving DFI identification and check digit (04-12)", "routing number " + reason)));
            BankAccountNumber account = null;
            String accountProblem = BankAccountNumber.problem(record.raw(13, 29)).orElse(null);
            if (accountProblem == null) {
                account = BankAccountNumber.of(record.raw(13, 29));
            } else {
                builder.problem(FileProblem.invalid(line, "DFI account number (13-29)", accountProblem));
            }
            BigDecimal amount = cents(builder::problem, line, "amount (30-39)", record.raw(30, 39));
            String indicator = record.raw(79, 79);
            if (!indicator.equals("0") && !indicator.equals("1")) {
                builder.problem(FileProblem.invalid(line, "addenda record indicator (79)", "must be 0 or 1"));
            }
            String trace = record.raw(80, 94);
            if (!Digits.exactly(trace, 15)) {
                builder.problem(FileProblem.invalid(line, "trace number (80-94)", "must be 15 digits"));
            }
            // the entry counts in the controls as written, whether or not its fields are good
            String hashPart = record.raw(4, 11);
            if (Digits.exactly(hashPart, 8)) {
                batch.hash += Long.parseLong(hashPart);
            }
            BigDecimal counted = amount == null ? Cents.zero() : amount;
            builder.count(1, counted);
            if (AchAccountType.isDebit(transactionCode)) {
                batch.debits = batch.debits.add(counted);
            } else {
                batch.credits = batch.credits.add(counted);
            }
            entry = new PendingEntry(record, account, amount, indicator.equals("1"),
                    builder.problemCount() == before);
        }

        private void addenda(NachaRecord record) {
            int line = record.lineNumber();
            if (batch == null) {
                file.problem(FileProblem.structure(line, "record type", "an addenda record outside a batch"));
                return;
            }
            FileBatch.Builder<AchEntry> builder = batch.builder;
            builder.count(1, Cents.zero());
            if (entry == null) {
                builder.problem(FileProblem.structure(line, "record type", "an addenda record with no entry before it"));
                return;
            }
            entry.addendaCount++;
            if (!entry.expectsAddenda) {
                builder.problem(FileProblem.structure(line, "record type",
                        "an addenda record after an entry whose addenda indicator is 0"));
                entry.clean = false;
                return;
            }
            if (entry.addendaCount > 1) {
                if (entry.addenda instanceof AchAddenda.Return || entry.addenda instanceof AchAddenda.NotificationOfChange) {
                    builder.problem(FileProblem.structure(line, "record type",
                            "a return or notification of change has exactly one addenda record"));
                    entry.clean = false;
                }
                return;
            }
            int before = builder.problemCount();
            String type = record.raw(2, 3);
            String entryTrace = entry.record.raw(80, 94);
            switch (type) {
                case "99" -> {
                    String reason = record.raw(4, 6);
                    if (!ReturnReason.isReturnCode(reason)) {
                        builder.problem(FileProblem.invalid(line, "return reason code (04-06)", "'" + reason
                                + "' is not a return reason code R01 … R85"));
                    }
                    String original = originalTrace(builder::problem, record);
                    LocalDate dateOfDeath = record.field(22, 27).isEmpty() ? null
                            : date(builder::problem, line, "date of death (22-27)", record.raw(22, 27), false);
                    String rdfi = originalRdfi(builder::problem, record);
                    sameTrace(builder::problem, record, entryTrace);
                    entry.addenda = new AchAddenda.Return(reason, original, dateOfDeath, rdfi, record.field(36, 79));
                }
                case "98" -> {
                    String code = record.raw(4, 6);
                    if (ChangeCode.of(code).isEmpty()) {
                        builder.problem(FileProblem.invalid(line, "change code (04-06)", "'" + code
                                + "' is not a change code C01 … C13"));
                    }
                    String original = originalTrace(builder::problem, record);
                    String rdfi = originalRdfi(builder::problem, record);
                    sameTrace(builder::problem, record, entryTrace);
                    CorrectedData corrected = CorrectedData.parse(code, record.raw(36, 64));
                    String problem = corrected.problem(code);
                    if (problem != null) {
                        builder.problem(FileProblem.invalid(line, "corrected data (36-64)", problem));
                    }
                    entry.addenda = new AchAddenda.NotificationOfChange(code, original, rdfi, corrected);
                }
                default -> {
                    if (!Digits.exactly(type, 2)) {
                        builder.problem(FileProblem.invalid(line, "addenda type code (02-03)", "must be 2 digits"));
                    }
                    entry.addenda = new AchAddenda.Information(type, record.field(4, 83));
                }
            }
            if (builder.problemCount() != before) {
                entry.clean = false;
            }
        }

        private void finishEntry() {
            if (entry == null) {
                return;
            }
            PendingEntry pending = entry;
            entry = null;
            if (pending.expectsAddenda && pending.addendaCount == 0) {
                batch.builder.problem(FileProblem.structure(pending.record.lineNumber(), "addenda record indicator (79)",
                        "is 1 but no addenda record follows the entry"));
                return;
            }
            if (!pending.clean) {
                return;
            }
            NachaRecord r = pending.record;
            String trace = r.raw(80, 94);
            batch.builder.line(new AchEntry(r.lineNumber(), AchEntry.keyFor(trace, pending.addenda), r.raw(2, 3),
                    r.raw(4, 12), pending.account, pending.amount, r.field(40, 54), r.field(55, 76),
                    r.field(77, 78), trace, pending.addenda));
        }

        private void batchControl(NachaRecord record) {
            int line = record.lineNumber();
            if (batch == null) {
                file.problem(FileProblem.structure(line, "record type", "a batch control record with no batch header"));
                return;
            }
            FileBatch.Builder<AchEntry> builder = batch.builder;
            NachaRecord header = batch.header;
            same(builder::problem, record, 2, 4, header.raw(2, 4), "service class code (02-04)");
            same(builder::problem, record, 45, 54, header.raw(41, 50), "company identification (45-54)");
            same(builder::problem, record, 80, 87, header.raw(80, 87), "originating DFI identification (80-87)");
            same(builder::problem, record, 88, 94, header.raw(88, 94), "batch number (88-94)");
            Long count = number(builder::problem, record, 5, 10, "entry/addenda count (05-10)");
            Long hash = number(builder::problem, record, 11, 20, "entry hash (11-20)");
            BigDecimal debits = cents(builder::problem, line, "total debit entry dollar amount (21-32)",
                    record.raw(21, 32));
            BigDecimal credits = cents(builder::problem, line, "total credit entry dollar amount (33-44)",
                    record.raw(33, 44));
            long computedHash = batch.hash % HASH_MODULUS;
            if (hash != null && hash != computedHash) {
                builder.problem(FileProblem.outOfBalance(line, "entry hash (11-20)", "declares " + hash
                        + ", the receiving DFI identifications add up to " + computedHash));
            }
            compare(builder::problem, line, "total debit entry dollar amount (21-32)", debits, batch.debits,
                    "the debit entries add up to ");
            compare(builder::problem, line, "total credit entry dollar amount (33-44)", credits, batch.credits,
                    "the credit entries add up to ");
            if (count != null && debits != null && credits != null) {
                builder.declare(new ControlTotals(count, debits.add(credits)), line, "entry/addenda count (05-10)",
                        null);
            }
            declaredHash += hash == null ? 0 : hash;
            declaredDebits = declaredDebits.add(debits == null ? Cents.zero() : debits);
            declaredCredits = declaredCredits.add(credits == null ? Cents.zero() : credits);
            closeBatch();
        }

        private void closeBatch() {
            finishEntry();
            FileBatch<AchEntry> built = batch.builder.build();
            ControlTotals counted = built.declared() != null ? built.declared() : built.computed();
            if (built.declared() == null) {
                declaredHash += batch.hash;
                declaredDebits = declaredDebits.add(batch.debits);
                declaredCredits = declaredCredits.add(batch.credits);
            }
            file.count(counted.count(), counted.amount());
            file.batch(built);
            batch = null;
        }

        private void fileControl(NachaRecord record) {
            int line = record.lineNumber();
            if (record.isFiller()) {
                file.problem(FileProblem.structure(line, "record type",
                        "a record of nines before the 9 file control record"));
                return;
            }
            if (batch != null) {
                closeBatch();
            }
            controlSeen = true;
            Long batchCount = number(file::problem, record, 2, 7, "batch count (02-07)");
            Long blockCount = number(file::problem, record, 8, 13, "block count (08-13)");
            Long count = number(file::problem, record, 14, 21, "entry/addenda count (14-21)");
            Long hash = number(file::problem, record, 22, 31, "entry hash (22-31)");
            BigDecimal debits = cents(file::problem, line, "total debit entry dollar amount (32-43)",
                    record.raw(32, 43));
            BigDecimal credits = cents(file::problem, line, "total credit entry dollar amount (44-55)",
                    record.raw(44, 55));
            if (batchCount != null && batchCount != batches) {
                file.problem(FileProblem.outOfBalance(line, "batch count (02-07)", "declares " + batchCount
                        + ", the file holds " + batches + " batches"));
            }
            long blocks = (records.size() + 9) / 10;
            if (blockCount != null && blockCount != blocks) {
                file.problem(FileProblem.outOfBalance(line, "block count (08-13)", "declares " + blockCount
                        + ", the file holds " + records.size() + " records in " + blocks + " blocks"));
            }
            long computedHash = declaredHash % HASH_MODULUS;
            if (hash != null && hash != computedHash) {
                file.problem(FileProblem.outOfBalance(line, "entry hash (22-31)", "declares " + hash
                        + ", the batch controls add up to " + computedHash));
            }
            compare(file::problem, line, "total debit entry dollar amount (32-43)", debits, declaredDebits,
                    "the batch controls add up to ");
            compare(file::problem, line, "total credit entry dollar amount (44-55)", credits, declaredCredits,
                    "the batch controls add up to ");
            if (count != null && debits != null && credits != null) {
                file.declare(new ControlTotals(count, debits.add(credits)), line, "entry/addenda count (14-21)", null);
            }
        }

        private void problem(FileProblem problem) {
            if (batch != null) {
                batch.builder.problem(problem);
            } else {
                file.problem(problem);
            }
        }
    }

    private static String originalTrace(Consumer<FileProblem> problems, NachaRecord record) {
        String original = record.raw(7, 21);
        if (!Digits.exactly(original, 15)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), "original entry trace number (07-21)",
                    "must be 15 digits"));
        }
        return original;
    }

    private static String originalRdfi(Consumer<FileProblem> problems, NachaRecord record) {
        String rdfi = record.raw(28, 35);
        if (!Digits.exactly(rdfi, 8)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), "original receiving DFI identification (28-35)",
                    "must be 8 digits"));
        }
        return rdfi;
    }

    private static void sameTrace(Consumer<FileProblem> problems, NachaRecord record, String entryTrace) {
        if (!record.raw(80, 94).equals(entryTrace)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), "trace number (80-94)",
                    "differs from the trace number of its entry"));
        }
    }

    private static void expect(Consumer<FileProblem> problems, NachaRecord record, int from, int to, String expected,
            String name) {
        if (!record.raw(from, to).equals(expected)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), name + " (" + pos(from) + "-" + pos(to) + ")",
                    "is '" + record.raw(from, to) + "', must be " + expected));
        }
    }

    private static void same(Consumer<FileProblem> problems, NachaRecord record, int from, int to, String expected,
            String name) {
        if (!record.raw(from, to).equals(expected)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), name, "is '" + record.raw(from, to)
                    + "', the batch header says '" + expected + "'"));
        }
    }

    private static Long number(Consumer<FileProblem> problems, NachaRecord record, int from, int to, String name) {
        String raw = record.raw(from, to);
        if (!Digits.only(raw)) {
            problems.accept(FileProblem.invalid(record.lineNumber(), name, "must be digits"));
            return null;
        }
        return Long.parseLong(raw);
    }

    private static BigDecimal cents(Consumer<FileProblem> problems, int line, String name, String raw) {
        if (!Digits.only(raw)) {
            problems.accept(FileProblem.invalid(line, name, "'" + raw + "' is not an amount in cents (digits only)"));
            return null;
        }
        return Cents.toAmount(raw);
    }

    private static void compare(Consumer<FileProblem> problems, int line, String name, BigDecimal declared,
            BigDecimal computed, String what) {
        if (declared != null && declared.compareTo(computed) != 0) {
            problems.accept(FileProblem.outOfBalance(line, name, "declares " + declared.toPlainString() + ", "
                    + what + computed.toPlainString()));
        }
    }

    private static LocalDate date(Consumer<FileProblem> problems, int line, String name, String yymmdd,
            boolean blankAllowed) {
        if (blankAllowed && yymmdd.isBlank()) {
            return null;
        }
        if (Digits.exactly(yymmdd, 6)) {
            try {
                return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                        Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problems.accept(FileProblem.invalid(line, name, "'" + yymmdd + "' is not a date YYMMDD"));
        return null;
    }

    private static String pos(int position) {
        return position < 10 ? "0" + position : String.valueOf(position);
    }

    /** A batch in progress: its header, its builder and its running controls. */
    private static final class Batch {
        final NachaRecord header;
        final FileBatch.Builder<AchEntry> builder;
        long hash;
        BigDecimal debits = Cents.zero();
        BigDecimal credits = Cents.zero();

        Batch(NachaRecord header, FileBatch.Builder<AchEntry> builder) {
            this.header = header;
            this.builder = builder;
        }
    }

    /** An entry detail record waiting for its addenda. */
    private static final class PendingEntry {
        final NachaRecord record;
        final BankAccountNumber account;
        final BigDecimal amount;
        final boolean expectsAddenda;
        boolean clean;
        int addendaCount;
        AchAddenda addenda;

        PendingEntry(NachaRecord record, BankAccountNumber account, BigDecimal amount, boolean expectsAddenda,
                boolean clean) {
            this.record = record;
            this.amount = amount;
            this.account = account;
            this.expectsAddenda = expectsAddenda;
            this.clean = clean;
        }
    }
}
