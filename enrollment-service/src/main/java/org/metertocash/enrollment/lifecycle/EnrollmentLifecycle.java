package org.metertocash.enrollment.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.enrollment.premise.SwitchHolds;
import org.metertocash.enrollment.premise.TdspDirectory;
import org.metertocash.enrollment.tpv.Tpv;
import org.metertocash.enrollment.tpv.TpvConfig;
import org.metertocash.enrollment.tpv.TpvRecord;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * The enrollment state machine. Every change goes through {@link #move}, which checks {@link TransitionTable},
 * records the transition with its cause and actor, and runs in the caller's transaction with the event the
 * caller writes to the outbox.
 */
@ApplicationScoped
public class EnrollmentLifecycle {

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    SwitchHolds switchHolds;

    @Inject
    TdspDirectory tdsps;

    @Inject
    TpvConfig tpvConfig;

    @Inject
    Clock clock;

    /** Stores a validated request and announces it (EnrollmentSubmitted) unless it waits for its TPV. */
    @Transactional
    public Enrollment submit(Enrollment enrollment, TpvRecord tpv, Cause cause) {
        store(enrollment, tpv, cause);
        if (enrollment.state == EnrollmentState.SUBMITTED) {
            announce(enrollment, cause);
        }
        return enrollment;
    }

    /**
     * Stores a validated request: SUBMITTED, or PENDING_TPV (with a MISSING_TPV work item) when its product
     * requires a TPV and none came with it. Refuses a second open enrollment for the premise and a switch to a
     * held premise. Announces nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Enrollment enrollment, TpvRecord tpv, Cause cause) {
        Optional<Enrollment> open = Enrollment.<Enrollment> find("esiId = ?1 and state in ?2", enrollment.esiId,
                EnrollmentState.OPEN).firstResultOptional();
        if (open.isPresent()) {
            // One enrollment in progress or active per premise (also a unique index, for racing requests).
            throw ProblemException.conflict("enrollment-in-progress", "ESI ID " + enrollment.esiId
                    + " already has enrollment " + open.get().id + " in state " + open.get().state);
        }
        switchHolds.refuseSwitchIfHeld(enrollment.esiId, enrollment.requestType);
        Instant now = clock.instant();
        enrollment.id = UUID.randomUUID();
        enrollment.correlationId = cause.correlationId();
        boolean waitsForTpv = tpv == null && tpvConfig.required(enrollment.productCode);
        enrollment.state = waitsForTpv ? EnrollmentState.PENDING_TPV : EnrollmentState.SUBMITTED;
        enrollment.createdAt = now;
        enrollment.updatedAt = now;
        enrollment.stateChangedAt = now;
        enrollment.persist();
        record(enrollment, null, Trigger.SUBMIT, enrollment.submittedBy,
                enrollment.previousEnrollmentId == null ? "submitted by " + enrollment.submittedBy
                        : "resubmitted by " + enrollment.submittedBy + " replacing " + enrollment.previousEnrollmentId,
                null);
        if (tpv != null) {
            saveTpv(enrollment, tpv, enrollment.submittedBy);
        }
        if (waitsForTpv) {
            workQueue.raise(WorkTypes.MISSING_TPV, enrollment.esiId, enrollment.id.toString(),
                    "Enrollment " + enrollment.id + " (product " + enrollment.productCode
                            + ") waits for its third-party verification before it can be sent",
                    Map.of("enrollmentId", enrollment.id.toString(), "productCode", enrollment.productCode,
                            "customer", enrollment.customerName));
        }
    }

    /** Publishes EnrollmentSubmitted: the gateway sends the 814_01/814_16 from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Enrollment enrollment, Cause cause) {
        String duns = tdsps.forEsiId(enrollment.esiId).map(TdspDirectory.Tdsp::duns)
                .orElseThrow(() -> new IllegalStateException("no TDSP for stored ESI ID " + enrollment.esiId));
        outbox.publish(new EnrollmentSubmitted(enrollment.id, enrollment.esiId, enrollment.tdsp, duns,
                enrollment.requestType, enrollment.requestedStartDate, enrollment.customer(),
                enrollment.serviceAddress(), enrollment.productCode, enrollment.billingType,
                enrollment.previousEnrollmentId), cause);
    }

    /** Stores the TPV of an enrollment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tpv saveTpv(Enrollment enrollment, TpvRecord record, String actor) {
        Tpv tpv = new Tpv();
        tpv.enrollmentId = enrollment.id;
        tpv.vendor = record.vendor().trim();
        tpv.confirmationId = record.confirmationId().trim();
        tpv.verifiedOn = record.verifiedOn();
        tpv.recordingReference = record.recordingReference().trim();
        tpv.recordedBy = actor;
        tpv.recordedAt = clock.instant();
        tpv.persist();
        return tpv;
    }

    /**
     * Applies a trigger the table allows in the enrollment's state: changes the state (or keeps it, for an action
     * that changes none), records the transition with its cause and actor. Throws if the table does not allow it:
     * callers check {@link TransitionTable#allows} first and answer in their own way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Enrollment enrollment, Trigger trigger, String actor, String reason, UUID causeEventId) {
        EnrollmentState from = enrollment.state;
        EnrollmentState to = TransitionTable.target(from, trigger).orElseThrow(() -> new IllegalStateException(
                trigger + " is not allowed in state " + from + " (enrollment " + enrollment.id + ")"));
        Instant now = clock.instant();
        enrollment.state = to;
        enrollment.updatedAt = now;
        if (to != from) {
            enrollment.stateChangedAt = now;
            if (from.awaitsMarketResponse()) {
                workQueue.closeByReference(WorkTypes.UNPROCESSED_ENROLLMENT, enrollment.id.toString(), actor,
                        "moved on to " + to);
            }
        }
        record(enrollment, from, trigger, actor, reason, causeEventId);
    }

    /** The flow an operation on an enrollment continues: the caller's correlation id, else the enrollment's. */
    public static Cause causeFor(Enrollment enrollment, String correlationHeader) {
        if (correlationHeader != null && !correlationHeader.isBlank()) {
            return Cause.correlatedWith(correlationHeader);
        }
        return enrollment.correlationId == null ? Cause.newFlow() : new Cause(enrollment.correlationId, null);
    }

    public List<EnrollmentTransition> history(UUID enrollmentId) {
        return EnrollmentTransition.list("enrollmentId = ?1 order by id", enrollmentId);
    }

    /** Details every work item about an enrollment carries. */
    public static Map<String, Object> details(Enrollment enrollment, Object... more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enrollmentId", enrollment.id.toString());
        details.put("state", enrollment.state.name());
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] != null) {
                details.put(String.valueOf(more[i]), more[i + 1].toString());
            }
        }
        return details;
    }

    private void record(Enrollment enrollment, EnrollmentState from, Trigger trigger, String actor, String reason,
            UUID causeEventId) {
        EnrollmentTransition transition = new EnrollmentTransition();
        transition.enrollmentId = enrollment.id;
        transition.fromState = from;
        transition.toState = enrollment.state;
        transition.cause = trigger;
        transition.actor = actor;
        transition.reason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 297) + "...";
        transition.causeEventId = causeEventId;
        transition.at = clock.instant();
        transition.persist();
    }
}
