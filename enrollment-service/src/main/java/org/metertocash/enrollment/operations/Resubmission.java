package org.metertocash.enrollment.operations;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.enrollment.EnrollmentResubmitted;
import org.metertocash.enrollment.intake.EnrollmentIntake;
import org.metertocash.enrollment.intake.EnrollmentRequest;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.lifecycle.TransitionTable;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.tpv.Tpv;
import org.metertocash.enrollment.tpv.TpvRecord;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Corrects and resubmits a REJECTED enrollment: a new enrollment with the corrected fields goes through intake
 * again (every validation and market rule) and is SUBMITTED with {@code previousEnrollmentId} set; the rejected
 * one stays REJECTED, links to its replacement, and its reject-queue item is closed. EnrollmentResubmitted and
 * then EnrollmentSubmitted are published in the same transaction (EnrollmentSubmitted waits for the TPV if the
 * product needs one and neither the correction nor the rejected enrollment has it).
 */
@ApplicationScoped
public class Resubmission {

    @Inject
    EnrollmentIntake intake;

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Transactional
    public Enrollment resubmit(UUID rejectedId, ResubmitRequest request, String actor, String correlationHeader) {
        if (request == null || request.corrections() == null || request.corrections().isBlank()) {
            throw ProblemException.invalid("corrections", "must say what was corrected");
        }
        if (request.corrections().length() > 500) {
            throw ProblemException.invalid("corrections", "must be at most 500 characters");
        }
        Enrollment rejected = Enrollments.locked(rejectedId);
        if (!TransitionTable.allows(rejected.state, Trigger.RESUBMIT)) {
            throw ProblemException.conflict("not-rejected", "Enrollment " + rejectedId + " is " + rejected.state
                    + ": only a REJECTED enrollment can be corrected and resubmitted");
        }
        if (rejected.replacedByEnrollmentId != null) {
            throw ProblemException.conflict("already-resubmitted", "Enrollment " + rejectedId
                    + " was already resubmitted as " + rejected.replacedByEnrollmentId);
        }
        Enrollment corrected = intake.prepare(merge(rejected, request), actor);
        corrected.previousEnrollmentId = rejected.id;
        corrected.corrections = request.corrections().trim();
        Cause cause = EnrollmentLifecycle.causeFor(rejected, correlationHeader);
        lifecycle.store(corrected, request.tpv() != null ? request.tpv() : tpvOf(rejected), cause);

        rejected.replacedByEnrollmentId = corrected.id;
        lifecycle.move(rejected, Trigger.RESUBMIT, actor,
                "corrected and resubmitted as " + corrected.id + ": " + corrected.corrections, null);
        outbox.publish(new EnrollmentResubmitted(corrected.id, rejected.id, corrected.esiId, corrected.corrections),
                cause);
        if (corrected.state == EnrollmentState.SUBMITTED) {
            lifecycle.announce(corrected, cause);
        }
        workQueue.closeByReference(WorkTypes.ENROLLMENT_REJECTED, rejected.id.toString(), actor,
                "corrected and resubmitted as " + corrected.id);
        return corrected;
    }

    private static EnrollmentRequest merge(Enrollment rejected, ResubmitRequest correction) {
        return new EnrollmentRequest(
                correction.customer() != null ? correction.customer()
                        : new EnrollmentRequest.Customer(rejected.customerName, rejected.customerEmail,
                                rejected.customerPhone),
                correction.serviceAddress() != null ? correction.serviceAddress()
                        : new EnrollmentRequest.ServiceAddress(rejected.addressLine1, rejected.addressLine2,
                                rejected.city, rejected.stateCode, rejected.zip, rejected.county),
                correction.esiId() != null ? correction.esiId() : rejected.esiId,
                correction.productCode() != null ? correction.productCode() : rejected.productCode,
                correction.billingType() != null ? correction.billingType() : rejected.billingType,
                correction.requestType() != null ? correction.requestType() : rejected.requestType,
                correction.requestedStartDate() != null ? correction.requestedStartDate()
                        : rejected.requestedStartDate,
                correction.tpv());
    }

    /** The customer's verified consent carries over to the corrected request. */
    private static TpvRecord tpvOf(Enrollment rejected) {
        Tpv tpv = Tpv.findById(rejected.id);
        return tpv == null ? null
                : new TpvRecord(tpv.vendor, tpv.confirmationId, tpv.verifiedOn, tpv.recordingReference);
    }
}
