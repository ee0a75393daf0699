package org.metertocash.contracts.enrollment;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** The move-out completed (814_25 accept). The enrollment is MOVED_OUT. */
@EventType(value = EnrollmentMovedOut.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentMovedOut(
        UUID enrollmentId,
        String esiId,
        LocalDate serviceEndDate) implements DomainEvent {

    public static final String TYPE = "enrollment.moved-out.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
