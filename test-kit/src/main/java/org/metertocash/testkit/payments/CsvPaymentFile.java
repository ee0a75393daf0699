package org.metertocash.testkit.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A payment file in our CSV layout (docs/payment-files.md): a header row naming the columns, each batch's PAYMENT
 * rows closed by its BATCH_CONTROL row, FILE_CONTROL last. Control rows add up what they close unless a test makes
 * one declare something else ({@link #close(String, int)}); {@link #raw(String)} adds a row as written, e.g. a
 * malformed one, and {@link #truncated()} leaves the file control out.
 */
public final class CsvPaymentFile {

    /** Every column of the layout, in the order this builder writes them. */
    public static final String HEADER = "record_type,batch_id,account_number,esi_id,amount,currency,channel,"
            + "external_reference,received_at,control_count";

    private final String lineEnd;
    private final StringBuilder text = new StringBuilder();
    private String batch;
    private BigDecimal batchAmount = BigDecimal.ZERO;
    private int batchCount;
    private BigDecimal fileAmount = BigDecimal.ZERO;
    private int fileCount;
    private int lines;

    /** A file with LF line ends. */
    public CsvPaymentFile() {
        this("\n");
    }

    private CsvPaymentFile(String lineEnd) {
        this.lineEnd = lineEnd;
        row(HEADER);
    }

    /** A file with CRLF line ends, as a partner's spreadsheet writes it. */
    public static CsvPaymentFile withCrlf() {
        return new CsvPaymentFile("\r\n");
    }

    /** Starts a batch; its rows follow until {@link #close()}. */
    public CsvPaymentFile batch(String batchId) {
        batch = batchId;
        batchAmount = BigDecimal.ZERO;
        batchCount = 0;
        return this;
    }

    /**
     * A PAYMENT row (currency USD) for our billing account number or the premise's ESI ID (either may be
     * {@code null}); its line number is {@link #lastLine()}. The reference is written as given: quote it when it
     * holds a comma.
     */
    public CsvPaymentFile payment(String accountNumber, String esiId, String amount, String channel, String reference,
            String receivedAt) {
        row(String.join(",", "PAYMENT", batch, nullToEmpty(accountNumber), nullToEmpty(esiId), amount, "USD", channel,
                reference, receivedAt, ""));
        batchAmount = batchAmount.add(new BigDecimal(amount));
        batchCount++;
        return this;
    }

    /** A PAYMENT row for an account number, the ESI ID column left empty. */
    public CsvPaymentFile payment(String accountNumber, String amount, String channel, String reference,
            String receivedAt) {
        return payment(accountNumber, null, amount, channel, reference, receivedAt);
    }

    /** Closes the batch with the count and sum of its payment rows. */
    public CsvPaymentFile close() {
        return close(batchAmount.setScale(2).toPlainString(), batchCount);
    }

    /** Closes the batch declaring these totals; the file control adds up what the batch controls declare. */
    public CsvPaymentFile close(String declaredAmount, int declaredCount) {
        row("BATCH_CONTROL," + batch + ",,," + declaredAmount + ",,,,," + declaredCount);
        fileAmount = fileAmount.add(new BigDecimal(declaredAmount));
        fileCount += declaredCount;
        return this;
    }

    /** A row as given, e.g. a malformed one; it counts in no control total. */
    public CsvPaymentFile raw(String row) {
        row(row);
        return this;
    }

    /** The line number (1-based, the header is line 1) of the last row written. */
    public int lastLine() {
        return lines;
    }

    /** The whole file, FILE_CONTROL last. */
    public String text() {
        return text + "FILE_CONTROL,,,," + fileAmount.setScale(2).toPlainString() + ",,,,," + fileCount + lineEnd;
    }

    /** The whole file as UTF-8. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Without its FILE_CONTROL row: a truncated file. */
    public String truncated() {
        return text.toString();
    }

    private void row(String row) {
        text.append(row).append(lineEnd);
        lines++;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
