package org.metertocash.enrollment.activation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.enrollment.EnrollmentActivated;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;

/**
 * ACCEPTED → ACTIVE: our service at the premise has started. Either the wires utility confirmed it (867_04,
 * {@code MARKET_COMPLETION}) or the business clock reached the scheduled start date ({@code START_DATE_REACHED}),
 * whichever comes first.
 */
@ApplicationScoped
public class Activation {

    public static final String MARKET_COMPLETION = "MARKET_COMPLETION";
    public static final String START_DATE_REACHED = "START_DATE_REACHED";

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Activates one enrollment the caller has locked and found ACCEPTED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activate(Enrollment enrollment, Trigger trigger, LocalDate serviceStartDate, String actor,
            UUID causeEventId, Cause cause) {
        String confirmedBy = trigger == Trigger.MARKET_COMPLETED ? MARKET_COMPLETION : START_DATE_REACHED;
        enrollment.serviceStartDate = serviceStartDate;
        enrollment.activationConfirmedBy = confirmedBy;
        lifecycle.move(enrollment, trigger, actor, trigger == Trigger.MARKET_COMPLETED
                ? "service start " + serviceStartDate + " confirmed by the market"
                : "scheduled start date " + serviceStartDate + " reached", causeEventId);
        outbox.publish(new EnrollmentActivated(enrollment.id, enrollment.esiId, serviceStartDate, confirmedBy),
                cause);
    }

    /**
     * Activates the accepted enrollments whose scheduled start date has come, in batches. Rows another replica is
     * activating are skipped ({@code SKIP LOCKED}), so the job is safe on every replica. Returns how many it
     * activated.
     */
    @Transactional
    public int activateDue(int batchSize) {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Enrollment> due = Enrollment.getEntityManager().createNativeQuery("""
                select * from enrollment where state = 'ACCEPTED' and scheduled_start_date <= ?1
                order by scheduled_start_date limit ?2 for update skip locked""", Enrollment.class)
                .setParameter(1, today).setParameter(2, batchSize).getResultList();
        for (Enrollment enrollment : due) {
            activate(enrollment, Trigger.START_DATE_REACHED, enrollment.scheduledStartDate, Trigger.SYSTEM, null,
                    EnrollmentLifecycle.causeFor(enrollment, null));
        }
        return due.size();
    }
}
