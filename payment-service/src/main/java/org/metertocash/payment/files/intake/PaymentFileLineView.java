package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a payment file and what became of it: a payment's status (POSTED, UNAPPLIED, and later
 * APPLIED_FROM_SUSPENSE, REFUNDED, RETURNED) with its id and the account it went to, or the line's own status (HELD,
 * FAILED, RECORDED, HANDED_OFF, DUPLICATE) with the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentFileLineView(int lineNumber, Integer batchSeq, String status, String accountNumber, String esiId,
        BigDecimal amount, String channel, String externalReference, Instant receivedAt, UUID paymentId,
        String appliedAccountNumber, String reason) {
}
