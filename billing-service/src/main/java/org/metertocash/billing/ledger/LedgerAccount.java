package org.metertocash.billing.ledger;

/**
 * The ledger accounts a posting's entries debit and credit. RECEIVABLE is the customer's: its debits minus credits
 * are what the customer owes (the account balance). The others are the company's side of each posting.
 */
public enum LedgerAccount {
    /** What the customer owes: debited by charges and fees, credited by payments and credit adjustments. */
    RECEIVABLE,
    /** Energy and REP charges of a bill (energy, base and daily charges, usage fees and credits). */
    REVENUE,
    /** The wires utility's delivery charges passed through on a bill (owed to the TDSP). */
    TDU_CHARGES,
    /** Taxes and assessments collected on a bill (owed to the taxing authorities). */
    TAXES,
    /** Fees charged to the customer (returned payment, late payment). */
    FEE_INCOME,
    /** Money received and not yet deposited: debited by payments, credited when a payment comes back. */
    CASH_CLEARING,
    /** Manual corrections: credits and debits to the customer made by operations, with a note. */
    ADJUSTMENTS
}
