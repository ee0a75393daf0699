package org.metertocash.enrollment.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.scheduler.Scheduled;

/**
 * Enrollments stuck before the market's answer: SUBMITTED longer than {@code enrollment.unprocessed.submitted-max-age}
 * (the gateway has not sent the 814) or SENT longer than {@code enrollment.unprocessed.sent-max-age} (the market
 * has not answered). A scheduled check raises one UNPROCESSED_ENROLLMENT work item per enrollment and state; the
 * item closes by itself when the enrollment moves on. Ages are measured by the business clock, and the check runs
 * often so a moved clock takes effect promptly. Rows are claimed with {@code SKIP LOCKED}: safe on every replica.
 */
@ApplicationScoped
public class UnprocessedEnrollments {

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @ConfigProperty(name = "enrollment.unprocessed.submitted-max-age")
    Duration submittedMaxAge;

    @ConfigProperty(name = "enrollment.unprocessed.sent-max-age")
    Duration sentMaxAge;

    @Scheduled(identity = "enrollment-unprocessed-check", every = "${enrollment.unprocessed.check-every}",
            delayed = "${enrollment.unprocessed.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        check();
    }

    /** Raises the items for enrollments past their age that have none yet for their state; returns how many. */
    @Transactional
    public int check() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Enrollment> stuck = Enrollment.getEntityManager().createNativeQuery("""
                select * from enrollment
                where ((state = 'SUBMITTED' and state_changed_at <= ?1) or (state = 'SENT' and state_changed_at <= ?2))
                  and unprocessed_flagged_state is distinct from state
                order by state_changed_at limit 500 for update skip locked""", Enrollment.class)
                .setParameter(1, now.minus(submittedMaxAge)).setParameter(2, now.minus(sentMaxAge))
                .getResultList();
        for (Enrollment enrollment : stuck) {
            Duration age = Duration.between(enrollment.stateChangedAt, now);
            boolean notSent = enrollment.state == EnrollmentState.SUBMITTED;
            Duration limit = notSent ? submittedMaxAge : sentMaxAge;
            enrollment.unprocessedFlaggedState = enrollment.state.name();
            workQueue.raise(WorkTypes.UNPROCESSED_ENROLLMENT, enrollment.esiId, enrollment.id.toString(),
                    "Enrollment " + enrollment.id + " has been " + enrollment.state + " for "
                            + age.withNanos(0) + " (limit " + limit + ")"
                            + (notSent ? ": no 814 sent to the market"
                                    : ": no answer from the market to " + enrollment.marketReference),
                    EnrollmentLifecycle.details(enrollment, "since", enrollment.stateChangedAt, "maxAge", limit,
                            "marketReference", enrollment.marketReference));
        }
        return stuck.size();
    }
}
