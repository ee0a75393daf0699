package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_25 accepting our move-out: service ends on the date given. */
@EventType(value = MoveOutCompleted.TYPE, topic = Topics.EDI)
public record MoveOutCompleted(
        UUID enrollmentId,
        String esiId,
        LocalDate serviceEndDate,
        String bgnReference,
        String originalReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.move-out-completed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
