package org.metertocash.payment.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch of a payment file — a CSV batch, a BAI2 account within a group, a NACHA batch — with its lines, the
 * control totals its control record declares and those computed from what it holds, and every problem found in
 * it. A batch is <em>balanced</em> when the two totals agree; it is <em>held</em> when it is not balanced or has any
 * problem, and then nothing from it may be posted.
 *
 * @param id         the batch as the file names it (CSV batch id, BAI2 group and account, NACHA batch number)
 * @param firstLine  where the batch starts
 * @param lastLine   where it ends (its control record, or the last line seen when that is missing)
 * @param lines      the lines that read cleanly, in file order; a line with a problem is not among them
 * @param declared   as the control record declares them; {@code null} when the batch has no control record
 * @param computed   as counted and summed by the reader, by the format's rule (see {@link ControlTotals})
 * @param problems   what is wrong inside the batch, in file order
 */
public record FileBatch<L extends FileLine>(
        String id,
        int firstLine,
        int lastLine,
        List<L> lines,
        ControlTotals declared,
        ControlTotals computed,
        List<FileProblem> problems) {

    public FileBatch {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** The control record is there and agrees with what the batch holds. */
    public boolean balanced() {
        return declared != null && declared.equals(computed)
                && problems.stream().noneMatch(p -> p.kind() == FileProblem.Kind.OUT_OF_BALANCE);
    }

    /** Out of balance or with any problem: post nothing from this batch, raise it for operations. */
    public boolean held() {
        return !balanced() || !problems.isEmpty();
    }

    /** The sum of the lines that read cleanly. */
    public BigDecimal linesTotal() {
        return lines.stream().map(FileLine::amount).reduce(Cents.zero(), BigDecimal::add);
    }

    /** Collects a batch while a reader walks the file; {@link #build()} adds the control-total problems. */
    public static final class Builder<L extends FileLine> {

        private final String id;
        private final int firstLine;
        private int lastLine;
        private final List<L> lines = new ArrayList<>();
        private final List<FileProblem> problems = new ArrayList<>();
        private ControlTotals computed = ControlTotals.NONE;
        private ControlTotals declared;
        private int controlLine;
        private String countField;
        private String amountField;
        private String missingControl = "the batch has no control record";

        public Builder(String id, int firstLine) {
            this.id = id;
            this.firstLine = firstLine;
            this.lastLine = firstLine;
        }

        public String id() {
            return id;
        }

        public Builder<L> line(L line) {
            lines.add(line);
            return this;
        }

        /** Adds to the computed totals: what the control record must declare. */
        public Builder<L> count(long count, BigDecimal amount) {
            computed = computed.plus(count, amount);
            return this;
        }

        public ControlTotals computed() {
            return computed;
        }

        public Builder<L> problem(FileProblem problem) {
            problems.add(problem);
            return this;
        }

        public int problemCount() {
            return problems.size();
        }

        public Builder<L> seen(int lineNumber) {
            lastLine = Math.max(lastLine, lineNumber);
            return this;
        }

        /** What to say when the batch ends without its control record. */
        public Builder<L> whenControlMissing(String reason) {
            this.missingControl = reason;
            return this;
        }

        /**
         * The batch's control record. {@code build()} compares its count and amount with the computed ones and
         * reports a difference against the named fields; pass {@code amountField = null} when the reader checks
         * the amounts itself (NACHA keeps debits and credits apart).
         */
        public Builder<L> declare(ControlTotals totals, int lineNumber, String countField, String amountField) {
            this.declared = totals;
            this.controlLine = lineNumber;
            this.countField = countField;
            this.amountField = amountField;
            seen(lineNumber);
            return this;
        }

        public boolean declared() {
            return declared != null;
        }

        public FileBatch<L> build() {
            List<FileProblem> all = new ArrayList<>(problems);
            if (declared == null) {
                all.add(FileProblem.structure(lastLine, "control", missingControl));
            } else {
                if (declared.count() != computed.count()) {
                    all.add(FileProblem.outOfBalance(controlLine, countField,
                            "declares " + declared.count() + ", the batch holds " + computed.count()));
                }
                if (amountField != null && declared.amount().compareTo(computed.amount()) != 0) {
                    all.add(FileProblem.outOfBalance(controlLine, amountField, "declares "
                            + declared.amount().toPlainString() + ", the batch adds up to "
                            + computed.amount().toPlainString()));
                }
            }
            return new FileBatch<>(id, firstLine, lastLine, lines, declared, computed, all);
        }
    }
}
