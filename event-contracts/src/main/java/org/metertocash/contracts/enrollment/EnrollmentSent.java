package org.metertocash.contracts.enrollment;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** The request reached the market (the gateway wrote the 814). */
@EventType(value = EnrollmentSent.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentSent(UUID enrollmentId, String esiId, String transactionSet, String marketReference)
        implements DomainEvent {

    public static final String TYPE = "enrollment.sent.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
