package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentLine;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Operations' way out for a held batch — one whose control totals disagree ({@value PaymentFileIntake#BATCH_OUT_OF_BALANCE}),
 * or one held with its whole file because the file's trailer disagrees ({@value PaymentFileIntake#FILE_OUT_OF_BALANCE}).
 * Nothing of a held batch posts on its own; an analyst who has checked it with the sender decides, with a note:
 *
 * <ul>
 * <li><b>release</b>: the batch's lines are read again from the stored file and posted exactly as a balanced batch's
 * are — each once per file and line ({@code file:<file id>:<line>}), unmatched money to suspense; a NACHA batch's
 * returns and notifications of change are recorded and handed to the returns processing once per network key;</li>
 * <li><b>reject</b>: the batch is closed and nothing of it posts; its lines stay kept as REJECTED.</li>
 * </ul>
 *
 * Either closes the batch's work item (and the file's, when no batch of it is held any more) with the analyst's name
 * and note, is kept on the batch (who, when, why: {@code GET /payment-files/{id}}), and moves the file on
 * ({@link PaymentFileIntake#finish}). Both are idempotent by effect: asking again for what was done answers with the
 * file as it is and does nothing; asking for the other is 409. Only a file no worker is posting may be worked, so a
 * release never races the file's own chunks.
 */
@ApplicationScoped
public class HeldBatches {

    private static final Logger LOG = Logger.getLogger(HeldBatches.class);

    @Inject
    PaymentFileReaders readers;

    @Inject
    PaymentFileContent storedContent;

    @Inject
    PaymentPosting posting;

    @Inject
    AchReturnRecording achReturns;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /** Posts the lines of a held batch; returns whether this call released it (false: it was released before). */
    @Transactional
    public boolean release(UUID fileId, int seq, String actor, String note, Cause cause) {
        PaymentFile file = lockFile(fileId);
        PaymentFileBatch batch = heldBatch(file, seq, PaymentFileBatch.ReviewAction.RELEASE);
        if (batch == null) {
            return false;
        }
        Instant now = clock.instant();
        FileBatch<? extends FileLine> read = readAgain(file, batch);
        int lines = read.lines().size();
        BigDecimal amount = read.linesTotal();
        PaymentFileLine.delete("fileId = ?1 and batchSeq = ?2 and status = ?3", file.id, seq,
                PaymentFileLine.Status.HELD);
        List<PaymentInstruction> payments = new ArrayList<>();
        for (FileLine line : read.lines()) {
            if (line instanceof PaymentLine payment) {
                payments.add(PaymentFileLines.instruction(file.id, payment, file.submittedBy));
            }
        }
        if (payments.size() == lines) {
            LineTally tally = new LineTally();
            posting.postAll(payments, cause).forEach(tally::add);
            file.linesPosted += tally.posted;
            file.linesUnapplied += tally.unapplied;
            file.amountPosted = file.amountPosted.add(tally.postedAmount);
            file.amountUnapplied = file.amountUnapplied.add(tally.unappliedAmount);
        } else if (payments.isEmpty()) {
            // ACH returns and NOCs: recorded (once per network key) and handed to the returns processing
            achReturns.record(file, List.of(new PaymentFileIntake.NumberedBatch(seq, read)), now);
        } else {
            throw new IllegalStateException("batch " + seq + " of payment file " + file.id + " mixes payments and "
                    + "ACH entries");
        }
        file.linesHeld -= lines;
        file.amountHeld = file.amountHeld.subtract(amount);
        decide(file, batch, PaymentFileBatch.Status.RELEASED, PaymentFileBatch.ReviewAction.RELEASE, actor, note, now);
        LOG.infof("Batch %d (%s) of payment file %s released by %s: %d line(s), $%s", seq, batch.batchId,
                PaymentFileIntake.name(file), actor, lines, amount.toPlainString());
        return true;
    }

    /** Closes a held batch without posting anything of it; returns whether this call rejected it. */
    @Transactional
    public boolean reject(UUID fileId, int seq, String actor, String note) {
        PaymentFile file = lockFile(fileId);
        PaymentFileBatch batch = heldBatch(file, seq, PaymentFileBatch.ReviewAction.REJECT);
        if (batch == null) {
            return false;
        }
        Instant now = clock.instant();
        List<PaymentFileLine> kept = PaymentFileLine.list("fileId = ?1 and batchSeq = ?2 and status = ?3", file.id,
                seq, PaymentFileLine.Status.HELD);
        BigDecimal amount = Cents.zero();
        for (PaymentFileLine line : kept) {
            line.status = PaymentFileLine.Status.REJECTED;
            line.reason = PaymentFileIntake.abbreviate("rejected with its batch by " + actor + ": " + note, 2000);
            amount = amount.add(line.amount);
        }
        file.linesHeld -= kept.size();
        file.amountHeld = file.amountHeld.subtract(amount);
        file.linesRejected += kept.size();
        file.amountRejected = file.amountRejected.add(amount);
        decide(file, batch, PaymentFileBatch.Status.REJECTED, PaymentFileBatch.ReviewAction.REJECT, actor, note, now);
        LOG.infof("Batch %d (%s) of payment file %s rejected by %s: %d line(s), $%s not posted", seq, batch.batchId,
                PaymentFileIntake.name(file), actor, kept.size(), amount.toPlainString());
        return true;
    }

    private static PaymentFile lockFile(UUID fileId) {
        PaymentFile file = PaymentFile.findById(fileId, LockModeType.PESSIMISTIC_WRITE);
        if (file == null) {
            throw ProblemException.notFound("No payment file " + fileId);
        }
        return file;
    }

    /**
     * The batch, when it is held and may be decided now; {@code null} when the same decision was taken before (nothing
     * to do); 404 or 409 otherwise.
     */
    private static PaymentFileBatch heldBatch(PaymentFile file, int seq, PaymentFileBatch.ReviewAction wanted) {
        PaymentFileBatch batch = PaymentFileBatch.find("fileId = ?1 and seq = ?2", file.id, seq).firstResult();
        if (batch == null) {
            throw ProblemException.notFound("Payment file " + file.id + " has no batch " + seq);
        }
        if (batch.reviewAction == wanted) {
            return null;
        }
        if (batch.status != PaymentFileBatch.Status.HELD) {
            String why = batch.reviewAction != null
                    ? "it was " + (batch.reviewAction == PaymentFileBatch.ReviewAction.RELEASE ? "released" : "rejected")
                            + " by " + batch.reviewedBy + " at " + batch.reviewedAt
                    : "it is " + batch.status + (batch.status == PaymentFileBatch.Status.REJECTED
                            ? " with its malformed file" : "");
            throw ProblemException.conflict("payment-file-batch-not-held", "Batch " + seq + " of payment file "
                    + file.id + " cannot be " + (wanted == PaymentFileBatch.ReviewAction.RELEASE ? "released" : "rejected")
                    + ": " + why);
        }
        if (!file.status.finished()) {
            throw ProblemException.conflict("payment-file-still-posting", "Payment file " + file.id + " is "
                    + file.status + ": its held batches can be worked once its other batches have posted");
        }
        return batch;
    }

    /** The held batch's lines read again from the stored file, as they were when it was judged. */
    private FileBatch<? extends FileLine> readAgain(PaymentFile file, PaymentFileBatch batch) {
        ParsedPaymentFile<? extends FileLine> parsed = readers.read(file.format, storedContent.bytes(file));
        FileBatch<? extends FileLine> read = batch.seq <= parsed.batches().size() ? parsed.batches().get(batch.seq - 1)
                : null;
        if (read == null || read.firstLine() != batch.firstLine || read.lines().size() != batch.lineCount
                || read.linesTotal().compareTo(batch.lineAmount) != 0) {
            // the stored bytes no longer read the way they did (a reader changed): post nothing on a guess
            throw ProblemException.conflict("payment-file-reads-differently", "Batch " + batch.seq + " of payment file "
                    + file.id + " no longer reads as it was held (" + batch.lineCount + " line(s), $"
                    + batch.lineAmount.toPlainString() + "): nothing posted");
        }
        return read;
    }

    private void decide(PaymentFile file, PaymentFileBatch batch, PaymentFileBatch.Status status,
            PaymentFileBatch.ReviewAction action, String actor, String note, Instant now) {
        batch.status = status;
        batch.reviewAction = action;
        batch.reviewedBy = PaymentFileIntake.abbreviate(actor, 100);
        batch.reviewedAt = now;
        batch.reviewNote = note;
        PaymentFileBatch.flush();
        String outcome = (action == PaymentFileBatch.ReviewAction.RELEASE ? "released" : "rejected") + ": " + note;
        workQueue.closeByReference(PaymentFileIntake.BATCH_OUT_OF_BALANCE, file.id + "/" + batch.seq, actor, outcome);
        if (PaymentFileBatch.count("fileId = ?1 and status = ?2", file.id, PaymentFileBatch.Status.HELD) == 0) {
            workQueue.closeByReference(PaymentFileIntake.FILE_OUT_OF_BALANCE, file.id.toString(), actor,
                    "no batch of the file is held any more; the last " + outcome);
        }
        PaymentFileIntake.finish(file, now);
    }
}
