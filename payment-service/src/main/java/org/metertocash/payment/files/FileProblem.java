package org.metertocash.payment.files;

/**
 * What is wrong with a file, where: the line (physical line, 1-based; 0 for the file as a whole), the field as the
 * format names it, and the reason in words an operator can act on.
 */
public record FileProblem(int lineNumber, String field, String reason, Kind kind) {

    /** The three ways a file goes wrong; each holds the batch (or the file) it is found in. */
    public enum Kind {
        /** A value that is not allowed: a negative amount, a bad date, an unknown code. */
        INVALID_VALUE,
        /** The file's shape: record length, unknown record type, records out of order, a truncated file. */
        STRUCTURE,
        /** Control totals that do not agree with what the file holds. */
        OUT_OF_BALANCE
    }

    public static FileProblem invalid(int lineNumber, String field, String reason) {
        return new FileProblem(lineNumber, field, reason, Kind.INVALID_VALUE);
    }

    public static FileProblem structure(int lineNumber, String field, String reason) {
        return new FileProblem(lineNumber, field, reason, Kind.STRUCTURE);
    }

    public static FileProblem outOfBalance(int lineNumber, String field, String reason) {
        return new FileProblem(lineNumber, field, reason, Kind.OUT_OF_BALANCE);
    }

    @Override
    public String toString() {
        return "line " + lineNumber + " " + field + ": " + reason;
    }
}
