package org.metertocash.enrollment.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.enrollment.EnrollmentRejected;
import org.metertocash.contracts.enrollment.EnrollmentSent;
import org.metertocash.enrollment.activation.Activation;
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
 * The market's answers to our enrollment requests: sent, accepted, rejected (814 or 824), service start
 * confirmed (867_04), and our cancel sent. Each handler runs in the inbox's transaction, so a redelivered event
 * has no second effect; an answer that does not fit the enrollment's state changes nothing and is queued.
 */
@ApplicationScoped
public class EnrollmentResponses {

    static final String OUTBOUND = "OUTBOUND";
    static final String INBOUND = "INBOUND";

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    MarketMatching matching;

    @Inject
    Activation activation;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    /** The gateway wrote our 814_01/814_16. */
    @Transactional
    public void sent(MarketEnrollmentRequestSent event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, event.transactionSet(), OUTBOUND, event.bgnReference(), null, null,
                enrollment.requestedStartDate, null);
        if (enrollment.state == EnrollmentState.SUBMITTED) {
            enrollment.marketReference = event.bgnReference();
            lifecycle.move(enrollment, Trigger.REQUEST_SENT, Trigger.MARKET,
                    event.transactionSet() + " " + event.bgnReference() + " sent", envelope.id());
            outbox.publish(new EnrollmentSent(enrollment.id, enrollment.esiId, event.transactionSet(),
                    event.bgnReference()), Cause.of(envelope));
            return;
        }
        if (enrollment.state == EnrollmentState.ACCEPTED || enrollment.state == EnrollmentState.REJECTED
                || enrollment.state == EnrollmentState.ACTIVE || enrollment.state == EnrollmentState.SENT) {
            // The market may answer before the "sent" notice is processed; the answer wins, keep the reference.
            if (enrollment.marketReference == null) {
                enrollment.marketReference = event.bgnReference();
            }
            return;
        }
        // e.g. cancelled while SUBMITTED (market not notified) but the gateway had already sent the request
        matching.unexpected(enrollment, "request " + event.transactionSet() + " " + event.bgnReference() + " sent",
                envelope);
    }

    /** 814 accept (ASI*WQ) with the scheduled start date. */
    @Transactional
    public void accepted(MarketEnrollmentAccepted event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_05", INBOUND, event.bgnReference(), event.originalReference(),
                event.ediTransactionId(), event.scheduledStartDate(), null);
        if (enrollment.state == EnrollmentState.ACCEPTED && event.scheduledStartDate() != null
                && event.scheduledStartDate().equals(enrollment.scheduledStartDate)) {
            return; // the same acceptance again (a resent file): nothing changes
        }
        if (!TransitionTable.allows(enrollment.state, Trigger.MARKET_ACCEPTED)) {
            matching.unexpected(enrollment, "accept", envelope);
            return;
        }
        if (enrollment.marketReference == null) {
            enrollment.marketReference = event.originalReference();
        }
        enrollment.scheduledStartDate = event.scheduledStartDate();
        lifecycle.move(enrollment, Trigger.MARKET_ACCEPTED, Trigger.MARKET,
                "accepted by the market, start " + event.scheduledStartDate(), envelope.id());
        outbox.publish(new EnrollmentAccepted(enrollment.id, enrollment.esiId, enrollment.tdsp,
                enrollment.requestType, enrollment.scheduledStartDate, enrollment.customer(),
                enrollment.serviceAddress(), enrollment.productCode, enrollment.billingType), Cause.of(envelope));
    }

    /** 814_02 / 814_17 reject (ASI*U) with its REF*7G reason: the enrollment goes to the analysts' reject queue. */
    @Transactional
    public void rejected(MarketEnrollmentRejected event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, enrollment.requestType == RequestType.MOVE_IN ? "814_17" : "814_02",
                INBOUND, event.bgnReference(), event.originalReference(), event.ediTransactionId(), null,
                event.reasonCode());
        reject(enrollment, Trigger.MARKET_REJECTED, event.reasonCode(), event.reasonText(), "the market", envelope);
    }

    /**
     * An 824 against one of our transactions. When it rejected an enrollment request the enrollment is REJECTED as
     * by an 814 reject; an 824 against another 814 of ours (a move-out, a cancel) is queued for an analyst; one
     * against a transaction that is not an 814 (a 650 service order) belongs to another service.
     */
    @Transactional
    public void transactionRejected(TransactionRejected event, ConsumedEvent envelope) {
        if (event.enrollmentId() == null) {
            if (event.rejectedSet() != null && event.rejectedSet().startsWith("814")) {
                workQueue.raise(WorkTypes.MARKET_TRANSACTION_REJECTED, event.esiId(), envelope.id().toString(),
                        "824 rejected our " + event.rejectedSet() + " " + event.rejectedReference() + ": "
                                + event.reasonCode() + (event.reasonText() == null ? "" : " " + event.reasonText()),
                        java.util.Map.of("rejectedSet", event.rejectedSet(),
                                "rejectedReference", String.valueOf(event.rejectedReference()),
                                "reasonCode", String.valueOf(event.reasonCode()),
                                "ediTransactionId", String.valueOf(event.ediTransactionId())));
            }
            return;
        }
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "824", INBOUND, null, event.rejectedReference(),
                event.ediTransactionId(), null, event.reasonCode());
        reject(enrollment, Trigger.TRANSACTION_REJECTED, event.reasonCode(), event.reasonText(),
                "an 824 against " + event.rejectedSet() + " " + event.rejectedReference(), envelope);
    }

    /** The wires utility confirmed the start of our service (867_04): ACCEPTED → ACTIVE. */
    @Transactional
    public void completed(MarketEnrollmentCompleted event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byPremise(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "867_04", INBOUND, event.bgnReference(), null,
                event.ediTransactionId(), event.serviceStartDate(), null);
        if (enrollment.state == EnrollmentState.ACTIVE) {
            // already active (the start date was reached first): the market's confirmation is recorded above
            return;
        }
        if (!TransitionTable.allows(enrollment.state, Trigger.MARKET_COMPLETED)) {
            matching.unexpected(enrollment, "service start confirmation", envelope);
            return;
        }
        activation.activate(enrollment, Trigger.MARKET_COMPLETED, event.serviceStartDate(), Trigger.MARKET,
                envelope.id(), Cause.of(envelope));
    }

    /** The gateway wrote our 814_08 for a cancelled enrollment. */
    @Transactional
    public void cancelSent(MarketCancelSent event, ConsumedEvent envelope) {
        Enrollment enrollment = matching.byId(event.enrollmentId(), event.esiId(), envelope).orElse(null);
        if (enrollment == null) {
            return;
        }
        matching.record(enrollment, envelope, "814_08", OUTBOUND, event.bgnReference(), event.originalReference(),
                event.ediTransactionId(), null, null);
        if (!TransitionTable.allows(enrollment.state, Trigger.CANCEL_SENT)) {
            matching.unexpected(enrollment, "cancel " + event.bgnReference() + " sent", envelope);
            return;
        }
        lifecycle.move(enrollment, Trigger.CANCEL_SENT, Trigger.MARKET,
                "814_08 " + event.bgnReference() + " cancels " + event.originalReference(), envelope.id());
    }

    private void reject(Enrollment enrollment, Trigger trigger, String reasonCode, String reasonText, String by,
            ConsumedEvent envelope) {
        if (enrollment.state == EnrollmentState.REJECTED) {
            return; // rejected already (an 814 reject and an 824 for one request): nothing changes
        }
        if (!TransitionTable.allows(enrollment.state, trigger)) {
            matching.unexpected(enrollment, "reject " + reasonCode, envelope);
            return;
        }
        enrollment.rejectReasonCode = reasonCode;
        enrollment.rejectReasonText = reasonText == null || reasonText.length() <= 200 ? reasonText
                : reasonText.substring(0, 200);
        lifecycle.move(enrollment, trigger, Trigger.MARKET, "rejected by " + by + ": " + reasonCode
                + (reasonText == null ? "" : " " + reasonText), envelope.id());
        outbox.publish(new EnrollmentRejected(enrollment.id, enrollment.esiId, reasonCode, reasonText),
                Cause.of(envelope));
        // The reason code leads the summary and is in the details, so the reject queue can be worked by reason.
        workQueue.raise(WorkTypes.ENROLLMENT_REJECTED, enrollment.esiId, enrollment.id.toString(),
                "[" + reasonCode + "] Enrollment " + enrollment.id + " rejected by " + by
                        + (reasonText == null ? "" : " (" + reasonText + ")"),
                EnrollmentLifecycle.details(enrollment, "reasonCode", reasonCode, "reasonText", reasonText,
                        "rejectedBy", trigger == Trigger.TRANSACTION_REJECTED ? "824" : "814",
                        "productCode", enrollment.productCode));
    }
}
