package org.metertocash.contracts.enrollment;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** A rejected enrollment was corrected and sent again: a new enrollment (SUBMITTED) that references the rejected one. An `enrollment.submitted.v1` for the new enrollment follows in the same transaction. */
@EventType(value = EnrollmentResubmitted.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentResubmitted(
        UUID enrollmentId,
        UUID previousEnrollmentId,
        String esiId,
        String corrections) implements DomainEvent {

    public static final String TYPE = "enrollment.resubmitted.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
