package org.metertocash.contracts.edi;

import java.time.Instant;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An outbound transaction of ours has not been acknowledged in time: no 997 within 24 hours, or no business response within the configured window. */
@EventType(value = AcknowledgementOverdue.TYPE, topic = Topics.EDI)
public record AcknowledgementOverdue(
        String esiId,
        UUID ediTransactionId,
        String transactionSet,
        String bgnReference,
        String kind,
        Instant sentAt,
        Instant dueBy) implements DomainEvent {

    public static final String TYPE = "edi.acknowledgement-overdue.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
