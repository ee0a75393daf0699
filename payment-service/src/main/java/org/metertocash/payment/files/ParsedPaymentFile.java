package org.metertocash.payment.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A payment file as read: its batches, the file's control totals as declared by its trailer and as computed, and
 * the problems that concern the file as a whole (layout, truncation, file totals).
 *
 * <p>The file-level computed totals follow NACHA and BAI2: the file trailer must agree with the batch control
 * records (and the batch records are counted), while each batch's lines are checked against its own control record.
 * So one out-of-balance batch is held on its own, and a file whose trailer disagrees, or that is truncated or laid
 * out wrongly, is held whole: {@link #postableBatches()} is then empty. Nothing half-posts. Balanced and held follow
 * {@link ControlCheck}, the same rule as a batch's.
 */
public record ParsedPaymentFile<L extends FileLine>(
        PaymentFileFormat format,
        String checksum,
        List<FileBatch<L>> batches,
        ControlTotals declared,
        ControlTotals computed,
        List<FileProblem> problems) implements ControlCheck {

    public ParsedPaymentFile {
        batches = List.copyOf(batches);
        problems = List.copyOf(problems);
    }

    /** The batches whose lines may be posted: none when the file is held, else every batch not held. */
    public List<FileBatch<L>> postableBatches() {
        return held() ? List.of() : batches.stream().filter(b -> !b.held()).toList();
    }

    /** The batches to hold as exceptions: all of them when the file is held. */
    public List<FileBatch<L>> heldBatches() {
        return held() ? batches : batches.stream().filter(FileBatch::held).toList();
    }

    /** Every line of every postable batch, in file order. */
    public List<L> postableLines() {
        return postableBatches().stream().flatMap(b -> b.lines().stream()).toList();
    }

    /** The file's problems and every batch's, by line. */
    public List<FileProblem> allProblems() {
        return Stream.concat(problems.stream(), batches.stream().flatMap(b -> b.problems().stream()))
                .sorted(Comparator.comparingInt(FileProblem::lineNumber))
                .toList();
    }

    /** Collects a file while a reader walks it; {@link #build()} adds the file-total problems. */
    public static final class Builder<L extends FileLine> extends ControlCheckBuilder<Builder<L>> {

        private final PaymentFileFormat format;
        private final String checksum;
        private final List<FileBatch<L>> batches = new ArrayList<>();

        public Builder(PaymentFileFormat format, String checksum) {
            super("trailer", "the file has no trailer: it is truncated", "the file holds", "the batches add up to");
            this.format = format;
            this.checksum = checksum;
        }

        @Override
        protected Builder<L> self() {
            return this;
        }

        public String checksum() {
            return checksum;
        }

        public Builder<L> batch(FileBatch<L> batch) {
            batches.add(batch);
            return this;
        }

        public List<FileBatch<L>> batches() {
            return batches;
        }

        public ParsedPaymentFile<L> build() {
            return new ParsedPaymentFile<>(format, checksum, batches, declaredTotals(), computed(), checkedProblems());
        }
    }
}
