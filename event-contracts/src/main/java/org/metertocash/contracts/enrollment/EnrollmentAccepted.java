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

/** The market accepted the enrollment; billing opens the account from this event alone. */
@EventType(value = EnrollmentAccepted.TYPE, topic = Topics.ENROLLMENT)
public record EnrollmentAccepted(
        UUID enrollmentId,
        String esiId,
        String tdsp,
        RequestType requestType,
        LocalDate scheduledStartDate,
        Customer customer,
        ServiceAddress serviceAddress,
        String productCode,
        BillingType billingType) implements DomainEvent {

    public static final String TYPE = "enrollment.accepted.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
