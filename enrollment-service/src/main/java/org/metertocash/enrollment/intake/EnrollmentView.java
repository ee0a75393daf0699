package org.metertocash.enrollment.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentState;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An enrollment as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentView(
        UUID id,
        String esiId,
        String tdsp,
        EnrollmentState state,
        RequestType requestType,
        LocalDate requestedStartDate,
        LocalDate scheduledStartDate,
        Customer customer,
        ServiceAddress serviceAddress,
        String productCode,
        BillingType billingType,
        String marketReference,
        Rejection rejection,
        Instant createdAt,
        Instant updatedAt) {

    public record Rejection(String code, String text) {
    }

    public static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.id, e.esiId, e.tdsp, e.state, e.requestType, e.requestedStartDate,
                e.scheduledStartDate, e.customer(), e.serviceAddress(), e.productCode, e.billingType,
                e.marketReference,
                e.rejectReasonCode == null ? null : new Rejection(e.rejectReasonCode, e.rejectReasonText),
                e.createdAt, e.updatedAt);
    }
}
