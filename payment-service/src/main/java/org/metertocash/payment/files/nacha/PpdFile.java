package org.metertocash.payment.files.nacha;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A written PPD origination file: its text and, for each debit, the trace number it went out under — the number a
 * return or a notification of change will quote as the original entry trace number.
 */
public record PpdFile(String content, List<Trace> traces) {

    public PpdFile {
        traces = List.copyOf(traces);
    }

    /** One debit's reference (as the caller gave it), batch number and trace number. */
    public record Trace(String reference, int batchNumber, String traceNumber) {
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.US_ASCII);
    }
}
