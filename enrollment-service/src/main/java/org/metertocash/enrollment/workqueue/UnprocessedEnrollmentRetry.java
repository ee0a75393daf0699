package org.metertocash.enrollment.workqueue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

/**
 * Retry of an UNPROCESSED_ENROLLMENT item: an enrollment still SUBMITTED is announced again (the gateway sends one
 * 814 per enrollment whatever the number of announcements). A SENT one waits on the market and cannot be retried
 * from here: resolve the item once the market has been asked.
 */
@ApplicationScoped
public class UnprocessedEnrollmentRetry implements WorkItemRetry {

    @Inject
    EnrollmentLifecycle lifecycle;

    @Override
    public String type() {
        return WorkTypes.UNPROCESSED_ENROLLMENT;
    }

    @Override
    @Transactional
    public RetryOutcome retry(WorkItem item, String actor) {
        Enrollment enrollment = Enrollment.findById(UUID.fromString(item.reference), LockModeType.PESSIMISTIC_WRITE);
        if (enrollment == null) {
            return new RetryOutcome(false, "no enrollment " + item.reference);
        }
        if (enrollment.state != EnrollmentState.SUBMITTED) {
            return new RetryOutcome(false, "enrollment is " + enrollment.state
                    + ": only a SUBMITTED enrollment is announced again; follow up with the market and resolve");
        }
        lifecycle.announce(enrollment, EnrollmentLifecycle.causeFor(enrollment, null));
        return new RetryOutcome(true, "EnrollmentSubmitted published again by " + actor);
    }
}
