package org.metertocash.testkit.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A NACHA return / notification-of-change file as our bank sends it back: a file header, one PPD batch of our company,
 * each entry the debit we sent coming back (transaction code 26, return of a checking debit) with its addenda — 99
 * return (reason, original trace, original RDFI) or 98 notification of change (change code, original trace,
 * corrected data) — then batch and file controls that add up (count, entry hash, total debits) and records of nines
 * to a block of ten. Each {@link #bytes()} gets its own file id modifier and reference code, so the same entries sent
 * again in another file are other bytes.
 */
public final class NachaReturnFile {

    /** Our company identification and originating DFI, as the PPD files payment-service writes by default carry them. */
    public static final String COMPANY_ID = "1742155501";
    public static final String ODFI = "07100001";

    private static final AtomicLong FILES = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final LocalDateTime created;
    private final List<String> records = new ArrayList<>();
    private long sequence = 1;
    private long hash;
    private long debitCents;
    private int count;

    /** A file created now, in the market's zone. */
    public NachaReturnFile() {
        this(LocalDateTime.now(ZoneId.of("America/Chicago")).truncatedTo(ChronoUnit.MINUTES));
    }

    /** A file created at this time; its batch's effective entry date is that day. */
    public NachaReturnFile(LocalDateTime created) {
        this.created = created;
    }

    /** Returns the debit we sent for this reason (R01 insufficient funds, …). */
    public NachaReturnFile returned(NachaEntry original, String reasonCode) {
        return returned(original.routingNumber(), original.dfiAccount(), original.amount(), original.individualId(),
                original.name(), reasonCode, original.traceNumber());
    }

    /** Returns a debit of this amount from this bank account for this reason, quoting its original trace number. */
    public NachaReturnFile returned(String routing, String account, BigDecimal amount, String individualId,
            String reasonCode, String originalTrace) {
        return returned(routing, account, amount, individualId, "DANA SMITH", reasonCode, originalTrace);
    }

    private NachaReturnFile returned(String routing, String account, BigDecimal amount, String individualId,
            String name, String reasonCode, String originalTrace) {
        String trace = nextTrace(routing);
        entry(routing, account, amount.movePointRight(2).longValueExact(), individualId, name, trace);
        records.add("799" + reasonCode + originalTrace + " ".repeat(6) + routing.substring(0, 8) + pad("", 44) + trace);
        return this;
    }

    /** A notification of change (C01 …) of a debit, the corrected data placed as the change code says (29 characters). */
    public NachaReturnFile changed(String routing, String account, String individualId, String changeCode,
            String originalTrace, String correctedData) {
        String trace = nextTrace(routing);
        entry(routing, account, 0, individualId, "DANA SMITH", trace);
        records.add("798" + changeCode + originalTrace + " ".repeat(6) + routing.substring(0, 8)
                + pad(correctedData, 29) + " ".repeat(15) + trace);
        return this;
    }

    private String nextTrace(String routing) {
        return routing.substring(0, 8) + String.format("%07d", sequence++);
    }

    private void entry(String routing, String account, long cents, String individualId, String name, String trace) {
        records.add("626" + routing + pad(account, 17) + String.format("%010d", cents) + pad(individualId, 15)
                + pad(name, 22) + "  1" + trace);
        hash += Long.parseLong(routing.substring(0, 8));
        debitCents += cents; // transaction code 26: its second digit 6 counts it with the debits
        count += 2;
    }

    /** The whole file, one record a line. */
    public byte[] bytes() {
        long file = FILES.incrementAndGet();
        List<String> all = new ArrayList<>();
        char modifier = (char) ('A' + file % 26);
        all.add("101 071000013 111000025" + created.format(YYMMDD) + created.format(HHMM) + modifier + "094101"
                + pad("METER TO CASH ENERGY", 23) + pad("BANK OF TEXAS", 23) + pad("R" + file % 10_000_000, 8));
        all.add("5225" + pad("METER TO CASH", 16) + pad("", 20) + COMPANY_ID + "PPD" + pad("ELEC BILL", 10)
                + " ".repeat(6) + created.toLocalDate().format(YYMMDD) + "   " + "1" + ODFI + "0000001");
        all.addAll(records);
        all.add("8225" + String.format("%06d", count) + String.format("%010d", hash % 10_000_000_000L)
                + String.format("%012d", debitCents) + String.format("%012d", 0) + COMPANY_ID + " ".repeat(25)
                + ODFI + "0000001");
        int blocks = (all.size() + 1 + 9) / 10;
        all.add("9" + "000001" + String.format("%06d", blocks) + String.format("%08d", count)
                + String.format("%010d", hash % 10_000_000_000L) + String.format("%012d", debitCents)
                + String.format("%012d", 0) + " ".repeat(39));
        while (all.size() % 10 != 0) {
            all.add("9".repeat(94));
        }
        StringBuilder text = new StringBuilder();
        for (String record : all) {
            if (record.length() != 94) {
                throw new IllegalStateException("record of " + record.length() + " characters: " + record);
            }
            text.append(record).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String pad(String value, int width) {
        String text = value.toUpperCase(Locale.ROOT);
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
