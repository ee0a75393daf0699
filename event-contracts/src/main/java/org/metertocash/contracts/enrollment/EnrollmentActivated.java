package org.metertocash.contracts.enrollment;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** Service has started: the market confirmed the start, or the scheduled start date was reached. The enrollment is ACTIVE. */
@EventType(value = EnrollmentActivated.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentActivated(
        UUID enrollmentId,
        String esiId,
        LocalDate serviceStartDate,
        String confirmedBy) implements DomainEvent {

    public static final String TYPE = "enrollment.activated.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
