package org.metertocash.enrollment.workqueue;

/**
 * The work queues of enrollment-service: the types of the work items it raises on {@code GET /exceptions}. Each
 * item's reference is the enrollment id (the event id for a response that matches no enrollment), and its
 * details carry what the analyst needs (reason codes, dates, the state it was found in).
 */
public final class WorkTypes {

    /** The market (814_02/814_17) or an 824 rejected an enrollment; details.reasonCode is the REF*7G / TED code. */
    public static final String ENROLLMENT_REJECTED = "ENROLLMENT_REJECTED";
    /** A market response names an enrollment (or a premise) we do not have. */
    public static final String UNMATCHED_MARKET_RESPONSE = "UNMATCHED_MARKET_RESPONSE";
    /** A market response arrived in a state where it makes no sense; nothing was changed. */
    public static final String UNEXPECTED_MARKET_RESPONSE = "UNEXPECTED_MARKET_RESPONSE";
    /** An enrollment stayed SUBMITTED or SENT longer than configured (raised once per state by a scheduled check). */
    public static final String UNPROCESSED_ENROLLMENT = "UNPROCESSED_ENROLLMENT";
    /** The product needs a TPV and none is recorded: the enrollment waits (PENDING_TPV) instead of being sent. */
    public static final String MISSING_TPV = "MISSING_TPV";
    /** Another retailer took the premise (814_06): the customer is lost, for retention. */
    public static final String LOSS_NOTICE = "LOSS_NOTICE";
    /** The market rejected our move-out (814_25 reject); the enrollment stays ACTIVE. */
    public static final String MOVE_OUT_REJECTED = "MOVE_OUT_REJECTED";
    /** An 824 rejected one of our 814s that is not an enrollment request (a move-out, a cancel). */
    public static final String MARKET_TRANSACTION_REJECTED = "MARKET_TRANSACTION_REJECTED";

    private WorkTypes() {
    }
}
