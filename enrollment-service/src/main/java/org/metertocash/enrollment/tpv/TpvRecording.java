package org.metertocash.enrollment.tpv;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.TransitionTable;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Records the third-party verification of an enrollment. An enrollment that was waiting for it (PENDING_TPV)
 * becomes SUBMITTED and is announced (EnrollmentSubmitted), and its MISSING_TPV work item closes. One TPV per
 * enrollment.
 */
@ApplicationScoped
public class TpvRecording {

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    WorkQueue workQueue;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Transactional
    public Enrollment record(UUID enrollmentId, TpvRecord record, String actor, String correlationHeader) {
        validate(record);
        Enrollment enrollment = Enrollment.findById(enrollmentId, LockModeType.PESSIMISTIC_WRITE);
        if (enrollment == null) {
            throw ProblemException.notFound("No enrollment " + enrollmentId);
        }
        Tpv existing = Tpv.findById(enrollmentId);
        if (existing != null) {
            throw ProblemException.conflict("tpv-already-recorded", "Enrollment " + enrollmentId
                    + " already has TPV " + existing.confirmationId + " from " + existing.vendor);
        }
        lifecycle.saveTpv(enrollment, record, actor);
        if (TransitionTable.allows(enrollment.state, Trigger.TPV_RECORDED)) {
            lifecycle.move(enrollment, Trigger.TPV_RECORDED, actor, "TPV " + record.confirmationId() + " from "
                    + record.vendor() + " recorded", null);
            lifecycle.announce(enrollment, EnrollmentLifecycle.causeFor(enrollment, correlationHeader));
            workQueue.closeByReference(WorkTypes.MISSING_TPV, enrollment.id.toString(), actor, "TPV recorded");
        }
        return enrollment;
    }

    private void validate(TpvRecord record) {
        if (record == null) {
            throw ProblemException.invalid("body", "a TPV record is required");
        }
        List<FieldError> errors = new ArrayList<>();
        validator.validate(record).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(),
                v.getMessage())));
        if (record.verifiedOn() != null && record.verifiedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("verifiedOn", "cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(errors);
        }
    }
}
