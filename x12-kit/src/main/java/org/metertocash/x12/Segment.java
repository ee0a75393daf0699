package org.metertocash.x12;

import java.util.List;

/**
 * One segment as read: its tag, its elements (1-based in X12 terms: {@code element(1)} is BGN01), and its position
 * in the transaction set (ST is 1), as AK3 reports it.
 */
public record Segment(String tag, List<String> elements, int position) {

    /** The element at an X12 position (1-based); empty string when absent. */
    public String element(int position) {
        return position >= 1 && position <= elements.size() && elements.get(position - 1) != null
                ? elements.get(position - 1) : "";
    }

    public boolean is(String tag, int position, String value) {
        return this.tag.equals(tag) && element(position).equals(value);
    }

    public String text(char elementSeparator) {
        StringBuilder text = new StringBuilder(tag);
        int last = elements.size();
        while (last > 0 && (elements.get(last - 1) == null || elements.get(last - 1).isEmpty())) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            text.append(elementSeparator).append(elements.get(i) == null ? "" : elements.get(i));
        }
        return text.toString();
    }
}
