package org.metertocash.edi.transactions;

/**
 * Inbound: RECEIVED (read), ACCEPTED (syntax valid), REJECTED (syntax errors), PROCESSED (its business effect
 * done), FAILED (valid syntax but it could not be applied, e.g. it matches nothing of ours), DUPLICATE (its
 * interchange was already received). Outbound: QUEUED (stored, waiting for delivery), SENT (written to the
 * outbound folder), ANSWERED (the market's business response arrived).
 */
public enum TransactionStatus {
    RECEIVED, ACCEPTED, REJECTED, PROCESSED, FAILED, DUPLICATE, QUEUED, SENT, ANSWERED
}
