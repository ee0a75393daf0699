package org.metertocash.enrollment.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.enrollment.EnrollmentRejected;
import org.metertocash.contracts.enrollment.EnrollmentSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * The enrollment state machine. Each transition changes the row, records the transition and writes its event
 * to the outbox in one transaction. A market answer that does not fit the enrollment's state changes nothing
 * and lands in the work queue.
 */
@ApplicationScoped
public class EnrollmentLifecycle {

    private static final Logger LOG = Logger.getLogger(EnrollmentLifecycle.class);

    /** Work-queue types raised by the lifecycle. */
    public static final String REJECTED_BY_MARKET = "ENROLLMENT_REJECTED";
    public static final String UNMATCHED_MARKET_RESPONSE = "UNMATCHED_MARKET_RESPONSE";
    public static final String UNEXPECTED_MARKET_RESPONSE = "UNEXPECTED_MARKET_RESPONSE";

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /** Stores a validated request as SUBMITTED and announces it; refuses a second open enrollment for a premise. */
    @Transactional
    public Enrollment submit(Enrollment enrollment, String tdspDuns, Cause cause) {
        Optional<Enrollment> open = Enrollment.<Enrollment> find("esiId = ?1 and state in ?2", enrollment.esiId,
                EnrollmentState.OPEN).firstResultOptional();
        if (open.isPresent()) {
            throw ProblemException.conflict("enrollment-in-progress", "ESI ID " + enrollment.esiId
                    + " already has enrollment " + open.get().id + " in state " + open.get().state);
        }
        enrollment.id = UUID.randomUUID();
        enrollment.state = EnrollmentState.SUBMITTED;
        enrollment.createdAt = clock.instant();
        enrollment.updatedAt = enrollment.createdAt;
        enrollment.persist();
        record(enrollment, null, "submitted by " + enrollment.submittedBy, null);
        outbox.publish(new EnrollmentSubmitted(enrollment.id, enrollment.esiId, enrollment.tdsp, tdspDuns,
                enrollment.requestType, enrollment.requestedStartDate, enrollment.customer(),
                enrollment.serviceAddress(), enrollment.productCode, enrollment.billingType, null), cause);
        return enrollment;
    }

    /** The gateway wrote our 814 to the market. */
    @Transactional
    public void sent(MarketEnrollmentRequestSent event, ConsumedEvent envelope) {
        Enrollment enrollment = locked(event.enrollmentId(), event.esiId(), envelope);
        if (enrollment == null) {
            return;
        }
        if (enrollment.state != EnrollmentState.SUBMITTED) {
            // The market may answer before the "sent" notice is processed; the answer wins, keep the reference.
            if (enrollment.marketReference == null) {
                enrollment.marketReference = event.bgnReference();
            }
            return;
        }
        enrollment.marketReference = event.bgnReference();
        move(enrollment, EnrollmentState.SENT, event.transactionSet() + " " + event.bgnReference() + " sent",
                envelope);
        outbox.publish(new EnrollmentSent(enrollment.id, enrollment.esiId, event.transactionSet(),
                event.bgnReference()), Cause.of(envelope));
    }

    /** 814 accept (ASI*WQ) with the scheduled start date. */
    @Transactional
    public void accepted(MarketEnrollmentAccepted event, ConsumedEvent envelope) {
        Enrollment enrollment = locked(event.enrollmentId(), event.esiId(), envelope);
        if (enrollment == null) {
            return;
        }
        if (enrollment.state == EnrollmentState.ACCEPTED && event.scheduledStartDate() != null
                && event.scheduledStartDate().equals(enrollment.scheduledStartDate)) {
            return; // the same acceptance again (a resent file): nothing changes
        }
        if (!enrollment.state.awaitsMarketResponse()) {
            unexpected(enrollment, "accept", envelope);
            return;
        }
        enrollment.scheduledStartDate = event.scheduledStartDate();
        move(enrollment, EnrollmentState.ACCEPTED, "accepted by the market, start " + event.scheduledStartDate(),
                envelope);
        outbox.publish(new EnrollmentAccepted(enrollment.id, enrollment.esiId, enrollment.tdsp,
                enrollment.requestType, enrollment.scheduledStartDate, enrollment.customer(),
                enrollment.serviceAddress(), enrollment.productCode, enrollment.billingType), Cause.of(envelope));
    }

