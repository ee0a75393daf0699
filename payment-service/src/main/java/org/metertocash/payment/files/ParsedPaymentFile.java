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
 * out wrongly, is held whole: {@link #postableBatches()} is then empty. Nothing half-posts.
 */
public record ParsedPaymentFile<L extends FileLine>(
        PaymentFileFormat format,
        String checksum,
        List<FileBatch<L>> batches,
        ControlTotals declared,
        ControlTotals computed,
        List<FileProblem> problems) {

    public ParsedPaymentFile {
        batches = List.copyOf(batches);
        problems = List.copyOf(problems);
    }

    /** The file trailer is there and agrees with the batches. */
    public boolean balanced() {
        return declared != null && declared.equals(computed)
                && problems.stream().noneMatch(p -> p.kind() == FileProblem.Kind.OUT_OF_BALANCE);
    }

    /** The file as a whole cannot be trusted: hold every batch, post nothing. */
    public boolean held() {
        return !balanced() || !problems.isEmpty();
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
    public static final class Builder<L extends FileLine> {

        private final PaymentFileFormat format;
        private final String checksum;
        private final List<FileBatch<L>> batches = new ArrayList<>();
        private final List<FileProblem> problems = new ArrayList<>();
        private ControlTotals computed = ControlTotals.NONE;
        private ControlTotals declared;
        private int controlLine;
        private String countField;
        private String amountField;
        private String missingControl = "the file has no trailer: it is truncated";
        private int lastLine;

        public Builder(PaymentFileFormat format, String checksum) {
            this.format = format;
            this.checksum = checksum;
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

        public Builder<L> count(long count, java.math.BigDecimal amount) {
            computed = computed.plus(count, amount);
            return this;
        }

        public Builder<L> problem(FileProblem problem) {
            problems.add(problem);
            return this;
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        public Builder<L> seen(int lineNumber) {
            lastLine = Math.max(lastLine, lineNumber);
            return this;
        }

        public Builder<L> whenControlMissing(String reason) {
            this.missingControl = reason;
            return this;
        }

        /** The file trailer; see {@link FileBatch.Builder#declare}. */
        public Builder<L> declare(ControlTotals totals, int lineNumber, String countField, String amountField) {
            this.declared = totals;
            this.controlLine = lineNumber;
            this.countField = countField;
            this.amountField = amountField;
            return this;
        }

        public boolean declared() {
            return declared != null;
        }

        public ParsedPaymentFile<L> build() {
            List<FileProblem> all = new ArrayList<>(problems);
            if (declared == null) {
                all.add(FileProblem.structure(lastLine, "trailer", missingControl));
            } else {
                if (declared.count() != computed.count()) {
                    all.add(FileProblem.outOfBalance(controlLine, countField,
                            "declares " + declared.count() + ", the file holds " + computed.count()));
                }
                if (amountField != null && declared.amount().compareTo(computed.amount()) != 0) {
                    all.add(FileProblem.outOfBalance(controlLine, amountField, "declares "
                            + declared.amount().toPlainString() + ", the batches add up to "
                            + computed.amount().toPlainString()));
                }
            }
            return new ParsedPaymentFile<>(format, checksum, batches, declared, computed, all);
        }
    }
}
