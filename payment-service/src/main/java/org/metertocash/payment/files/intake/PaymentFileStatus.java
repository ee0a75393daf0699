package org.metertocash.payment.files.intake;

/**
 * Where a payment file stands. RECEIVED: stored, not read yet (a restart reads it). POSTING: its lines are being
 * posted in chunks. POSTED: every batch posted (lines unapplied included: they are in suspense). PARTIALLY_HELD: the
 * batches that balanced posted, others are held as exceptions. HELD: nothing posted because the file's own trailer
 * disagrees with its batches (or every batch is held). REJECTED: malformed — nothing posted, the problems listed by
 * line — or every batch was held and operations rejected them all. Operations work held batches
 * ({@link HeldBatches}): once none is held any more the file is POSTED, when anything of it posted.
 */
public enum PaymentFileStatus {
    RECEIVED, POSTING, POSTED, PARTIALLY_HELD, HELD, REJECTED;

    /** Nothing more will happen to the file on its own. */
    public boolean finished() {
        return this != RECEIVED && this != POSTING;
    }
}