    /** 814 reject (ASI*U) with its REF*7G reason: the enrollment goes to the analysts' reject queue. */
    @Transactional
    public void rejected(MarketEnrollmentRejected event, ConsumedEvent envelope) {
        Enrollment enrollment = locked(event.enrollmentId(), event.esiId(), envelope);
        if (enrollment == null) {
            return;
        }
        if (enrollment.state == EnrollmentState.REJECTED) {
            return;
        }
        if (!enrollment.state.awaitsMarketResponse()) {
            unexpected(enrollment, "reject", envelope);
            return;
        }
        enrollment.rejectReasonCode = event.reasonCode();
        enrollment.rejectReasonText = event.reasonText();
        move(enrollment, EnrollmentState.REJECTED, "rejected by the market: " + event.reasonCode()
                + (event.reasonText() == null ? "" : " " + event.reasonText()), envelope);
        outbox.publish(new EnrollmentRejected(enrollment.id, enrollment.esiId, event.reasonCode(),
                event.reasonText()), Cause.of(envelope));
        workQueue.raise(REJECTED_BY_MARKET, enrollment.esiId, enrollment.id.toString(),
                "Enrollment " + enrollment.id + " rejected by the market: " + event.reasonCode()
                        + (event.reasonText() == null ? "" : " (" + event.reasonText() + ")"),
                Map.of("enrollmentId", enrollment.id.toString(), "reasonCode", String.valueOf(event.reasonCode())));
    }

    public List<EnrollmentTransition> history(UUID enrollmentId) {
        return EnrollmentTransition.list("enrollmentId = ?1 order by id", enrollmentId);
    }

    private Enrollment locked(UUID enrollmentId, String esiId, ConsumedEvent envelope) {
        Enrollment enrollment = enrollmentId == null ? null
                : Enrollment.findById(enrollmentId, LockModeType.PESSIMISTIC_WRITE);
        if (enrollment == null) {
            LOG.warnf("%s for unknown enrollment %s (ESI ID %s)", envelope.type(), enrollmentId, esiId);
            workQueue.raise(UNMATCHED_MARKET_RESPONSE, esiId, envelope.id().toString(),
                    "Market response " + envelope.type() + " matches no enrollment (" + enrollmentId + ")",
                    Map.of("eventId", envelope.id().toString(), "enrollmentId", String.valueOf(enrollmentId)));
        }
        return enrollment;
    }

    private void unexpected(Enrollment enrollment, String what, ConsumedEvent envelope) {
        workQueue.raise(UNEXPECTED_MARKET_RESPONSE, enrollment.esiId, envelope.id().toString(),
                "Market " + what + " for enrollment " + enrollment.id + " in state " + enrollment.state,
                Map.of("enrollmentId", enrollment.id.toString(), "state", enrollment.state.name(),
                        "eventType", envelope.type()));
    }

    private void move(Enrollment enrollment, EnrollmentState to, String reason, ConsumedEvent envelope) {
        EnrollmentState from = enrollment.state;
        enrollment.state = to;
        enrollment.updatedAt = clock.instant();
        record(enrollment, from, reason, envelope == null ? null : envelope.id());
    }

    private void record(Enrollment enrollment, EnrollmentState from, String reason, UUID causeEventId) {
        EnrollmentTransition transition = new EnrollmentTransition();
        transition.enrollmentId = enrollment.id;
        transition.fromState = from;
        transition.toState = enrollment.state;
        transition.reason = reason;
        transition.causeEventId = causeEventId;
        transition.at = clock.instant();
        transition.persist();
    }
}
