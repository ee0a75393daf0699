package org.metertocash.contracts.enrollment;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

@EventType(value = EnrollmentRejected.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentRejected(UUID enrollmentId, String esiId, String reasonCode, String reasonText)
        implements DomainEvent {

    public static final String TYPE = "enrollment.rejected.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
