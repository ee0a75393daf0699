package org.metertocash.x12.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A valid X12 file (written by {@code X12Writer}: delimiters ~ * >, one segment per line) split into its segments,
 * each located the way a 997 locates it — which interchange, which transaction set of that interchange, which
 * position in the set (ST is 1) — so that a mutation of one segment knows where the reader must report it.
 */
final class SourceFile {

    static final char TERMINATOR = '~';
    static final char SEPARATOR = '*';

    /** One segment: its text without the terminator, and where it sits. */
    record Seg(int index, String tag, String text, int start, int end, int interchange, int transaction,
            int position) {

        /** The elements, 1-based as in X12 ({@code element(1)} is the first after the tag). */
        String element(int k) {
            String[] parts = text.split("\\" + SEPARATOR, -1);
            return k < parts.length ? parts[k] : "";
        }
    }

    final String name;
    final String text;
    final List<Seg> segments;
    final int interchanges;

    SourceFile(String name, byte[] content) {
        this(name, new String(content, StandardCharsets.US_ASCII));
    }

    SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        List<Seg> found = new ArrayList<>();
        int interchange = -1;
        int transaction = -1;
        int position = 0;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int end = text.indexOf(TERMINATOR, i);
            if (end < 0) {
                throw new IllegalArgumentException(name + " has an unterminated segment at " + i);
            }
            String segment = text.substring(i, end);
            String tag = segment.contains(String.valueOf(SEPARATOR)) ? segment.substring(0, segment.indexOf(SEPARATOR))
                    : segment;
            switch (tag) {
                case "ISA" -> {
                    interchange++;
                    transaction = -1;
                    position = 0;
                }
                case "ST" -> {
                    transaction++;
                    position = 1;
                }
                default -> {
                    if (position > 0) {
                        position++;
                    }
                }
            }
            boolean inTransaction = position > 0;
            found.add(new Seg(found.size(), tag, segment, i, end, interchange, inTransaction ? transaction : -1,
                    inTransaction ? position : 0));
            if (tag.equals("SE")) {
                position = 0;
            }
            i = end + 1;
        }
        this.segments = List.copyOf(found);
        this.interchanges = interchange + 1;
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    Seg first(Predicate<Seg> which) {
        return segments.stream().filter(which).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no such segment"));
    }

    Seg first(String tag) {
        return first(s -> s.tag().equals(tag));
    }

    Seg first(String tag, int interchange) {
        return first(s -> s.tag().equals(tag) && s.interchange() == interchange);
    }

    List<Seg> all(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).toList();
    }

    /** The file with one segment's text replaced (its terminator kept). */
    String replace(Seg segment, String newText) {
        return text.substring(0, segment.start()) + newText + text.substring(segment.end());
    }

    /** The file with one element of a segment set to {@code value} (elements added as needed). */
    String withElement(Seg segment, int k, String value) {
        return replace(segment, elementReplaced(segment.text(), k, value));
    }

    static String elementReplaced(String segmentText, int k, String value) {
        List<String> parts = new ArrayList<>(List.of(segmentText.split("\\" + SEPARATOR, -1)));
        while (parts.size() <= k) {
            parts.add("");
        }
        parts.set(k, value);
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    /** The file without one segment (and the line break after it). */
    String without(Seg segment) {
        int after = segment.end() + 1;
        while (after < text.length() && (text.charAt(after) == '\n' || text.charAt(after) == '\r')) {
            after++;
        }
        return text.substring(0, segment.start()) + text.substring(after);
    }

    /** The file with a segment inserted after another one. */
    String insertAfter(Seg segment, String newSegment) {
        int at = segment.end() + 1;
        return text.substring(0, at) + "\n" + newSegment + TERMINATOR + text.substring(at);
    }

    /** The SE of the transaction set a segment belongs to. */
    Seg trailerOf(Seg segment) {
        return first(s -> s.tag().equals("SE") && s.interchange() == segment.interchange()
                && s.transaction() == segment.transaction());
    }
}
