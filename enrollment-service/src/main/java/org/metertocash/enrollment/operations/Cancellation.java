package org.metertocash.enrollment.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.enrollment.EnrollmentCancelled;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.lifecycle.TransitionTable;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Cancels an enrollment before its start date: CANCELLED, and EnrollmentCancelled with {@code marketNotified}
 * true when the request had reached the market (SENT or ACCEPTED), so the gateway sends an 814_08. Refused (409)
 * when ACTIVE — service has started and ends by a move-out — and on or after the start date (the scheduled one
 * once accepted, else the one asked for), when the switch may already have happened. An enrollment still waiting
 * for its TPV never reached anyone and can be cancelled at any time.
 */
@ApplicationScoped
public class Cancellation {

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Transactional
    public Enrollment cancel(UUID id, String reason, String actor, String correlationHeader) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "must say why the enrollment is cancelled");
        }
        if (reason.length() > 300) {
            throw ProblemException.invalid("reason", "must be at most 300 characters");
        }
        Enrollment enrollment = Enrollments.locked(id);
        if (!TransitionTable.allows(enrollment.state, Trigger.CANCEL)) {
            throw ProblemException.conflict("cancel-not-allowed", "Enrollment " + id + " is " + enrollment.state
                    + (enrollment.state == EnrollmentState.ACTIVE
                            ? ": service has started; end it with a move-out"
                            : ": only an enrollment in " + TransitionTable.sources(Trigger.CANCEL) + " can be cancelled"));
        }
        LocalDate today = LocalDate.now(clock);
        if (enrollment.state != EnrollmentState.PENDING_TPV && !today.isBefore(enrollment.startDate())) {
            throw ProblemException.conflict("cancel-too-late", "Enrollment " + id + " starts on "
                    + enrollment.startDate() + " and today is " + today
                    + ": it can only be cancelled before its start date");
        }
        boolean marketNotified = enrollment.state == EnrollmentState.SENT
                || enrollment.state == EnrollmentState.ACCEPTED;
        enrollment.cancelReason = reason.trim();
        lifecycle.move(enrollment, Trigger.CANCEL, actor, "cancelled by " + actor + ": " + enrollment.cancelReason,
                null);
        outbox.publish(new EnrollmentCancelled(enrollment.id, enrollment.esiId, enrollment.cancelReason,
                marketNotified), EnrollmentLifecycle.causeFor(enrollment, correlationHeader));
        workQueue.closeByReference(WorkTypes.MISSING_TPV, enrollment.id.toString(), actor, "enrollment cancelled");
        return enrollment;
    }
}
