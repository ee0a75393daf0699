package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** edi-gateway wrote our 814_24 move-out request. */
@EventType(value = MoveOutRequestSent.TYPE, topic = Topics.EDI)
public record MoveOutRequestSent(
        UUID enrollmentId,
        String esiId,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.move-out-request-sent.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
