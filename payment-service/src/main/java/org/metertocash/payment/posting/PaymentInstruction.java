package org.metertocash.payment.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment to post, as its channel described it: what {@link PaymentPosting} takes from the API, a payment file's
 * line or an auto-draft. The idempotency key makes it once-only: the same key posts one payment, however often it is
 * given. Use the factories, which build the key from the source ({@code api:<caller>:<Idempotency-Key>},
 * {@code file:<file id>:<line>}, {@code autopay:<debit id>}).
 *
 * @param accountNumber the billing account the payer named, as given (may be null or match nothing)
 * @param esiId the premise the payer named, as given (may be null or match nothing)
 * @param instrument the masked card or bank account, if the channel gave one
 * @param submittedBy who handed the payment to us: the API caller, the file's uploader, {@code autopay}
 */
public record PaymentInstruction(
        String idempotencyKey,
        PaymentSource source,
        UUID fileId,
        Integer lineNumber,
        String accountNumber,
        String esiId,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        String externalReference,
        Instant receivedAt,
        Instrument instrument,
        String submittedBy) {

    public static final String USD = "USD";

    public PaymentInstruction {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(submittedBy, "submittedBy");
        if ((source == PaymentSource.FILE) != (fileId != null && lineNumber != null)) {
            throw new IllegalArgumentException("a file's payment, and only it, has a file id and a line number");
        }
        accountNumber = blankToNull(accountNumber);
        esiId = blankToNull(esiId);
        externalReference = blankToNull(externalReference);
        // PostgreSQL keeps microseconds: a repeat must compare equal to what was stored
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A single payment posted by API with the caller's Idempotency-Key. */
    public static PaymentInstruction api(String caller, String idempotencyKey, String accountNumber, String esiId,
            BigDecimal amount, String currency, PaymentChannel channel, String externalReference, Instant receivedAt,
            Instrument instrument) {
        return new PaymentInstruction("api:" + caller + ":" + idempotencyKey, PaymentSource.API, null, null,
                accountNumber, esiId, amount, currency, channel, externalReference, receivedAt, instrument, caller);
    }

    /** One line of a payment file (CSV, BAI2 lockbox): once per file and line. Always US dollars. */
    public static PaymentInstruction fileLine(UUID fileId, int lineNumber, String accountNumber, String esiId,
            BigDecimal amount, PaymentChannel channel, String externalReference, Instant receivedAt,
            String submittedBy) {
        return new PaymentInstruction("file:" + fileId + ":" + lineNumber, PaymentSource.FILE, fileId, lineNumber,
                accountNumber, esiId, amount, USD, channel, externalReference, receivedAt, null, submittedBy);
    }

    /** An auto-draft (ACH debit of an autopay mandate): once per debit. */
    public static PaymentInstruction autopay(UUID debitId, String accountNumber, String esiId, BigDecimal amount,
            String externalReference, Instant receivedAt, Instrument bankAccount) {
        return new PaymentInstruction("autopay:" + debitId, PaymentSource.AUTOPAY, null, null, accountNumber, esiId,
                amount, USD, PaymentChannel.ACH, externalReference, receivedAt, bankAccount, "autopay");
    }

    /** Whether a stored payment is what this instruction describes (a true repeat, not a reused key). */
    public boolean describes(Payment payment) {
        return Objects.equals(accountNumber, payment.accountNumber)
                && Objects.equals(esiId, payment.esiId)
                && amount != null && amount.compareTo(payment.amount) == 0
                && Objects.equals(currency, payment.currency)
                && channel == payment.channel
                && Objects.equals(externalReference, payment.externalReference)
                && Objects.equals(receivedAt, payment.receivedAt)
                && Objects.equals(instrument, payment.instrument());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
