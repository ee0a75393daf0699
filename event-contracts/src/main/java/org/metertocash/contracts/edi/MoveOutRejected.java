package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_25 rejecting our move-out (ASI*U with REF*7G). */
@EventType(value = MoveOutRejected.TYPE, topic = Topics.EDI)
public record MoveOutRejected(
        UUID enrollmentId,
        String esiId,
        String reasonCode,
        String reasonText,
        String originalReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.move-out-rejected.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
