package org.metertocash.payment.files.nacha;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.metertocash.payment.files.Cents;

/**
 * Writes the day's auto-draft debits as a NACHA PPD origination file: a 1 file header; per batch a 5 header
 * (service class 225 debits only, or 200 with a balancing offset credit), 6 entries with trace numbers made of the
 * ODFI's eight digits and a sequence, an 8 batch control (entry count, entry hash, debit and credit totals); a 9
 * file control; records of nines to a multiple of ten records (blocking factor 10). Records are 94 characters, one a
 * line. Nothing about time is read here: the creation time and effective entry dates come from the caller.
 */
public final class PpdDebitFileWriter {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final BigDecimal MAX_ENTRY = new BigDecimal("99999999.99");
    private static final long MAX_SEQUENCE = 9_999_999L;

    /**
     * @param firstTraceSequence the sequence of the first entry's trace number; the next ones follow on. The
     *                           caller keeps the sequence so trace numbers never repeat across files.
     */
    public PpdFile write(PpdOrigination origination, long firstTraceSequence) {
        if (origination.batches().isEmpty()) {
            throw new IllegalArgumentException("a PPD file needs at least one batch");
        }
        List<String> records = new ArrayList<>();
        List<PpdFile.Trace> traces = new ArrayList<>();
        records.add(fileHeader(origination));
        long sequence = firstTraceSequence;
        long fileEntries = 0;
        long fileHash = 0;
        BigDecimal fileDebits = Cents.zero();
        BigDecimal fileCredits = Cents.zero();
        int batchNumber = 0;
        for (PpdOrigination.Batch batch : origination.batches()) {
            batchNumber++;
            if (batch.debits().isEmpty()) {
                throw new IllegalArgumentException("batch " + batchNumber + " has no debits");
            }
            boolean balanced = batch.offset() != null;
            String serviceClass = balanced ? "200" : "225";
            records.add(batchHeader(batch, serviceClass, batchNumber));
            long entries = 0;
            long hash = 0;
            BigDecimal debits = Cents.zero();
            for (PpdOrigination.Debit debit : batch.debits()) {
                BigDecimal amount = checkedAmount(debit.amount(), debit.reference());
                String trace = trace(batch, sequence++);
                records.add(entry(debit.accountType().debitCode(), debit.routingNumber().value(),
                        debit.accountNumber().reveal(), amount, debit.individualId(), debit.individualName(), trace));
                traces.add(new PpdFile.Trace(debit.reference(), batchNumber, trace));
                entries++;
                hash += Long.parseLong(debit.routingNumber().institutionId());
                debits = debits.add(amount);
            }
            BigDecimal credits = Cents.zero();
            if (balanced) {
                PpdOrigination.Offset offset = batch.offset();
                String trace = trace(batch, sequence++);
                records.add(entry(offset.accountType().creditCode(), offset.routingNumber().value(),
                        offset.accountNumber().reveal(), checkedAmount(debits, "offset"), "OFFSET", offset.name(),
                        trace));
                entries++;
                hash += Long.parseLong(offset.routingNumber().institutionId());
                credits = debits;
            }
            records.add(batchControl(batch, serviceClass, batchNumber, entries, hash, debits, credits));
            fileEntries += entries;
            fileHash += hash;
            fileDebits = fileDebits.add(debits);
            fileCredits = fileCredits.add(credits);
        }
        int recordsWithControl = records.size() + 1;
        int blocks = (recordsWithControl + 9) / 10;
        records.add("9" + number(batchNumber, 6) + number(blocks, 6) + number(fileEntries, 8)
                + number(fileHash % 10_000_000_000L, 10) + amount(fileDebits, 12) + amount(fileCredits, 12)
                + " ".repeat(39));
        while (records.size() % 10 != 0) {
            records.add(NachaRecord.FILLER);
        }
        StringBuilder content = new StringBuilder(records.size() * (NachaRecord.LENGTH + 1));
        for (String record : records) {
            if (record.length() != NachaRecord.LENGTH) {
                throw new IllegalStateException("a record of " + record.length() + " characters: " + record.charAt(0));
            }
            content.append(record).append('\n');
        }
        return new PpdFile(content.toString(), traces);
    }

