package org.metertocash.enrollment.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.premise.EsiIdRules;
import org.metertocash.enrollment.premise.MarketConfig;
import org.metertocash.enrollment.premise.MarketDates;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;

/**
 * Validates an enrollment request completely (every bad field is reported at once) and hands it to the
 * lifecycle.
 */
@ApplicationScoped
public class EnrollmentIntake {

    @Inject
    Validator validator;

    @Inject
    EsiIdRules esiIds;

    @Inject
    MarketConfig market;

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    MarketDates dates;

    @Inject
    Clock clock;

    /** Validates, applies the market rules and stores the enrollment (announced unless it waits for a TPV). */
    public Enrollment submit(EnrollmentRequest request, String submittedBy, Cause cause) {
        return lifecycle.submit(prepare(request, submittedBy), request.tpv(), cause);
    }

    /**
     * Validates a request completely (400 with every bad field) and builds the enrollment it describes, not yet
     * stored. The premise rules that depend on stored data (one open enrollment per ESI ID, switch holds) are
     * applied when it is stored.
     */
    public Enrollment prepare(EnrollmentRequest request, String submittedBy) {
        if (request == null) {
            throw ProblemException.invalid("body", "an enrollment request is required");
        }
        Set<FieldError> errors = new LinkedHashSet<>();
        for (ConstraintViolation<EnrollmentRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (request.customer() != null && isBlank(request.customer().email()) && isBlank(request.customer().phone())) {
            errors.add(new FieldError("customer", "needs an email or a phone number"));
        }
        if (request.serviceAddress() != null && request.serviceAddress().state() != null
                && !market.serviceStates().contains(request.serviceAddress().state())) {
            errors.add(new FieldError("serviceAddress.state", "must be one of " + market.serviceStates()));
        }
        EsiIdRules.Verdict verdict = esiIds.check(request.esiId());
        if (verdict instanceof EsiIdRules.Invalid invalid) {
            errors.add(new FieldError("esiId", invalid.reason()));
        }
        if (request.requestedStartDate() != null) {
            // ERCOT rejects requested dates more than 90 days ahead or 270 days back (domain primer, "Timing"):
            // refused here with 400 naming the field rather than sent to be rejected days later.
            dates.outsideWindow(request.requestedStartDate())
                    .ifPresent(reason -> errors.add(new FieldError("requestedStartDate", reason)));
        }
        if (request.tpv() != null && request.tpv().verifiedOn() != null
                && request.tpv().verifiedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("tpv.verifiedOn", "cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            List<FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason));
            throw ProblemException.invalid(sorted);
        }
        var tdsp = ((EsiIdRules.Valid) verdict).tdsp();
        Enrollment enrollment = new Enrollment();
        enrollment.esiId = request.esiId();
        enrollment.tdsp = tdsp.code();
        enrollment.requestType = request.requestType();
        enrollment.requestedStartDate = request.requestedStartDate();
        enrollment.customerName = request.customer().name().trim();
        enrollment.customerEmail = blankToNull(request.customer().email());
        enrollment.customerPhone = blankToNull(request.customer().phone());
        enrollment.addressLine1 = request.serviceAddress().line1().trim();
        enrollment.addressLine2 = blankToNull(request.serviceAddress().line2());
        enrollment.city = request.serviceAddress().city().trim();
        enrollment.stateCode = request.serviceAddress().state();
        enrollment.zip = request.serviceAddress().zip();
        enrollment.county = request.serviceAddress().county().trim();
        enrollment.productCode = request.productCode();
        enrollment.billingType = request.billingType();
        enrollment.submittedBy = submittedBy;
        return enrollment;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
