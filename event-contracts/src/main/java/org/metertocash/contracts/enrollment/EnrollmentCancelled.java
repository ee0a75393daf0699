package org.metertocash.contracts.enrollment;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** The enrollment was cancelled before its start date (by operations or the upstream system). The enrollment is CANCELLED. */
@EventType(value = EnrollmentCancelled.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentCancelled(
        UUID enrollmentId,
        String esiId,
        String reason,
        boolean marketNotified) implements DomainEvent {

    public static final String TYPE = "enrollment.cancelled.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
