package org.metertocash.x12;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One transaction set (ST ... SE) with its segments (ST and SE included) and the errors found in it. */
public record TransactionSet(String type, String controlNumber, List<Segment> segments, List<SyntaxError> errors) {

    public boolean accepted() {
        return errors.isEmpty();
    }

    public Optional<Segment> first(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).findFirst();
    }

    public Stream<Segment> all(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag));
    }

    /** REF02 of the first REF with the given qualifier (REF01), e.g. {@code ref("Q5")} is the ESI ID. */
    public Optional<String> ref(String qualifier) {
        return all("REF").filter(s -> s.element(1).equals(qualifier)).map(s -> s.element(2)).findFirst();
    }

    /** DTM02 of the first DTM with the given qualifier (DTM01), e.g. {@code dtm("150")} is the service start. */
    public Optional<String> dtm(String qualifier) {
        return all("DTM").filter(s -> s.element(1).equals(qualifier)).map(s -> s.element(2)).findFirst();
    }

    public String text(Delimiters delimiters) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            text.append(segment.text(delimiters.element())).append(delimiters.segment());
        }
        return text.toString();
    }
}
