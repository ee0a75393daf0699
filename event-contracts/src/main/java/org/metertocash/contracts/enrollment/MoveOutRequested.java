package org.metertocash.contracts.enrollment;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** The customer is moving out: operations asked for service to end on a date. */
@EventType(value = MoveOutRequested.TYPE, topic = Topics.ENROLLMENT)
public record MoveOutRequested(
        UUID enrollmentId,
        String esiId,
        String tdspDuns,
        LocalDate moveOutDate) implements DomainEvent {

    public static final String TYPE = "enrollment.move-out-requested.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
