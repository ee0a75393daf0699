package org.metertocash.payment.posting;

/**
 * Where a payment stands. POSTED and APPLIED_FROM_SUSPENSE were announced to billing (PaymentPosted); UNAPPLIED
 * waits in suspense for an analyst; REFUNDED went back to the payer without being applied; RETURNED was posted and
 * came back (NACHA return, dishonoured check, chargeback).
 */
public enum PaymentStatus {
    POSTED, UNAPPLIED, APPLIED_FROM_SUSPENSE, REFUNDED, RETURNED;

    /** Whether the payment was announced to billing as money on an account (reconciliation's "posted"). */
    public boolean wasPosted() {
        return this == POSTED || this == APPLIED_FROM_SUSPENSE || this == RETURNED;
    }
}
