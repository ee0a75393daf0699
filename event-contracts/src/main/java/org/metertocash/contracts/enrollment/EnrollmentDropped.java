package org.metertocash.contracts.enrollment;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** Service ended because another retailer took the premise (814_06 loss notice). The enrollment is DROPPED. */
@EventType(value = EnrollmentDropped.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentDropped(
        UUID enrollmentId,
        String esiId,
        LocalDate serviceEndDate,
        String reason) implements DomainEvent {

    public static final String TYPE = "enrollment.dropped.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
