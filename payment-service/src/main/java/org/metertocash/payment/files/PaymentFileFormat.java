package org.metertocash.payment.files;

import java.nio.charset.StandardCharsets;

/** The payment file formats payment-service reads; {@link #detect(byte[])} tells them apart by their first bytes. */
public enum PaymentFileFormat {

    /** Our lockbox / pay-agent CSV layout ({@code files.csv.CsvLayout}). */
    CSV,
    /** BAI2 cash-management balance report of lockbox deposits. */
    BAI2,
    /** NACHA ACH file (returns and notifications of change in, PPD debits out). */
    NACHA;

    /**
     * The format the content looks like: a BAI2 file starts with its {@code 01,} file header; a NACHA file with
     * its {@code 101} file header (record type 1, priority code 01); anything else is read as CSV, whose reader
     * reports what is wrong with it.
     */
    public static PaymentFileFormat detect(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 8), StandardCharsets.ISO_8859_1);
        if (start.startsWith("\uFEFF") || start.startsWith("\u00EF\u00BB\u00BF")) {
            return CSV;
        }
        if (start.startsWith("01,")) {
            return BAI2;
        }
        if (start.startsWith("101")) {
            return NACHA;
        }
        return CSV;
    }
}
