package org.metertocash.enrollment.operations;

import java.time.LocalDate;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.enrollment.intake.EnrollmentRequest;
import org.metertocash.enrollment.tpv.TpvRecord;

/**
 * A correction of a rejected enrollment: what was corrected (required, as entered) and the corrected fields.
 * A field left out keeps the rejected enrollment's value; {@code customer} and {@code serviceAddress} are replaced
 * whole when given.
 */
public record ResubmitRequest(
        String corrections,
        EnrollmentRequest.Customer customer,
        EnrollmentRequest.ServiceAddress serviceAddress,
        String esiId,
        String productCode,
        BillingType billingType,
        RequestType requestType,
        LocalDate requestedStartDate,
        TpvRecord tpv) {
}
