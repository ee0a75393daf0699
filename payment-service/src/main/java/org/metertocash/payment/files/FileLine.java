package org.metertocash.payment.files;

import java.math.BigDecimal;

/** One line a batch carries to the caller: where it is, how to apply it once, and its amount (two decimals). */
public interface FileLine {

    /** The physical line (or NACHA record) number, 1-based, where the line starts. */
    int lineNumber();

    /**
     * A key that is the same every time this line is read, and different for every other line: the file's
     * checksum and the line number, or for ACH the trace numbers the network assigned.
     */
    String idempotencyKey();

    BigDecimal amount();
}
