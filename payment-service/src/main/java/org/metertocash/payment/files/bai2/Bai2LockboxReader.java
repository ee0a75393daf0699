package org.metertocash.payment.files.bai2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.Digits;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.PaymentLine;

/**
 * Reads a BAI2 cash-management report of lockbox deposits into payments.
 *
 * <p>The file: 01 file header, 02 group header (one originating bank, one as-of date), 03 account identifier with
 * its status and summary amounts, 16 transaction details, 49 account trailer, 98 group trailer, 99 file trailer.
 * Fields are separated by commas and a record's data ends with "/"; any record may go on in 88 continuation
 * records, whose fields follow on from the record before (the free text of a 16 continues across them). Amounts
 * are whole cents without a decimal point, converted exactly. Totals must agree at three levels: the 49 control
 * total is the sum of every amount in the account's 03 and 16 records and its record count covers 03 to 49 with
 * the 88s; the 98 total is the sum of its accounts' 49 totals, with the number of accounts and of records 02 to
 * 98; the 99 total is the sum of the 98 totals, with the number of groups and of all records.
 *
 * <p>Payments: a 115 lockbox deposit followed by 116 items gives one payment per item (and the items must add up
 * to the deposit); a 115 without items, and a 116 on its own, is one payment. The 16's customer reference names
 * the payer: our billing account number, or an ESI ID when it has that shape. Other detail codes (adjustments,
 * debits, fees) count in the totals but are not payments. Each account (03 … 49) is a batch; a problem in a group
 * or file header or trailer holds the whole file.
 */
public final class Bai2LockboxReader {

    /** Every lockbox item is a check. */
    public static final String CHANNEL = "CHECK";

    private static final Pattern RECORD_CODE = Pattern.compile("\\d{2}");
    private static final Pattern TYPE_CODE = Pattern.compile("\\d{3}");
    private static final Pattern UNSIGNED = Pattern.compile("\\d{1,18}");
    private static final Pattern SIGNED = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    // ESI ID: "10" + TDSP code + premise number, 17 or 22 digits (domain primer, "ESI ID").
    private static final Pattern ESI_ID = Pattern.compile("10\\d{15}|10\\d{20}");

    private final ZoneId zone;

    /** @param zone the zone of the as-of dates and times (the bank reports in the market's local time) */
    public Bai2LockboxReader(ZoneId zone) {
        this.zone = zone;
    }

    public ParsedPaymentFile<PaymentLine> read(byte[] content) {
        String checksum = FileChecksum.sha256(content);
        ParsedPaymentFile.Builder<PaymentLine> file = new ParsedPaymentFile.Builder<>(PaymentFileFormat.BAI2, checksum);
        file.whenControlMissing("the file has no 99 file trailer: it is truncated");
        new Walk(file, records(new String(content, StandardCharsets.ISO_8859_1), file)).run();
        return file.build();
    }

    /** A physical record: its line, the two-digit code, and the data after "NN," up to the record end. */
    record Physical(int lineNumber, String code, String data, int rawLength) {
    }

    /**
     * A record with its 88 continuations: its fields in order as written, each knowing which physical record it
     * came from; {@link #field(int)} gives one without surrounding blanks.
     */
    record Logical(Physical first, List<Physical> parts, List<String> fields, List<Integer> partOfField) {

        int lineNumber() {
            return first.lineNumber();
        }

        String code() {
            return first.code();
        }

        String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        /** Fields from {@code index} on: those of one physical record rejoined with commas, records with spaces. */
        String rest(int index) {
            StringBuilder text = new StringBuilder();
            for (int i = index; i < fields.size(); i++) {
                if (i > index) {
                    text.append(partOfField.get(i).equals(partOfField.get(i - 1)) ? "," : " ");
                }
                text.append(fields.get(i));
            }
            return text.toString().strip();
        }
    }

