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
        List<FileProblem> problems) implements ControlCheck {

    public FileBatch {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** The sum of the lines that read cleanly. */
    public BigDecimal linesTotal() {
        return lines.stream().map(FileLine::amount).reduce(Cents.zero(), BigDecimal::add);
    }

    /** Collects a batch while a reader walks the file; {@link #build()} adds the control-total problems. */
    public static final class Builder<L extends FileLine> extends ControlCheckBuilder<Builder<L>> {

        private final String id;
        private final int firstLine;
        private final List<L> lines = new ArrayList<>();

        public Builder(String id, int firstLine) {
            super("control", "the batch has no control record", "the batch holds", "the batch adds up to");
            this.id = id;
            this.firstLine = firstLine;
            seen(firstLine);
        }

        @Override
        protected Builder<L> self() {
            return this;
        }

        public String id() {
            return id;
        }

        public Builder<L> line(L line) {
            lines.add(line);
            return this;
        }

        /** The batch's control record; see {@link ControlCheckBuilder#declare}. It is the batch's last line. */
        @Override
        public Builder<L> declare(ControlTotals totals, int lineNumber, String countField, String amountField) {
            seen(lineNumber);
            return super.declare(totals, lineNumber, countField, amountField);
        }

        public FileBatch<L> build() {
            return new FileBatch<>(id, firstLine, lastLine(), lines, declaredTotals(), computed(), checkedProblems());
        }
    }
}
