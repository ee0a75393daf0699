package org.metertocash.contracts.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * payment-service took money for an account (a single payment, a line of a payment file, an auto-draft, or
 * unapplied cash applied by an analyst). Announced once per payment; the payment id is the key consumers apply it
 * by, so a payment announced again is applied once.
 */
@EventType(value = PaymentPosted.TYPE, topic = Topics.PAYMENT)
public record PaymentPosted(
        UUID paymentId,
        String accountNumber,
        String esiId,
        BigDecimal amount,
        String channel,
        String externalReference,
        Instant receivedAt,
        Instant postedAt) implements DomainEvent {

    public static final String TYPE = "payment.payment-posted.v1";

    /** Keyed by the premise; by the account number when the payer gave no ESI ID. */
    @Override
    public String subject() {
        return esiId != null && !esiId.isBlank() ? esiId : accountNumber;
    }
}