    private static String fileHeader(PpdOrigination o) {
        String origin = o.immediateOrigin() == null ? "" : o.immediateOrigin().strip();
        if (origin.isEmpty() || origin.length() > 10) {
            throw new IllegalArgumentException("immediate origin must be 1 to 10 characters");
        }
        char modifier = Character.toUpperCase(o.fileIdModifier());
        if (!(modifier >= 'A' && modifier <= 'Z') && !(modifier >= '0' && modifier <= '9')) {
            throw new IllegalArgumentException("file id modifier must be A-Z or 0-9");
        }
        return "1" + "01" + " " + o.immediateDestination().value() + right(origin, 10)
                + o.createdAt().format(YYMMDD) + o.createdAt().format(HHMM) + modifier + "094" + "10" + "1"
                + alpha(o.immediateDestinationName(), 23) + alpha(o.immediateOriginName(), 23)
                + alpha(o.referenceCode(), 8);
    }

    private static String batchHeader(PpdOrigination.Batch b, String serviceClass, int batchNumber) {
        if (b.companyId() == null || b.companyId().isBlank() || b.companyId().strip().length() > 10) {
            throw new IllegalArgumentException("company identification must be 1 to 10 characters");
        }
        if (b.companyName() == null || b.companyName().isBlank()) {
            throw new IllegalArgumentException("company name is required");
        }
        return "5" + serviceClass + alpha(b.companyName(), 16) + alpha("", 20) + alpha(b.companyId(), 10) + "PPD"
                + alpha(b.companyEntryDescription(), 10) + " ".repeat(6) + b.effectiveEntryDate().format(YYMMDD)
                + "   " + "1" + b.originatingDfi().institutionId() + number(batchNumber, 7);
    }

    private static String entry(String transactionCode, String routing, String account, BigDecimal amount,
            String individualId, String individualName, String trace) {
        return "6" + transactionCode + routing + alpha(account, 17) + amount(amount, 10) + alpha(individualId, 15)
                + alpha(individualName, 22) + "  " + "0" + trace;
    }

    private static String batchControl(PpdOrigination.Batch b, String serviceClass, int batchNumber, long entries,
            long hash, BigDecimal debits, BigDecimal credits) {
        return "8" + serviceClass + number(entries, 6) + number(hash % 10_000_000_000L, 10) + amount(debits, 12)
                + amount(credits, 12) + alpha(b.companyId(), 10) + " ".repeat(19) + " ".repeat(6)
                + b.originatingDfi().institutionId() + number(batchNumber, 7);
    }

    private static String trace(PpdOrigination.Batch batch, long sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("trace sequence " + sequence + " is outside 0-" + MAX_SEQUENCE);
        }
        return batch.originatingDfi().institutionId() + number(sequence, 7);
    }

    private static BigDecimal checkedAmount(BigDecimal amount, String reference) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_ENTRY) > 0) {
            throw new IllegalArgumentException("debit " + reference + ": amount must be more than zero and at most "
                    + MAX_ENTRY.toPlainString());
        }
        try {
            return Cents.money(amount);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("debit " + reference + ": amount has a fraction of a cent", e);
        }
    }

    private static String amount(BigDecimal amount, int width) {
        return number(Cents.of(amount), width);
    }

    private static String number(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** Upper-case printable ASCII, left-justified, blank-filled, cut to the width. */
    private static String alpha(String value, int width) {
        String text = value == null ? "" : value.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(width);
        for (int i = 0; i < text.length() && out.length() < width; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E ? c : ' ');
        }
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String right(String value, int width) {
        return " ".repeat(width - value.length()) + value;
    }
}
