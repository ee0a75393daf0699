package org.metertocash.payment.files.nacha;

/** A 94-character NACHA record and its fields by the 1-based, inclusive positions the NACHA rules give them. */
record NachaRecord(int lineNumber, String text) {

    static final int LENGTH = 94;
    static final String FILLER = "9".repeat(LENGTH);

    char type() {
        return text.isEmpty() ? ' ' : text.charAt(0);
    }

    /** Positions {@code from}–{@code to} as written. */
    String raw(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** Positions {@code from}–{@code to} without the padding. */
    String field(int from, int to) {
        return raw(from, to).strip();
    }

    boolean isFiller() {
        return text.equals(FILLER);
    }
}
