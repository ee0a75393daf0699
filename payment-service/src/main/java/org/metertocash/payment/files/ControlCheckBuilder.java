package org.metertocash.payment.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader collects for one control record while it walks a file — the totals computed from what it reads,
 * the totals the control record declares, the problems found — and, when the batch or file ends, the problems
 * of the control check itself: no control record, or a count or an amount the record declares that is not what was
 * read. Written once for {@link FileBatch.Builder} (batch controls) and {@link ParsedPaymentFile.Builder} (file
 * trailers).
 *
 * @param <B> the builder itself, so that every method chains
 */
public abstract class ControlCheckBuilder<B extends ControlCheckBuilder<B>> {

    private final String controlField;
    private final String holds;
    private final String addsUpTo;
    private final List<FileProblem> problems = new ArrayList<>();
    private ControlTotals computed = ControlTotals.NONE;
    private ControlTotals declared;
    private int controlLine;
    private String countField;
    private String amountField;
    private String missingControl;
    private int lastLine;

    /**
     * @param controlField   the field a missing control record is reported against ({@code control}, {@code trailer})
     * @param missingControl what to say when there is no control record
     * @param holds          the computed count, in a problem's words ({@code the batch holds})
     * @param addsUpTo       the computed amount, in a problem's words ({@code the batches add up to})
     */
    protected ControlCheckBuilder(String controlField, String missingControl, String holds, String addsUpTo) {
        this.controlField = controlField;
        this.missingControl = missingControl;
        this.holds = holds;
        this.addsUpTo = addsUpTo;
    }

    protected abstract B self();

    /** Adds to the computed totals: what the control record must declare. */
    public B count(long count, BigDecimal amount) {
        computed = computed.plus(count, amount);
        return self();
    }

    public ControlTotals computed() {
        return computed;
    }

    public B problem(FileProblem problem) {
        problems.add(problem);
        return self();
    }

    public int problemCount() {
        return problems.size();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The last line read so far: where a missing control record is reported. */
    public B seen(int lineNumber) {
        lastLine = Math.max(lastLine, lineNumber);
        return self();
    }

    protected int lastLine() {
        return lastLine;
    }

    /** What to say when the batch or file ends without its control record. */
    public B whenControlMissing(String reason) {
        this.missingControl = reason;
        return self();
    }

    /**
     * The control record. {@link #checkedProblems()} compares its count and amount with the computed ones and reports
     * a difference against the named fields; pass {@code amountField = null} when the reader checks the amounts
     * itself (NACHA keeps debits and credits apart).
     */
    public B declare(ControlTotals totals, int lineNumber, String countField, String amountField) {
        this.declared = totals;
        this.controlLine = lineNumber;
        this.countField = countField;
        this.amountField = amountField;
        return self();
    }

    public boolean declared() {
        return declared != null;
    }

    protected ControlTotals declaredTotals() {
        return declared;
    }

    /** The problems collected, then those of the control check. */
    protected List<FileProblem> checkedProblems() {
        List<FileProblem> all = new ArrayList<>(problems);
        if (declared == null) {
            all.add(FileProblem.structure(lastLine, controlField, missingControl));
            return all;
        }
        if (declared.count() != computed.count()) {
            all.add(FileProblem.outOfBalance(controlLine, countField,
                    "declares " + declared.count() + ", " + holds + " " + computed.count()));
        }
        if (amountField != null && declared.amount().compareTo(computed.amount()) != 0) {
            all.add(FileProblem.outOfBalance(controlLine, amountField, "declares " + declared.amount().toPlainString()
                    + ", " + addsUpTo + " " + computed.amount().toPlainString()));
        }
        return all;
    }
}
