package org.metertocash.billing.ledger;

/** What a posting records. */
public enum PostingKind {
    /** A charge to the customer (a bill): debits RECEIVABLE, credits REVENUE (or the bill's lines' accounts). */
    CHARGE,
    /** A fee: debits RECEIVABLE, credits FEE_INCOME. */
    FEE,
    /** A manual correction: RECEIVABLE against ADJUSTMENTS, either way, with a note. */
    ADJUSTMENT,
    /** A payment applied: debits CASH_CLEARING, credits RECEIVABLE. */
    PAYMENT,
    /** A payment that came back (NACHA return, dishonoured check): the mirror of the PAYMENT posting. */
    PAYMENT_RETURN,
    /** The mirror of an earlier posting, cancelling it (a cancelled bill, a fee waived). */
    REVERSAL
}
