package org.metertocash.enrollment.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentDropped;
import org.metertocash.contracts.enrollment.EnrollmentMovedOut;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.lifecycle.TransitionTable;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.workqueue.WorkTypes;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * How our service at a premise ends, as the market tells it: another retailer took the premise (814_06 loss
 * notice → DROPPED, a LOSS_NOTICE work item for retention), or our move-out went through (814_25 accept →
 * MOVED_OUT) or was refused (814_25 reject → a MOVE_OUT_REJECTED work item, still ACTIVE).
 */
@ApplicationScoped
public class ServiceEndings {

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    MarketMatching matching;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    /** 814_06: ACTIVE → DROPPED, and the customer goes to the retention queue. */
    @Transactional
    public void lossNotice(LossNoticeReceived event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byPremise(null, event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_06", EnrollmentResponses.INBOUND, event.bgnReference(), null,
                event.ediTransactionId(), event.serviceEndDate(), null);
        if (enrollment.state == EnrollmentState.DROPPED && event.serviceEndDate() != null
                && event.serviceEndDate().equals(enrollment.serviceEndDate)) {
            return; // the same loss notice again (a resent file)
        }
        if (!TransitionTable.allows(enrollment.state, Trigger.LOSS_NOTICE)) {
            matching.unexpected(enrollment, "loss notice (service end " + event.serviceEndDate() + ")", envelope);
            return;
        }
        enrollment.serviceEndDate = event.serviceEndDate();
        lifecycle.move(enrollment, Trigger.LOSS_NOTICE, Trigger.MARKET,
                "lost to another retailer, service ends " + event.serviceEndDate(), envelope.id());
        outbox.publish(new EnrollmentDropped(enrollment.id, enrollment.esiId, event.serviceEndDate(), "LOSS"),
                Cause.of(envelope));
        workQueue.raise(WorkTypes.LOSS_NOTICE, enrollment.esiId, enrollment.id.toString(),
                "Customer " + enrollment.customerName + " lost to another retailer; service ends "
                        + event.serviceEndDate(),
                EnrollmentLifecycle.details(enrollment, "serviceEndDate", event.serviceEndDate(),
                        "customer", enrollment.customerName, "email", enrollment.customerEmail,
                        "phone", enrollment.customerPhone, "productCode", enrollment.productCode));
    }

    /** The gateway wrote our 814_24. */
    @Transactional
    public void moveOutSent(MoveOutRequestSent event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_24", EnrollmentResponses.OUTBOUND, event.bgnReference(), null,
                event.ediTransactionId(), enrollment.moveOutDate, null);
        if (enrollment.state == EnrollmentState.MOVED_OUT) {
            return; // the market answered before the "sent" notice was processed
        }
        if (!TransitionTable.allows(enrollment.state, Trigger.MOVE_OUT_SENT)) {
            matching.unexpected(enrollment, "move-out request " + event.bgnReference() + " sent", envelope);
            return;
        }
        enrollment.moveOutReference = event.bgnReference();
        lifecycle.move(enrollment, Trigger.MOVE_OUT_SENT, Trigger.MARKET, "814_24 " + event.bgnReference()
                + " sent", envelope.id());
    }

    /** 814_25 accept: ACTIVE → MOVED_OUT. */
    @Transactional
    public void moveOutCompleted(MoveOutCompleted event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_25", EnrollmentResponses.INBOUND, event.bgnReference(),
                event.originalReference(), event.ediTransactionId(), event.serviceEndDate(), null);
        if (enrollment.state == EnrollmentState.MOVED_OUT && event.serviceEndDate() != null
                && event.serviceEndDate().equals(enrollment.serviceEndDate)) {
            return;
        }
        if (!TransitionTable.allows(enrollment.state, Trigger.MOVE_OUT_COMPLETED)) {
            matching.unexpected(enrollment, "move-out completion (service end " + event.serviceEndDate() + ")",
                    envelope);
            return;
        }
        enrollment.serviceEndDate = event.serviceEndDate();
        lifecycle.move(enrollment, Trigger.MOVE_OUT_COMPLETED, Trigger.MARKET,
                "moved out, service ends " + event.serviceEndDate(), envelope.id());
        outbox.publish(new EnrollmentMovedOut(enrollment.id, enrollment.esiId, event.serviceEndDate()),
                Cause.of(envelope));
        workQueue.closeByReference(WorkTypes.MOVE_OUT_REJECTED, enrollment.id.toString(), Trigger.MARKET,
                "moved out on " + event.serviceEndDate());
    }

    /** 814_25 reject: the enrollment stays ACTIVE, the pending move-out is cleared and an analyst follows up. */
    @Transactional
    public void moveOutRejected(MoveOutRejected event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_25", EnrollmentResponses.INBOUND, null,
                event.originalReference(), event.ediTransactionId(), enrollment.moveOutDate, event.reasonCode());
        if (!TransitionTable.allows(enrollment.state, Trigger.MOVE_OUT_REJECTED)) {
            matching.unexpected(enrollment, "move-out reject " + event.reasonCode(), envelope);
            return;
        }
        String asked = String.valueOf(enrollment.moveOutDate);
        enrollment.moveOutDate = null;
        lifecycle.move(enrollment, Trigger.MOVE_OUT_REJECTED, Trigger.MARKET, "move-out for " + asked
                + " rejected: " + event.reasonCode() + (event.reasonText() == null ? "" : " " + event.reasonText()),
                envelope.id());
        workQueue.raise(WorkTypes.MOVE_OUT_REJECTED, enrollment.esiId, enrollment.id.toString(),
                "[" + event.reasonCode() + "] Move-out of enrollment " + enrollment.id + " for " + asked
                        + " rejected by the market" + (event.reasonText() == null ? "" : " (" + event.reasonText() + ")"),
                EnrollmentLifecycle.details(enrollment, "reasonCode", event.reasonCode(),
                        "reasonText", event.reasonText(), "moveOutDate", asked,
                        "originalReference", event.originalReference()));
    }
}
