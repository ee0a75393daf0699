package org.metertocash.x12.corpus;

import java.util.ArrayList;
import java.util.List;

import org.metertocash.x12.SyntaxError;

/**
 * One generated broken file and what the reader must say about it: whether it can be read at all (a fatal
 * error), the syntax errors it must report (level, X12 code, segment and element position), and which of its
 * interchanges are untouched by the damage and must be read exactly as they were.
 */
record BrokenFile(String category, String name, byte[] content, boolean fatal, List<Expected> errors,
        List<Integer> intactInterchanges, byte[] original) {

    /**
     * A syntax error the reader must report; {@code null} (or -1 for the transaction) means any value.
     *
     * @param interchange  index of the interchange in the file
     * @param transaction  index of the transaction set in its interchange, -1 for an envelope error
     * @param level        where a 997/TA1 reports it
     * @param codes        the X12 code, or one of several when the standard allows either
     */
    record Expected(int interchange, int transaction, SyntaxError.Level level, List<String> codes, String segmentTag,
            Integer segmentPosition, Integer elementPosition) {

        @Override
        public String toString() {
            return level + " " + String.join("|", codes) + " at " + (segmentTag == null ? "?" : segmentTag)
                    + (segmentPosition == null ? "" : "#" + segmentPosition)
                    + (elementPosition == null ? "" : "/" + elementPosition) + " in interchange " + interchange
                    + (transaction >= 0 ? " transaction " + transaction : "");
        }
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }

    static Builder of(String category, String name, String content) {
        return new Builder(category, name, content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static Builder of(String category, String name, byte[] content) {
        return new Builder(category, name, content);
    }

    /** Builds the expectation of one broken file. */
    static final class Builder {
        private final String category;
        private final String name;
        private final byte[] content;
        private boolean fatal;
        private final List<Expected> errors = new ArrayList<>();
        private final List<Integer> intact = new ArrayList<>();
        private byte[] original;

        private Builder(String category, String name, byte[] content) {
            this.category = category;
            this.name = name;
            this.content = content;
        }

        Builder unreadable() {
            fatal = true;
            return this;
        }

        Builder interchangeError(int interchange, String code, String tag, Integer element) {
            errors.add(new Expected(interchange, -1, SyntaxError.Level.INTERCHANGE, List.of(code), tag, null, element));
            return this;
        }

        Builder groupError(int interchange, String code, String tag, Integer element) {
            errors.add(new Expected(interchange, -1, SyntaxError.Level.GROUP, List.of(code), tag, null, element));
            return this;
        }

        Builder transactionError(int interchange, int transaction, String code, String tag, int position,
                Integer element) {
            errors.add(new Expected(interchange, transaction, SyntaxError.Level.TRANSACTION, List.of(code), tag,
                    position, element));
            return this;
        }

        Builder segmentError(int interchange, int transaction, List<String> codes, String tag, int position) {
            errors.add(new Expected(interchange, transaction, SyntaxError.Level.SEGMENT, codes, tag, position, null));
            return this;
        }

        Builder elementError(int interchange, int transaction, String code, String tag, int position, int element) {
            errors.add(new Expected(interchange, transaction, SyntaxError.Level.ELEMENT, List.of(code), tag, position,
                    element));
            return this;
        }

        /** These interchanges of the file must read exactly as in {@code source}, the valid file it was made from. */
        Builder intact(SourceFile source, int... interchanges) {
            this.original = source.bytes();
            for (int i : interchanges) {
                intact.add(i);
            }
            return this;
        }

        BrokenFile build() {
            return new BrokenFile(category, name, content, fatal, List.copyOf(errors), List.copyOf(intact), original);
        }
    }
}
