package org.metertocash.payment.returns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A NACHA return / notification-of-change file as our bank sends it back: one batch (our company, PPD), each entry the
 * debit we sent coming back (transaction code 26, the customer's bank) with its addenda — 99 return (reason, original
 * trace, original RDFI) or 98 NOC (change code, original trace, corrected data) — and controls that add up. Each file
 * gets its own creation time, so the same entries in another file are other bytes.
 */
public final class NachaReturnFile {

    private static final AtomicLong FILES = new AtomicLong(System.nanoTime() % 1_000_000);

    private final List<String> records = new ArrayList<>();
    private long sequence = 1;
    private long hash;
    private long debitCents;
    private int count;

    /** A return of a debit: R01 etc. */
    public NachaReturnFile returned(String routing, String account, BigDecimal amount, String individualId,
            String reasonCode, String originalTrace) {
        String trace = routing.substring(0, 8) + String.format("%07d", sequence++);
        long cents = amount.movePointRight(2).longValueExact();
        entry(routing, account, cents, individualId, trace);
        records.add("799" + reasonCode + originalTrace + " ".repeat(6) + routing.substring(0, 8)
                + pad("", 44) + trace);
        return this;
    }

    /** A notification of change: C01 etc., the corrected data placed as the code says (29 characters). */
    public NachaReturnFile changed(String routing, String account, String individualId, String changeCode,
            String originalTrace, String correctedData) {
        String trace = routing.substring(0, 8) + String.format("%07d", sequence++);
        entry(routing, account, 0, individualId, trace);
        records.add("798" + changeCode + originalTrace + " ".repeat(6) + routing.substring(0, 8)
                + pad(correctedData, 29) + " ".repeat(15) + trace);
        return this;
    }

    private void entry(String routing, String account, long cents, String individualId, String trace) {
        records.add("626" + routing + pad(account, 17) + String.format("%010d", cents) + pad(individualId, 15)
                + pad("DANA SMITH", 22) + "  1" + trace);
        hash += Long.parseLong(routing.substring(0, 8));
        debitCents += cents;
        count += 2;
    }

    public byte[] bytes() {
        long file = FILES.incrementAndGet();
        List<String> all = new ArrayList<>();
        all.add("101 071000013 111000025" + "2611240700" + "A094101" + pad("METER TO CASH ENERGY", 23)
                + pad("BANK OF TEXAS", 23) + pad("R" + file % 10_000_000, 8));
        all.add("5225" + pad("METER TO CASH", 16) + pad("", 20) + "1742155501" + "PPD" + pad("ELEC BILL", 10)
                + "      " + "261120" + "   " + "1" + "07100001" + "0000001");
        all.addAll(records);
        all.add("8225" + String.format("%06d", count) + String.format("%010d", hash % 10_000_000_000L)
                + String.format("%012d", debitCents) + String.format("%012d", 0) + "1742155501" + " ".repeat(25)
                + "07100001" + "0000001");
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
                throw new IllegalStateException("record of " + record.length() + ": " + record);
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
