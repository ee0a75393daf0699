package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.PaymentFileFormat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment file as operations see it: where it stands, its checksum and format, the trailer's totals declared and
 * computed, the progress of its lines and their sums, and per batch the control totals declared and computed with
 * what was posted, left unapplied, held or rejected, and operations' decision on a held batch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentFileView(UUID id, String fileName, PaymentFileFormat format, String sha256, long sizeBytes,
        PaymentFile.Source source, String submittedBy, Instant receivedAt, PaymentFileStatus status,
        Instant statusChangedAt, Totals declared, Totals computed, Lines lines, Amounts amounts,
        Instant postingStartedAt, Instant postingFinishedAt, Integer problemCount, List<Problem> problems,
        List<Batch> batches) {

    /** A count and a sum. */
    public record Totals(long count, BigDecimal amount) {

        static Totals of(Long count, BigDecimal amount) {
            return count == null || amount == null ? null : new Totals(count, amount);
        }
    }

    /**
     * The file's lines: read cleanly ({@code total}), in batches that post ({@code toPost}), done so far, and where
     * they went; {@code recorded} counts a NACHA file's returns and notifications of change.
     */
    public record Lines(int total, int toPost, int done, int posted, int unapplied, int held, int failed,
            int recorded, int rejected) {
    }

    /** The sums of those lines. */
    public record Amounts(BigDecimal total, BigDecimal posted, BigDecimal unapplied, BigDecimal held,
            BigDecimal failed, BigDecimal rejected) {
    }

    /** A problem found in the file: where, which field, why. */
    public record Problem(int line, String field, String reason, FileProblem.Kind kind) {

        static Problem of(FileProblem problem) {
            return new Problem(problem.lineNumber(), problem.field(), problem.reason(), problem.kind());
        }
    }

    /**
     * One batch: control totals declared and computed, the lines it holds and where their money went, and for a batch
     * that was held what operations decided ({@code review}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Batch(int seq, String batchId, int firstLine, int lastLine, PaymentFileBatch.Status status,
            boolean balanced, Totals declared, Totals computed, Totals lines, Totals posted, Totals unapplied,
            Totals held, Totals rejected, List<Problem> problems, Review review) {
    }

    /** Operations' decision on a held batch: release or reject, by whom, when, why. */
    public record Review(PaymentFileBatch.ReviewAction action, String actor, Instant at, String note) {

        static Review of(PaymentFileBatch batch) {
            return batch.reviewAction == null ? null
                    : new Review(batch.reviewAction, batch.reviewedBy, batch.reviewedAt, batch.reviewNote);
        }
    }

    /** A file without its batches and problems, for lists. */
    public static PaymentFileView summary(PaymentFile file) {
        return of(file, null, null);
    }

    static PaymentFileView of(PaymentFile f, List<Batch> batches, List<Problem> problems) {
        return new PaymentFileView(f.id, f.fileName, f.format, f.sha256, f.sizeBytes, f.source, f.submittedBy,
                f.receivedAt, f.status, f.statusChangedAt, Totals.of(f.declaredCount, f.declaredAmount),
                Totals.of(f.computedCount, f.computedAmount),
                new Lines(f.linesTotal, f.linesToPost, f.linesDone, f.linesPosted, f.linesUnapplied, f.linesHeld,
                        f.linesFailed, f.linesRecorded, f.linesRejected),
                new Amounts(f.amountTotal, f.amountPosted, f.amountUnapplied, f.amountHeld, f.amountFailed,
                        f.amountRejected),
                f.postingStartedAt, f.postingFinishedAt, f.problemCount == 0 ? null : f.problemCount, problems,
                batches);
    }
}
