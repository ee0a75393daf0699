package org.metertocash.contracts.enrollment;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;

/** An enrollment passed validation and is SUBMITTED; {@code previousEnrollmentId} is set on a corrected resubmission. */
@EventType(value = EnrollmentSubmitted.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentSubmitted(
        UUID enrollmentId,
        String esiId,
        String tdsp,
        String tdspDuns,
        RequestType requestType,
        LocalDate requestedStartDate,
        Customer customer,
        ServiceAddress serviceAddress,
        String productCode,
        BillingType billingType,
        UUID previousEnrollmentId) implements DomainEvent {

    public static final String TYPE = "enrollment.submitted.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