    /** Splits the text into physical records and joins the 88 continuations to the record they continue. */
    private static List<Logical> records(String text, ParsedPaymentFile.Builder<PaymentLine> file) {
        List<Physical> physical = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isBlank()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            int lineNumber = i + 1;
            String raw = lines[i];
            String line = raw.stripTrailing();
            file.seen(lineNumber);
            int comma = line.indexOf(',');
            String code = comma < 0 ? line : line.substring(0, comma);
            if (!RECORD_CODE.matcher(code).matches()) {
                code = code.length() > 10 ? code.substring(0, 10) + "…" : code;
                physical.add(new Physical(lineNumber, code, line, raw.length()));
                continue;
            }
            physical.add(new Physical(lineNumber, code, comma < 0 ? "" : line.substring(comma + 1), raw.length()));
        }
        List<Logical> logical = new ArrayList<>();
        int i = 0;
        while (i < physical.size()) {
            Physical first = physical.get(i);
            List<Physical> parts = new ArrayList<>(List.of(first));
            i++;
            if (!"88".equals(first.code())) {
                while (i < physical.size() && "88".equals(physical.get(i).code())) {
                    parts.add(physical.get(i));
                    i++;
                }
            }
            logical.add(join(first, parts));
        }
        return logical;
    }

    private static Logical join(Physical first, List<Physical> parts) {
        boolean text = "16".equals(first.code());
        List<String> fields = new ArrayList<>();
        List<Integer> partOfField = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            String data = parts.get(p).data();
            // a 16's free text runs to the end of the physical record and may hold "/"; elsewhere "/" ends the data
            int end = text ? (data.endsWith("/") ? data.length() - 1 : data.length()) : data.indexOf('/');
            String kept = end < 0 ? data : data.substring(0, end);
            for (String field : kept.split(",", -1)) {
                fields.add(field);
                partOfField.add(p);
            }
        }
        return new Logical(first, List.copyOf(parts), fields, partOfField);
    }

    /** One pass over the records of one file. */
    private final class Walk {

        private final ParsedPaymentFile.Builder<PaymentLine> file;
        private final List<Logical> records;
        private boolean headerSeen;
        private boolean trailerSeen;
        private int physicalLimit;
        private Group group;
        private Account account;
        private int groups;
        private long physicalRecords;
        private BigDecimal groupTotals = Cents.zero();

        Walk(ParsedPaymentFile.Builder<PaymentLine> file, List<Logical> records) {
            this.file = file;
            this.records = records;
        }

        void run() {
            if (records.isEmpty()) {
                file.problem(FileProblem.structure(1, "01", "the file is empty"));
                return;
            }
            for (Logical record : records) {
                int count = record.parts().size();
                String code = record.code();
                physicalRecords += count;
                // headers count themselves when they open their group or account
                if (group != null && !code.equals("01") && !code.equals("02") && !code.equals("99")) {
                    group.records += count;
                }
                if (account != null && !List.of("01", "02", "03", "98", "99").contains(code)) {
                    account.batch.count(count, Cents.zero());
                    account.batch.seen(record.parts().get(count - 1).lineNumber());
                }
                checkEnds(record);
                if (trailerSeen) {
                    file.problem(FileProblem.structure(record.lineNumber(), "record", "a record after the 99 file trailer"));
                    continue;
                }
                if (!headerSeen && !"01".equals(record.code())) {
                    file.problem(FileProblem.structure(record.lineNumber(), "record",
                            "the file does not start with an 01 file header"));
                    headerSeen = true;
                }
                switch (record.code()) {
                    case "01" -> fileHeader(record);
                    case "02" -> groupHeader(record);
                    case "03" -> accountIdentifier(record);
                    case "16" -> transactionDetail(record);
                    case "49" -> accountTrailer(record);
                    case "98" -> groupTrailer(record);
                    case "99" -> fileTrailer(record);
                    case "88" -> problem(FileProblem.structure(record.lineNumber(), "88",
                            "a continuation record with no record before it to continue"));
                    default -> problem(FileProblem.structure(record.lineNumber(), "record code",
                            "unknown record type '" + record.code() + "' (01, 02, 03, 16, 88, 49, 98, 99)"));
                }
            }
            if (account != null) {
                closeAccount(null);
            }
            if (group != null) {
                file.problem(FileProblem.structure(group.lineNumber, "98",
                        "group " + group.number + " has no 98 group trailer: the file is truncated"));
                groupTotals = groupTotals.add(group.accountTotals);
            }
            file.count(physicalRecords, groupTotals);
        }

        private void checkEnds(Logical record) {
            for (Physical part : record.parts()) {
                if (physicalLimit > 0 && part.rawLength() > physicalLimit) {
                    problem(FileProblem.structure(part.lineNumber(), "record", "is " + part.rawLength()
                            + " characters, longer than the physical record length " + physicalLimit
                            + " the 01 header declares"));
                }
                boolean textRecord = "16".equals(record.code());
                if (!textRecord && !part.data().contains("/") && RECORD_CODE.matcher(part.code()).matches()) {
                    problem(FileProblem.structure(part.lineNumber(), "record end", "the record does not end with '/'"));
                }
            }
        }

        private void fileHeader(Logical record) {
            int line = record.lineNumber();
            if (headerSeen) {
                file.problem(FileProblem.structure(line, "01", "a second 01 file header"));
                return;
            }
            headerSeen = true;
            date(file::problem, line, "01 file creation date", record.field(2));
            String recordLength = record.field(5);
            if (!recordLength.isEmpty()) {
                if (DIGITS.matcher(recordLength).matches()) {
                    physicalLimit = Integer.parseInt(recordLength);
                } else {
                    file.problem(FileProblem.invalid(line, "01 physical record length", "must be digits"));
                }
            }
            if (!"2".equals(record.field(7))) {
                file.problem(FileProblem.structure(line, "01 version number", "is '" + record.field(7)
                        + "': this reader reads BAI version 2"));
            }
        }

        private void groupHeader(Logical record) {
            int line = record.lineNumber();
            if (account != null) {
                closeAccount(null);
            }
            if (group != null) {
                file.problem(FileProblem.structure(line, "02", "group " + group.number
                        + " is not closed by a 98 group trailer before the next group"));
                groupTotals = groupTotals.add(group.accountTotals);
            }
            groups++;
            group = new Group(groups, line);
            group.records = record.parts().size();
            String status = record.field(2);
            if (!"1".equals(status)) {
                // 2 deletion, 3 correction, 4 test only: none of them is money to post as it stands
                file.problem(FileProblem.invalid(line, "02 group status", "is '" + status
                        + "'; only 1 (update) is posted, deletions, corrections and tests go to an analyst"));
            }
            LocalDate asOf = date(file::problem, line, "02 as-of date", record.field(3));
            LocalTime time = time(record.field(4));
            group.asOf = asOf == null ? null : asOf.atTime(time).atZone(zone).toInstant();
            String currency = record.field(5);
            if (!currency.isEmpty() && !"USD".equals(currency)) {
                file.problem(FileProblem.invalid(line, "02 currency code", "unknown currency '" + currency
                        + "' (only USD)"));
            }
        }

        private void accountIdentifier(Logical record) {
            int line = record.lineNumber();
            if (group == null) {
                file.problem(FileProblem.structure(line, "03", "an account outside a group (no 02 before it)"));
                group = new Group(++groups, line);
            }
            if (account != null) {
                closeAccount(null);
            }
            String number = record.field(0);
            account = new Account(new FileBatch.Builder<PaymentLine>("group " + group.number + " account " + number,
                    line).whenControlMissing("account " + number + " has no 49 account trailer"));
            account.batch.count(record.parts().size(), Cents.zero());
            group.accounts++;
            if (number.isEmpty()) {
                account.batch.problem(FileProblem.invalid(line, "03 customer account number", "is required"));
            }
            String currency = record.field(1);
            if (!currency.isEmpty() && !"USD".equals(currency)) {
                account.batch.problem(FileProblem.invalid(line, "03 currency code", "unknown currency '" + currency
                        + "' (only USD)"));
            }
            int index = 2;
            while (index < record.fields().size()) {
                String typeCode = record.field(index);
                if (typeCode.isEmpty() && allEmpty(record, index)) {
                    break;
                }
                if (!TYPE_CODE.matcher(typeCode).matches()) {
                    account.batch.problem(FileProblem.invalid(line, "03 type code", "'" + typeCode
                            + "' is not a three-digit type code"));
                    break;
                }
                BigDecimal amount = amount(account.batch::problem, line, "03 amount (type " + typeCode + ")",
                        record.field(index + 1), Bai2TypeCodes.isStatus(typeCode));
                if (amount != null) {
                    account.batch.count(0, amount);
                }
                String itemCount = record.field(index + 2);
                if (!itemCount.isEmpty() && !DIGITS.matcher(itemCount).matches()) {
                    account.batch.problem(FileProblem.invalid(line, "03 item count (type " + typeCode + ")",
                            "must be digits"));
                }
                int next = skipFundsType(account.batch::problem, record, index + 3, "03");
                if (next < 0) {
                    break;
                }
                index = next;
            }
        }

        private void transactionDetail(Logical record) {
            int line = record.lineNumber();
            if (account == null) {
                problem(FileProblem.structure(line, "16", "a transaction detail outside an account (no 03 before it)"));
                return;
            }
            FileBatch.Builder<PaymentLine> batch = account.batch;
            int before = batch.problemCount();
            String typeCode = record.field(0);
            if (!TYPE_CODE.matcher(typeCode).matches()) {
                batch.problem(FileProblem.invalid(line, "16 type code", "'" + typeCode
                        + "' is not a three-digit type code"));
                return;
            }
            BigDecimal amount = amount(batch::problem, line, "16 amount", record.field(1), false);
            if (amount != null) {
                batch.count(0, amount);
            }
            int next = skipFundsType(batch::problem, record, 2, "16");
            if (next < 0) {
                return;
            }
            String bankReference = record.field(next);
            String customerReference = record.field(next + 1);
            String text = record.rest(next + 2);
            boolean payment = Bai2TypeCodes.LOCKBOX_DEPOSIT.equals(typeCode)
                    || Bai2TypeCodes.ITEM_IN_LOCKBOX_DEPOSIT.equals(typeCode);
            if (!Bai2TypeCodes.ITEM_IN_LOCKBOX_DEPOSIT.equals(typeCode)) {
                closeDeposit();
            }
            if (!payment) {
                return;
            }
            if (amount != null && amount.signum() == 0) {
                batch.problem(FileProblem.invalid(line, "16 amount", "a lockbox payment must be more than zero"));
            }
            if (batch.problemCount() != before || amount == null) {
                if (Bai2TypeCodes.LOCKBOX_DEPOSIT.equals(typeCode)) {
                    account.deposit = new Deposit(line, amount == null ? Cents.zero() : amount, null);
                } else if (account.deposit != null) {
                    account.deposit.hadBadItem = true;
                }
                return;
            }
            PaymentLine paymentLine = line(line, customerReference, amount, bankReference, text);
            if (Bai2TypeCodes.LOCKBOX_DEPOSIT.equals(typeCode)) {
                account.deposit = new Deposit(line, amount, paymentLine);
            } else if (account.deposit != null) {
                account.deposit.items.add(paymentLine);
            } else {
                batch.line(paymentLine);
            }
        }

        private PaymentLine line(int line, String customerReference, BigDecimal amount, String bankReference,
                String text) {
            String reference = customerReference.isEmpty() ? null : customerReference;
            boolean esiId = reference != null && ESI_ID.matcher(reference).matches();
            return new PaymentLine(line, PaymentLine.key(file.checksum(), line), esiId ? null : reference,
                    esiId ? reference : null, amount, CHANNEL, bankReference.isEmpty() ? null : bankReference,
                    group == null ? null : group.asOf, text.isEmpty() ? null : text);
        }

        /** A deposit's items are its payments and must add up to it; a deposit without items is one payment. */
        private void closeDeposit() {
            Deposit deposit = account == null ? null : account.deposit;
            if (deposit == null) {
                return;
            }
            account.deposit = null;
            if (deposit.items.isEmpty() && !deposit.hadBadItem) {
                if (deposit.self != null) {
                    account.batch.line(deposit.self);
                }
                return;
            }
            BigDecimal items = deposit.items.stream().map(PaymentLine::amount).reduce(Cents.zero(), BigDecimal::add);
            if (!deposit.hadBadItem && items.compareTo(deposit.amount) != 0) {
                account.batch.problem(FileProblem.outOfBalance(deposit.lineNumber, "16 amount (type 115)",
                        "the lockbox deposit is " + deposit.amount.toPlainString() + ", its 116 items add up to "
                                + items.toPlainString()));
            }
            deposit.items.forEach(account.batch::line);
        }

        private void accountTrailer(Logical record) {
            int line = record.lineNumber();
            if (account == null) {
                problem(FileProblem.structure(line, "49", "an account trailer with no 03 account before it"));
                return;
            }
            closeAccount(record);
        }

        private void closeAccount(Logical trailer) {
            closeDeposit();
            FileBatch.Builder<PaymentLine> batch = account.batch;
            if (trailer != null) {
                int line = trailer.lineNumber();
                BigDecimal total = amount(batch::problem, line, "49 account control total", trailer.field(0), true);
                String records = trailer.field(1);
                if (!DIGITS.matcher(records).matches()) {
                    batch.problem(FileProblem.invalid(line, "49 number of records", "must be digits"));
                } else if (total != null) {
                    batch.declare(new ControlTotals(Long.parseLong(records), total), line, "49 number of records",
                            "49 account control total");
                }
            }
            FileBatch<PaymentLine> built = batch.build();
            file.batch(built);
            // the group trailer adds up the account trailers (the computed total when the trailer is missing)
            group.accountTotals = group.accountTotals.add(
                    built.declared() != null ? built.declared().amount() : built.computed().amount());
            account = null;
        }

        private void groupTrailer(Logical record) {
            int line = record.lineNumber();
            if (account != null) {
                closeAccount(null);
            }
            if (group == null) {
                file.problem(FileProblem.structure(line, "98", "a group trailer with no 02 group before it"));
                return;
            }
            BigDecimal total = amount(file::problem, line, "98 group control total", record.field(0), true);
            if (total != null && total.compareTo(group.accountTotals) != 0) {
                file.problem(FileProblem.outOfBalance(line, "98 group control total", "declares "
                        + total.toPlainString() + ", the account trailers add up to "
                        + group.accountTotals.toPlainString()));
            }
            check(line, "98 number of accounts", record.field(1), group.accounts, "accounts");
            check(line, "98 number of records", record.field(2), group.records, "records");
            groupTotals = groupTotals.add(total != null ? total : group.accountTotals);
            group = null;
        }

        private void fileTrailer(Logical record) {
            int line = record.lineNumber();
            if (account != null) {
                closeAccount(null);
            }
            if (group != null) {
                file.problem(FileProblem.structure(group.lineNumber, "98",
                        "group " + group.number + " has no 98 group trailer"));
                groupTotals = groupTotals.add(group.accountTotals);
                group = null;
            }
            trailerSeen = true;
            BigDecimal total = amount(file::problem, line, "99 file control total", record.field(0), true);
            check(line, "99 number of groups", record.field(1), groups, "groups");
            String records = record.field(2);
            if (!DIGITS.matcher(records).matches()) {
                file.problem(FileProblem.invalid(line, "99 number of records", "must be digits"));
            } else if (total != null) {
                file.declare(new ControlTotals(Long.parseLong(records), total), line, "99 number of records",
                        "99 file control total");
            }
        }

        private void check(int line, String field, String declared, long counted, String what) {
            if (!DIGITS.matcher(declared).matches()) {
                file.problem(FileProblem.invalid(line, field, "must be digits"));
            } else if (Long.parseLong(declared) != counted) {
                file.problem(FileProblem.outOfBalance(line, field, "declares " + declared + ", the file holds "
                        + counted + " " + what));
            }
        }

        private void problem(FileProblem problem) {
            if (account != null) {
                account.batch.problem(problem);
            } else {
                file.problem(problem);
            }
        }
    }

    /**
     * Skips the funds type at {@code index} and the fields it brings: none for 0, 1, 2, Z or empty; value date and
     * time for V; three availability amounts for S; a count then that many (days, amount) pairs for D. Returns the
     * index after them, or -1 when the funds type is unknown and the fields after it cannot be placed.
     */
    private static int skipFundsType(Consumer<FileProblem> problems, Logical record, int index, String code) {
        String fundsType = record.field(index);
        int line = record.lineNumber();
        switch (fundsType) {
            case "", "0", "1", "2", "Z" -> {
                return index + 1;
            }
            case "V" -> {
                date(problems, line, code + " value date", record.field(index + 1));
                return index + 3;
            }
            case "S" -> {
                for (int i = 1; i <= 3; i++) {
                    amount(problems, line, code + " availability amount", record.field(index + i), true);
                }
                return index + 4;
            }
            case "D" -> {
                String distributions = record.field(index + 1);
                if (!DIGITS.matcher(distributions).matches()) {
                    problems.accept(FileProblem.invalid(line, code + " number of distributions", "must be digits"));
                    return -1;
                }
                return index + 2 + 2 * Integer.parseInt(distributions);
            }
            default -> {
                problems.accept(FileProblem.invalid(line, code + " funds type", "unknown funds type '" + fundsType
                        + "' (0, 1, 2, V, S, D or Z)"));
                return -1;
            }
        }
    }

    private static boolean allEmpty(Logical record, int from) {
        return record.fields().subList(from, record.fields().size()).stream().allMatch(String::isBlank);
    }

    /** Whole cents, no decimal point; a sign only where the spec allows one (status amounts and totals). */
    private static BigDecimal amount(Consumer<FileProblem> problems, int line, String field, String raw,
            boolean signed) {
        if (raw.isEmpty()) {
            return Cents.zero();
        }
        if (!(signed ? SIGNED : UNSIGNED).matcher(raw).matches()) {
            problems.accept(FileProblem.invalid(line, field, "'" + raw + "' is not an amount in cents"
                    + (signed ? "" : " (digits only, no sign or decimal point)")));
            return null;
        }
        boolean negative = raw.startsWith("-");
        String digits = raw.startsWith("+") || negative ? raw.substring(1) : raw;
        BigDecimal amount = Cents.toAmount(digits);
        return negative ? amount.negate() : amount;
    }

    private static LocalDate date(Consumer<FileProblem> problems, int line, String field, String yymmdd) {
        if (Digits.exactly(yymmdd, 6)) {
            try {
                return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                        Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problems.accept(FileProblem.invalid(line, field, "'" + yymmdd + "' is not a date YYMMDD"));
        return null;
    }

    /** HHMM; 2400 and 9999 (end of day) and an absent time read as the start of the as-of day. */
    private static LocalTime time(String hhmm) {
        if (Digits.exactly(hhmm, 4)) {
            int hours = Integer.parseInt(hhmm.substring(0, 2));
            int minutes = Integer.parseInt(hhmm.substring(2, 4));
            if (hours < 24 && minutes < 60) {
                return LocalTime.of(hours, minutes);
            }
        }
        return LocalTime.MIDNIGHT;
    }

    /** A group in progress. */
    private static final class Group {
        final int number;
        final int lineNumber;
        long records;
        int accounts;
        Instant asOf;
        BigDecimal accountTotals = Cents.zero();

        Group(int number, int lineNumber) {
            this.number = number;
            this.lineNumber = lineNumber;
        }
    }

    /** An account in progress: its batch and the lockbox deposit whose items are being read. */
    private static final class Account {
        final FileBatch.Builder<PaymentLine> batch;
        Deposit deposit;

        Account(FileBatch.Builder<PaymentLine> batch) {
            this.batch = batch;
        }
    }

    /** A 115 lockbox deposit and the 116 items read after it. */
    private static final class Deposit {
        final int lineNumber;
        final BigDecimal amount;
        final PaymentLine self;
        final List<PaymentLine> items = new ArrayList<>();
        boolean hadBadItem;

        Deposit(int lineNumber, BigDecimal amount, PaymentLine self) {
            this.lineNumber = lineNumber;
            this.amount = amount;
            this.self = self;
        }
    }
}
