package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 824 application advice: the receiver rejected the content of one of our transactions. */
@EventType(value = TransactionRejected.TYPE, topic = Topics.EDI)
public record TransactionRejected(
        String esiId,
        String rejectedSet,
        String rejectedReference,
        String reasonCode,
        String reasonText,
        UUID enrollmentId,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.transaction-rejected.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
