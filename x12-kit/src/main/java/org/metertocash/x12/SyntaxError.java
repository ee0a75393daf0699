package org.metertocash.x12;

/**
 * A syntax error found while reading, located as a 997 locates it: the segment position within its transaction
 * set (AK3-02), the segment tag (AK3-01), the element position (AK4-01, 0 when the error is the segment's), and
 * the X12 code: AK3-04 (data element 720) for segment errors, AK4-03 (723) for element errors, AK5-02 (718) for
 * transaction errors, AK9-05 (716) for group errors, TA1-05 (I18) for interchange errors. Interchange and group
 * errors have segment position 0.
 */
public record SyntaxError(Level level, int segmentPosition, String segmentTag, int elementPosition, String code,
        String description) {

    public enum Level {
        INTERCHANGE, GROUP, TRANSACTION, SEGMENT, ELEMENT
    }

    @Override
    public String toString() {
        return level + " error " + code + " at " + segmentTag + (segmentPosition > 0 ? "#" + segmentPosition : "")
                + (elementPosition > 0 ? String.format("%02d", elementPosition) : "") + ": " + description;
    }
}
