package org.metertocash.payment.files.csv;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.PaymentLine;

/**
 * Reads a payment file in our {@link CsvLayout}: each batch's payment rows against its BATCH_CONTROL row, the
 * FILE_CONTROL row against the batch control rows. A row with a bad value is reported with its line and column and
 * left out of its batch's lines, which holds the batch; a bad header or a missing FILE_CONTROL holds the file.
 */
public final class CsvPaymentFileReader {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d+(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    // ESI ID: "10" + TDSP code + premise number, 17 digits (Oncor, AEP, TNMP) or 22 (CenterPoint) — domain primer.
    private static final Pattern ESI_ID = Pattern.compile("10\\d{15}|10\\d{20}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,30}");
    private static final int MAX_REFERENCE = 80;

    private final Clock clock;
    private final Duration futureTolerance;

    /**
     * @param clock           now, and the zone of received_at values without an offset
     * @param futureTolerance how far past now a received_at may lie (clocks of pay agents drift)
     */
    public CsvPaymentFileReader(Clock clock, Duration futureTolerance) {
        this.clock = clock;
        this.futureTolerance = futureTolerance;
    }

    public ParsedPaymentFile<PaymentLine> read(byte[] content) {
        String checksum = FileChecksum.sha256(content);
        ParsedPaymentFile.Builder<PaymentLine> file = new ParsedPaymentFile.Builder<>(PaymentFileFormat.CSV, checksum);
        file.whenControlMissing("the file has no FILE_CONTROL row: it is truncated");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return file.problem(FileProblem.structure(0, "file", "is not UTF-8 text"))
                    .whenControlMissing("no row was read").build();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        new Walk(file, CsvRows.split(text)).run();
        return file.build();
    }

    /** One pass over the rows of one file. */
    private final class Walk {

        private final ParsedPaymentFile.Builder<PaymentLine> file;
        private final List<CsvRows.Row> rows;
        private final Map<String, Integer> columns = new HashMap<>();
        private final Set<String> closedBatches = new HashSet<>();
        private final Instant latest = clock.instant().plus(futureTolerance);
        private FileBatch.Builder<PaymentLine> batch;
        private boolean fileControlSeen;

        Walk(ParsedPaymentFile.Builder<PaymentLine> file, List<CsvRows.Row> rows) {
            this.file = file;
            this.rows = rows;
        }

        void run() {
            if (rows.isEmpty()) {
                file.problem(FileProblem.structure(1, "header", "the file is empty"));
                return;
            }
            if (!header(rows.get(0))) {
                return;
            }
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                file.seen(row.lineNumber());
                if (row.error() != null) {
                    problem(FileProblem.structure(row.lineNumber(), "row", row.error()));
                    continue;
                }
                if (row.fields().size() != columns.size()) {
                    problem(FileProblem.structure(row.lineNumber(), "row", "has " + row.fields().size()
                            + " fields, the header names " + columns.size()));
                    continue;
                }
                if (fileControlSeen) {
                    file.problem(FileProblem.structure(row.lineNumber(), CsvLayout.RECORD_TYPE,
                            "a row after the FILE_CONTROL row"));
                    continue;
                }
                String type = value(row, CsvLayout.RECORD_TYPE).toUpperCase(Locale.ROOT);
                switch (type) {
                    case CsvLayout.PAYMENT -> payment(row);
                    case CsvLayout.BATCH_CONTROL -> batchControl(row);
                    case CsvLayout.FILE_CONTROL -> fileControl(row);
                    default -> problem(FileProblem.structure(row.lineNumber(), CsvLayout.RECORD_TYPE,
                            "unknown record type '" + value(row, CsvLayout.RECORD_TYPE)
                                    + "' (PAYMENT, BATCH_CONTROL or FILE_CONTROL)"));
                }
            }
            if (batch != null) {
                closeBatch();
            }
        }

        private boolean header(CsvRows.Row row) {
            if (row.error() != null) {
                file.problem(FileProblem.structure(row.lineNumber(), "header", row.error()));
                return false;
            }
            boolean good = true;
            for (int i = 0; i < row.fields().size(); i++) {
                String name = row.fields().get(i).toLowerCase(Locale.ROOT);
                if (!CsvLayout.COLUMNS.contains(name)) {
                    file.problem(FileProblem.structure(row.lineNumber(), "header", "unknown column '"
                            + row.fields().get(i) + "' (the layout has " + String.join(", ", CsvLayout.COLUMNS) + ")"));
                    good = false;
                } else if (columns.putIfAbsent(name, i) != null) {
                    file.problem(FileProblem.structure(row.lineNumber(), "header", "column '" + name + "' twice"));
                    good = false;
                }
            }
            for (String required : CsvLayout.COLUMNS) {
                if (CsvLayout.REQUIRED.contains(required) && !columns.containsKey(required)) {
                    file.problem(FileProblem.structure(row.lineNumber(), "header", "no column '" + required + "'"));
                    good = false;
                }
            }
            if (!columns.containsKey(CsvLayout.ACCOUNT_NUMBER) && !columns.containsKey(CsvLayout.ESI_ID)) {
                file.problem(FileProblem.structure(row.lineNumber(), "header",
                        "needs a column 'account_number' or 'esi_id'"));
                good = false;
            }
            if (!good) {
                // with the columns in doubt no row can be read with confidence: the whole file is held
                file.whenControlMissing("no row was read: the header is not the documented layout");
                rows.stream().skip(1).mapToInt(CsvRows.Row::lineNumber).forEach(file::seen);
            }
            return good;
        }

        private void payment(CsvRows.Row row) {
            int line = row.lineNumber();
            String batchId = value(row, CsvLayout.BATCH_ID);
            if (batchId.isEmpty()) {
                problem(FileProblem.invalid(line, CsvLayout.BATCH_ID, "is required"));
                return;
            }
            FileBatch.Builder<PaymentLine> target = batchFor(batchId, line);
            target.seen(line);
            int problemsBefore = target.problemCount();

            String accountNumber = blankToNull(value(row, CsvLayout.ACCOUNT_NUMBER));
            String esiId = blankToNull(value(row, CsvLayout.ESI_ID));
            if (accountNumber == null && esiId == null) {
                target.problem(FileProblem.invalid(line, CsvLayout.ACCOUNT_NUMBER,
                        "an account_number or an esi_id is required"));
            }
            if (accountNumber != null && !ACCOUNT.matcher(accountNumber).matches()) {
                target.problem(FileProblem.invalid(line, CsvLayout.ACCOUNT_NUMBER,
                        "must be up to 30 letters, digits or hyphens"));
            }
            if (esiId != null && !ESI_ID.matcher(esiId).matches()) {
                target.problem(FileProblem.invalid(line, CsvLayout.ESI_ID,
                        "must be 17 or 22 digits starting with 10"));
            }
            BigDecimal amount = amount(target::problem, line, value(row, CsvLayout.AMOUNT), true);
            String currency = value(row, CsvLayout.CURRENCY);
            if (!currency.isEmpty() && !CsvLayout.CURRENCY_USD.equalsIgnoreCase(currency)) {
                target.problem(FileProblem.invalid(line, CsvLayout.CURRENCY,
                        "unknown currency '" + currency + "' (only USD)"));
            }
            String channel = value(row, CsvLayout.CHANNEL).toUpperCase(Locale.ROOT);
            if (!PaymentLine.CHANNELS.contains(channel)) {
                target.problem(FileProblem.invalid(line, CsvLayout.CHANNEL, "unknown channel '"
                        + value(row, CsvLayout.CHANNEL) + "' (CARD, ACH, CHECK, CASH or PAY_AGENT)"));
            }
            String reference = value(row, CsvLayout.EXTERNAL_REFERENCE);
            if (reference.isEmpty()) {
                target.problem(FileProblem.invalid(line, CsvLayout.EXTERNAL_REFERENCE, "is required"));
            } else if (reference.length() > MAX_REFERENCE) {
                target.problem(FileProblem.invalid(line, CsvLayout.EXTERNAL_REFERENCE,
                        "is longer than " + MAX_REFERENCE + " characters"));
            }
            Instant receivedAt = receivedAt(target, line, value(row, CsvLayout.RECEIVED_AT));
            if (!value(row, CsvLayout.CONTROL_COUNT).isEmpty()) {
                target.problem(FileProblem.invalid(line, CsvLayout.CONTROL_COUNT,
                        "is for BATCH_CONTROL and FILE_CONTROL rows; a PAYMENT row leaves it empty"));
            }
            // the row counts in the batch's totals as written, good or bad: the control row speaks of the file's
            // rows, and a bad row is its own problem, not an imbalance
            target.count(1, amount != null ? amount : amountAsWritten(value(row, CsvLayout.AMOUNT)));
            if (target.problemCount() == problemsBefore) {
                target.line(new PaymentLine(line, PaymentLine.key(file.checksum(), line), accountNumber, esiId,
                        amount, channel, reference, receivedAt, null));
            }
        }

        private void batchControl(CsvRows.Row row) {
            int line = row.lineNumber();
            String batchId = value(row, CsvLayout.BATCH_ID);
            if (batchId.isEmpty()) {
                problem(FileProblem.invalid(line, CsvLayout.BATCH_ID, "is required"));
                return;
            }
            FileBatch.Builder<PaymentLine> target = batchFor(batchId, line);
            ControlTotals declared = controlTotals(target::problem, line, row);
            if (declared != null) {
                target.declare(declared, line, CsvLayout.CONTROL_COUNT, CsvLayout.AMOUNT);
            }
            target.seen(line);
            closeBatch();
        }

        private void fileControl(CsvRows.Row row) {
            int line = row.lineNumber();
            fileControlSeen = true;
            if (batch != null) {
                closeBatch();
            }
            ControlTotals declared = controlTotals(file::problem, line, row);
            if (declared != null) {
                file.declare(declared, line, CsvLayout.CONTROL_COUNT, CsvLayout.AMOUNT);
            }
        }

        private ControlTotals controlTotals(Consumer<FileProblem> problems, int line, CsvRows.Row row) {
            String count = value(row, CsvLayout.CONTROL_COUNT);
            BigDecimal amount = amount(problems, line, value(row, CsvLayout.AMOUNT), false);
            if (!COUNT.matcher(count).matches()) {
                problems.accept(FileProblem.invalid(line, CsvLayout.CONTROL_COUNT,
                        count.isEmpty() ? "is required" : "must be a whole number of rows"));
                return null;
            }
            return amount == null ? null : new ControlTotals(Long.parseLong(count), amount);
        }

        /** The open batch if it has this id; else the open one is closed (without control) and a new one begun. */
        private FileBatch.Builder<PaymentLine> batchFor(String batchId, int line) {
            if (batch != null && batch.id().equals(batchId)) {
                return batch;
            }
            if (batch != null) {
                closeBatch();
            }
            batch = new FileBatch.Builder<PaymentLine>(batchId, line)
                    .whenControlMissing("batch '" + batchId + "' has no BATCH_CONTROL row");
            if (!closedBatches.add(batchId)) {
                batch.problem(FileProblem.structure(line, CsvLayout.BATCH_ID, "batch '" + batchId
                        + "' appears again after it was closed: a batch's rows must come together"));
            }
            return batch;
        }

        private void closeBatch() {
            FileBatch<PaymentLine> built = batch.build();
            // the file control row declares the sum of the batch control rows (NACHA and BAI2 do the same)
            ControlTotals counted = built.declared() != null ? built.declared() : built.computed();
            file.count(counted.count(), counted.amount());
            file.batch(built);
            batch = null;
        }

        private BigDecimal amount(Consumer<FileProblem> problems, int line, String raw, boolean payment) {
            if (raw.isEmpty()) {
                problems.accept(FileProblem.invalid(line, CsvLayout.AMOUNT, "is required"));
                return null;
            }
            if (NEGATIVE.matcher(raw).matches()) {
                problems.accept(FileProblem.invalid(line, CsvLayout.AMOUNT, "must be more than zero, not " + raw));
                return null;
            }
            if (!AMOUNT.matcher(raw).matches()) {
                problems.accept(FileProblem.invalid(line, CsvLayout.AMOUNT,
                        "'" + raw + "' is not an amount like 125.40 (digits, at most two decimals, no symbols)"));
                return null;
            }
            BigDecimal amount = new BigDecimal(raw).setScale(2);
            if (payment && amount.signum() == 0) {
                problems.accept(FileProblem.invalid(line, CsvLayout.AMOUNT, "must be more than zero"));
                return null;
            }
            return amount;
        }

        private Instant receivedAt(FileBatch.Builder<PaymentLine> target, int line, String raw) {
            if (raw.isEmpty()) {
                target.problem(FileProblem.invalid(line, CsvLayout.RECEIVED_AT, "is required"));
                return null;
            }
            Instant instant = parseInstant(raw, clock.getZone());
            if (instant == null) {
                target.problem(FileProblem.invalid(line, CsvLayout.RECEIVED_AT, "'" + raw
                        + "' is not an ISO-8601 date-time (2026-11-23T09:14:05-06:00) or date (2026-11-23)"));
                return null;
            }
            if (instant.isAfter(latest)) {
                target.problem(FileProblem.invalid(line, CsvLayout.RECEIVED_AT, raw + " is in the future"));
                return null;
            }
            return instant;
        }

        private void problem(FileProblem problem) {
            if (batch != null) {
                batch.problem(problem);
            } else {
                file.problem(problem);
            }
        }

        private String value(CsvRows.Row row, String column) {
            Integer index = columns.get(column);
            return index == null ? "" : row.fields().get(index);
        }
    }

    static Instant parseInstant(String raw, ZoneId zone) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(raw).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(raw).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static BigDecimal amountAsWritten(String raw) {
        try {
            return new BigDecimal(raw.replace(" ", "")).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
