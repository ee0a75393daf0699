package org.metertocash.testkit.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One entry detail ({@code 6}) record of a NACHA file, read at its fixed positions: transaction code 2–3, receiving
 * DFI routing number 4–12 (8 digits and the check digit), DFI account 13–29, amount in cents 30–39, individual id
 * (our billing account number) 40–54, name 55–76, addenda indicator 79, trace number 80–94.
 */
public record NachaEntry(String transactionCode, String routingNumber, String dfiAccount, BigDecimal amount,
        String individualId, String name, String traceNumber) {

    /** The entry of a 94-character {@code 6} record. */
    public static NachaEntry of(String record) {
        if (record.length() != 94 || record.charAt(0) != '6') {
            throw new IllegalArgumentException("not an entry detail record: " + record);
        }
        return new NachaEntry(record.substring(1, 3), record.substring(3, 12), record.substring(12, 29).trim(),
                new BigDecimal(record.substring(29, 39)).movePointLeft(2), record.substring(39, 54).trim(),
                record.substring(54, 76).trim(), record.substring(79, 94));
    }

    /** The records of a NACHA file, one 94-character record a line. */
    public static List<String> records(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII).lines().toList();
    }

    /** The entries of a NACHA file, in file order. */
    public static List<NachaEntry> entries(byte[] file) {
        return records(file).stream().filter(r -> r.startsWith("6")).map(NachaEntry::of).toList();
    }
}
