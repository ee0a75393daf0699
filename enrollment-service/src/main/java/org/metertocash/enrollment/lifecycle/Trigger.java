package org.metertocash.enrollment.lifecycle;

/**
 * What may change an enrollment: a market transaction relayed by the EDI gateway, an operation called over REST,
 * or the business clock. Recorded as the cause of every transition.
 */
public enum Trigger {
    /** POST /enrollments or a resubmission: the enrollment is stored. */
    SUBMIT,
    /** The TPV the product requires was recorded: the enrollment can be announced. */
    TPV_RECORDED,
    /** The gateway wrote our 814_01/814_16 (MarketEnrollmentRequestSent). */
    REQUEST_SENT,
    /** 814 accept with the scheduled start date (MarketEnrollmentAccepted). */
    MARKET_ACCEPTED,
    /** 814_02/814_17 reject (MarketEnrollmentRejected). */
    MARKET_REJECTED,
    /** An 824 rejecting our enrollment request (TransactionRejected). */
    TRANSACTION_REJECTED,
    /** The wires utility confirmed service started: 867_04 (MarketEnrollmentCompleted). */
    MARKET_COMPLETED,
    /** The business clock reached the scheduled start date. */
    START_DATE_REACHED,
    /** Operations or upstream cancelled before the start date. */
    CANCEL,
    /** The gateway wrote our 814_08 cancel (MarketCancelSent). */
    CANCEL_SENT,
    /** A rejected enrollment was corrected and resubmitted as a new one (the old one stays REJECTED). */
    RESUBMIT,
    /** Operations asked for service to end (MoveOutRequested); the enrollment stays ACTIVE. */
    MOVE_OUT_REQUESTED,
    /** The gateway wrote our 814_24 (MoveOutRequestSent). */
    MOVE_OUT_SENT,
    /** 814_25 accept (MoveOutCompleted). */
    MOVE_OUT_COMPLETED,
    /** 814_25 reject (MoveOutRejected): the enrollment stays ACTIVE. */
    MOVE_OUT_REJECTED,
    /** 814_06: another retailer took the premise (LossNoticeReceived). */
    LOSS_NOTICE;

    /** The actor recorded for the market's transactions. */
    public static final String MARKET = "market";
    /** The actor recorded for what the business clock decides. */
    public static final String SYSTEM = "system";
}
