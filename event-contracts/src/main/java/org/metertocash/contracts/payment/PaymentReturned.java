package org.metertocash.contracts.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A posted payment came back: a NACHA return of an ACH debit (R01 insufficient funds, R02 account closed, R03 no
 * account …), a dishonoured check or a card chargeback. Consumers undo what the payment did.
 */
@EventType(value = PaymentReturned.TYPE, topic = Topics.PAYMENT)
public record PaymentReturned(
        UUID returnId,
        UUID paymentId,
        String accountNumber,
        String esiId,
        BigDecimal amount,
        String reasonCode,
        String reasonDescription,
        Instant returnedAt) implements DomainEvent {

    public static final String TYPE = "payment.payment-returned.v1";

    /** Keyed like the payment it returns. */
    @Override
    public String subject() {
        return esiId != null && !esiId.isBlank() ? esiId : accountNumber;
    }
}
