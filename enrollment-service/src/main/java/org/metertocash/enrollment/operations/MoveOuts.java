package org.metertocash.enrollment.operations;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.enrollment.MoveOutRequested;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.TransitionTable;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.premise.MarketDates;
import org.metertocash.enrollment.premise.TdspDirectory;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;

/**
 * Asks the market to end our service at a premise (the gateway sends an 814_24). The enrollment stays ACTIVE
 * until the 814_25 accept (MOVED_OUT); an 814_25 reject clears the pending move-out and raises a work item. One
 * move-out at a time.
 */
@ApplicationScoped
public class MoveOuts {

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    MarketDates dates;

    @Inject
    TdspDirectory tdsps;

    @Inject
    Outbox outbox;

    @Transactional
    public Enrollment request(UUID id, LocalDate moveOutDate, String actor, String correlationHeader) {
        if (moveOutDate == null) {
            throw ProblemException.invalid("moveOutDate", "is required");
        }
        Enrollment enrollment = Enrollments.locked(id);
        if (!TransitionTable.allows(enrollment.state, Trigger.MOVE_OUT_REQUESTED)) {
            throw ProblemException.conflict("move-out-not-allowed", "Enrollment " + id + " is " + enrollment.state
                    + ": only an ACTIVE enrollment can move out");
        }
        if (enrollment.moveOutDate != null) {
            throw ProblemException.conflict("move-out-pending", "Enrollment " + id + " already has a move-out for "
                    + enrollment.moveOutDate + " waiting for the market's answer");
        }
        // The market's date window applies to a move-out date as to any requested date (domain primer, "Timing").
        dates.outsideWindow(moveOutDate).ifPresent(reason -> {
            throw ProblemException.invalid("moveOutDate", reason);
        });
        if (enrollment.serviceStartDate != null && moveOutDate.isBefore(enrollment.serviceStartDate)) {
            throw ProblemException.invalid("moveOutDate",
                    "cannot be before the service start date " + enrollment.serviceStartDate);
        }
        String duns = tdsps.forEsiId(enrollment.esiId).map(TdspDirectory.Tdsp::duns)
                .orElseThrow(() -> new IllegalStateException("no TDSP for stored ESI ID " + enrollment.esiId));
        enrollment.moveOutDate = moveOutDate;
        enrollment.moveOutReference = null;
        lifecycle.move(enrollment, Trigger.MOVE_OUT_REQUESTED, actor, "move-out requested for " + moveOutDate, null);
        outbox.publish(new MoveOutRequested(enrollment.id, enrollment.esiId, duns, moveOutDate),
                EnrollmentLifecycle.causeFor(enrollment, correlationHeader));
        return enrollment;
    }
}
