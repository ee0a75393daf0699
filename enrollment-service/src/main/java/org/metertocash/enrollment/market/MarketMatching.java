package org.metertocash.enrollment.market;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * What every market event handler needs: the enrollment the event is about (locked for the change), the work
 * item when it matches none or arrives in a state where it makes no sense, and the record of the market
 * transaction on the enrollment.
 */
@ApplicationScoped
public class MarketMatching {

    private static final Logger LOG = Logger.getLogger(MarketMatching.class);

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /** The enrollment by id, locked; an unknown one is queued as UNMATCHED_MARKET_RESPONSE. */
    public Optional<Enrollment> byId(UUID enrollmentId, String esiId, ConsumedEvent envelope) {
        Enrollment enrollment = enrollmentId == null ? null
                : Enrollment.findById(enrollmentId, LockModeType.PESSIMISTIC_WRITE);
        if (enrollment == null) {
            unmatched(esiId, envelope, "matches no enrollment (" + enrollmentId + ")");
        }
        return Optional.ofNullable(enrollment);
    }

    /**
     * The enrollment an event about a premise (not naming an enrollment) belongs to: the open one, else the most
     * recent one. None is queued as UNMATCHED_MARKET_RESPONSE.
     */
    public Optional<Enrollment> byPremise(UUID enrollmentId, String esiId, ConsumedEvent envelope) {
        if (enrollmentId != null) {
            return byId(enrollmentId, esiId, envelope);
        }
        Optional<Enrollment> found = Enrollment.<Enrollment> find("esiId = ?1 and state in ?2", esiId,
                EnrollmentState.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty()) {
            found = Enrollment.<Enrollment> find("esiId = ?1 order by createdAt desc", esiId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        }
        if (found.isEmpty()) {
            unmatched(esiId, envelope, "matches no enrollment at ESI ID " + esiId);
        }
        return found;
    }

    /** The event makes no sense in the enrollment's state: nothing changes, an analyst looks at it. */
    public void unexpected(Enrollment enrollment, String what, ConsumedEvent envelope) {
        LOG.warnf("%s for enrollment %s in state %s: queued", envelope.type(), enrollment.id, enrollment.state);
        workQueue.raise(WorkTypes.UNEXPECTED_MARKET_RESPONSE, enrollment.esiId, envelope.id().toString(),
                "Market " + what + " for enrollment " + enrollment.id + " in state " + enrollment.state,
                EnrollmentLifecycle.details(enrollment, "eventType", envelope.type(), "eventId", envelope.id()));
    }

    /** Keeps the market transaction on the enrollment's record (GET /enrollments/{id} shows them). */
    public MarketTransaction record(Enrollment enrollment, ConsumedEvent envelope, String transactionSet,
            String direction, String bgnReference, String originalReference, UUID ediTransactionId,
            LocalDate businessDate, String reasonCode) {
        MarketTransaction transaction = new MarketTransaction();
        transaction.enrollmentId = enrollment.id;
        transaction.eventId = envelope.id();
        transaction.eventType = envelope.type();
        transaction.transactionSet = transactionSet;
        transaction.direction = direction;
        transaction.bgnReference = bgnReference;
        transaction.originalReference = originalReference;
        transaction.ediTransactionId = ediTransactionId;
        transaction.businessDate = businessDate;
        transaction.reasonCode = reasonCode == null || reasonCode.length() <= 10 ? reasonCode
                : reasonCode.substring(0, 10);
        transaction.occurredAt = envelope.time() != null ? envelope.time() : clock.instant();
        transaction.persist();
        return transaction;
    }

    private void unmatched(String esiId, ConsumedEvent envelope, String why) {
        LOG.warnf("%s %s: queued", envelope.type(), why);
        workQueue.raise(WorkTypes.UNMATCHED_MARKET_RESPONSE, esiId, envelope.id().toString(),
                "Market response " + envelope.type() + " " + why,
                Map.of("eventId", envelope.id().toString(), "eventType", envelope.type(),
                        "esiId", String.valueOf(esiId)));
    }
}
