package org.metertocash.payment.files;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment a file brings in (a CSV row, a BAI2 lockbox item): whom it is for — our billing account number,
 * else the premise's ESI ID; either may be missing or match nothing, and then the money is unapplied cash — how
 * much, through which channel, under which outside reference, and when it was received.
 *
 * @param idempotencyKey    {@code <file sha-256>:<line>}: reading the same file again gives the same keys
 * @param accountNumber     as the payer wrote it (BAI2: the customer reference); {@code null} when absent
 * @param esiId             {@code null} when absent
 * @param amount            more than zero, two decimals
 * @param channel           CARD, ACH, CHECK, CASH or PAY_AGENT
 * @param externalReference the bank's or agent's reference (receipt number, item sequence)
 * @param note              free text the file carried with the payment (BAI2 16 text), or {@code null}
 */
public record PaymentLine(
        int lineNumber,
        String idempotencyKey,
        String accountNumber,
        String esiId,
        BigDecimal amount,
        String channel,
        String externalReference,
        Instant receivedAt,
        String note) implements FileLine {

    /** The channels a payment arrives through. */
    public static final java.util.Set<String> CHANNELS = java.util.Set.of("CARD", "ACH", "CHECK", "CASH", "PAY_AGENT");

    public static String key(String checksum, int lineNumber) {
        return checksum + ":" + lineNumber;
    }
}
