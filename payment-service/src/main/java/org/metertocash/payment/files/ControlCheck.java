package org.metertocash.payment.files;

import java.util.List;

/**
 * The one rule that decides whether a batch — or a whole file — may post: its control record (batch control, file
 * trailer) is there and agrees with what it holds ({@linkplain #balanced() balanced}), and nothing else is wrong
 * with it; otherwise it is {@linkplain #held() held} and nothing from it posts. {@link FileBatch} and
 * {@link ParsedPaymentFile} judge themselves by it, and the stored batches of a file are shown by it.
 */
public interface ControlCheck {

    /** As the control record declares them; {@code null} when there is no control record. */
    ControlTotals declared();

    /** As counted and summed by the reader, by the format's rule. */
    ControlTotals computed();

    /** What is wrong, in file order. */
    List<FileProblem> problems();

    /** The control record is there and agrees with what it controls. */
    default boolean balanced() {
        return balanced(declared(), computed(), problems());
    }

    /** Out of balance or with any problem: post nothing from it, raise it for operations. */
    default boolean held() {
        return !balanced() || !problems().isEmpty();
    }

    /**
     * Whether these totals and problems make a balanced batch or file: a control record that declares what was
     * computed, and no problem of kind {@link FileProblem.Kind#OUT_OF_BALANCE} (a reader that checks more than the
     * count and one amount — NACHA's entry hash, debits and credits apart — reports the rest that way).
     */
    static boolean balanced(ControlTotals declared, ControlTotals computed, List<FileProblem> problems) {
        return declared != null && declared.equals(computed)
                && problems.stream().noneMatch(p -> p.kind() == FileProblem.Kind.OUT_OF_BALANCE);
    }
}
