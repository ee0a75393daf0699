package org.metertocash.edi.transactions;

/**
 * Inbound: RECEIVED (read), ACCEPTED (syntax valid), REJECTED (syntax errors), PROCESSED (its business effect
 * done), FAILED (valid syntax but it could not be applied, e.g. it matches nothing of ours), DUPLICATE (its
 * interchange was already received). Outbound: QUEUED (stored, waiting for delivery), SENT (written to the
 * outbound folder), ANSWERED (the market's business response arrived), REJECTED (the receiver rejected it: its
 * 997 rejected the syntax, or its 824 the content; it will not be processed). Whether a 997 acknowledged a
 * transaction is kept beside it ({@link EdiAcknowledgement}), not in its status.
 */
public enum TransactionStatus {
    RECEIVED, ACCEPTED, REJECTED, PROCESSED, FAILED, DUPLICATE, QUEUED, SENT, ANSWERED
}
