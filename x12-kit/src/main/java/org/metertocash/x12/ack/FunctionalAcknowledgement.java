package org.metertocash.x12.ack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.x12.Delimiters;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * A 997 Functional Acknowledgment (ANSI X12 004010) as a value, in either direction: the one we owe a partner for
 * each functional group received (built by {@link FunctionalAcknowledgementBuilder}, written with {@link #body()}),
 * or one a partner sent us about our group (parsed with {@link #read(TransactionSet)}).
 *
 * <p>AK1 names the group ({@code functionalId} GS01, {@code groupControlNumber} GS06); one {@link TransactionResponse}
 * per transaction set (AK2 ... AK5); AK9 the group's verdict ({@code groupCode}) and its counts (included, received,
 * accepted) with up to five group error codes (data element 716).
 *
 * @param functionalId       AK1-01, the acknowledged group's GS01 (e.g. GE for 814s)
 * @param groupControlNumber AK1-02, the acknowledged group's GS06
 * @param transactions       the AK2 loops, in the group's order
 * @param groupCode          AK9-01: A accepted, E accepted with errors noted, P partially accepted, R rejected
 *                           (M, W, X are security rejections)
 * @param included           AK9-02, the number of transaction sets the group's trailer declared
 * @param received           AK9-03, the number of transaction sets received
 * @param accepted           AK9-04, the number of transaction sets accepted
 * @param groupErrorCodes    AK9-05..09, functional group syntax error codes (716)
 */
public record FunctionalAcknowledgement(String functionalId, String groupControlNumber,
        List<TransactionResponse> transactions, String groupCode, int included, int received, int accepted,
        List<String> groupErrorCodes) {

    /** AK501 / AK901: the transaction set (or group) was accepted. */
    public static final String ACCEPTED = "A";
    /** AK501 / AK901: accepted, but errors were noted. */
    public static final String ACCEPTED_WITH_ERRORS = "E";
    /** AK901 only: at least one transaction set of the group was rejected. */
    public static final String PARTIALLY_ACCEPTED = "P";
    /** AK501 / AK901: rejected. */
    public static final String REJECTED = "R";

    /** The functional identifier (GS01) of a group of 997s. */
    public static final String FUNCTIONAL_ID = "FA";
    /** ST01 of a 997. */
    public static final String SET_ID = "997";

    /** The most error codes AK5 (AK502..AK506) and AK9 (AK905..AK909) can carry. */
    static final int MAX_CODES = 5;
    /** The most AK4 notes one AK3 may carry. */
    static final int MAX_ELEMENT_NOTES = 99;

    public FunctionalAcknowledgement {
        transactions = List.copyOf(transactions);
        groupErrorCodes = List.copyOf(groupErrorCodes);
    }

    /**
     * One AK2 loop: the transaction set (ST01, ST02), a note per segment in error (AK3 with its AK4s) and the
     * verdict (AK501) with up to five transaction set syntax error codes (AK502..AK506, data element 718).
     */
    public record TransactionResponse(String setId, String controlNumber, List<SegmentNote> segmentNotes, String code,
            List<String> errorCodes) {

        public TransactionResponse {
            segmentNotes = List.copyOf(segmentNotes);
            errorCodes = List.copyOf(errorCodes);
        }

        public boolean accepted() {
            return isAccepted(code);
        }
    }

    /**
     * AK3: the segment in error, by its tag, its position in the transaction set (ST is 1), its loop identifier
     * (AK3-03; only bounded LS/LE loops have one, which no Texas SET set uses, so usually null) and the segment
     * syntax error code (AK3-04, data element 720; 8 when only its elements are in error).
     */
    public record SegmentNote(String segmentId, int position, String loopId, String errorCode,
            List<ElementNote> elementNotes) {

        public SegmentNote {
            elementNotes = List.copyOf(elementNotes);
        }
    }

    /**
     * AK4: the element in error by its position in the segment (AK4-01, composite C030: the element and, for a
     * component, its position in the composite), its data element reference number (AK4-02, e.g. 373 for a date),
     * the element syntax error code (AK4-03, data element 723) and a copy of the bad data (AK4-04).
     */
    public record ElementNote(int position, Integer componentPosition, String reference, String errorCode,
            String badData) {
    }

    /** True for the codes that accept (A, E; and P for a group, which accepted some). */
    public static boolean isAccepted(String code) {
        return ACCEPTED.equals(code) || ACCEPTED_WITH_ERRORS.equals(code);
    }

    /** The AK2 loop about a transaction set of the group, by its ST02. */
    public Optional<TransactionResponse> responseTo(String controlNumber) {
        return transactions.stream().filter(t -> t.controlNumber().equals(controlNumber)).findFirst();
    }

    /**
     * The verdict on one transaction set of the group: its own AK501 when the 997 has an AK2 loop for it; otherwise
     * what AK9 implies for the sets it does not list (X12: an accepted or partially accepted group accepts the sets
     * it does not mention, a rejected group rejects them all).
     */
    public String codeFor(String controlNumber) {
        return responseTo(controlNumber).map(TransactionResponse::code)
                .orElse(isAccepted(groupCode) || PARTIALLY_ACCEPTED.equals(groupCode) ? ACCEPTED : REJECTED);
    }

    /**
     * The segments between ST and SE. An AK2 loop is written only for a transaction set whose ST01 and ST02 can be
     * quoted (three characters; four to nine); it is still counted as received and, having no valid header,
     * rejected. An AK4-01 component position is not written: the X12 writer writes simple elements only and none
     * of the Texas SET 004010 schemas read here has a composite element, so it is never known.
     */
    public List<Segment> body() {
        List<Segment> body = new ArrayList<>();
        body.add(segment("AK1", functionalId, groupControlNumber));
        for (TransactionResponse response : transactions) {
            if (!quotable(response)) {
                continue;
            }
            body.add(segment("AK2", response.setId(), response.controlNumber()));
            for (SegmentNote note : response.segmentNotes()) {
                body.add(segment("AK3", note.segmentId(), Integer.toString(note.position()),
                        note.loopId() == null ? "" : note.loopId(), note.errorCode()));
                for (ElementNote element : note.elementNotes().stream().limit(MAX_ELEMENT_NOTES).toList()) {
                    body.add(segment("AK4", Integer.toString(element.position()),
                            element.reference() == null ? "" : element.reference(), element.errorCode(),
                            element.badData() == null ? "" : element.badData()));
                }
            }
            List<String> ak5 = new ArrayList<>(List.of(response.code()));
            ak5.addAll(response.errorCodes().stream().limit(MAX_CODES).toList());
            body.add(segment("AK5", ak5.toArray(String[]::new)));
        }
        List<String> ak9 = new ArrayList<>(List.of(groupCode, Integer.toString(included), Integer.toString(received),
                Integer.toString(accepted)));
        ak9.addAll(groupErrorCodes.stream().limit(MAX_CODES).toList());
        body.add(segment("AK9", ak9.toArray(String[]::new)));
        return body;
    }

    /** The transaction set's text, as a partner's translator would log it (for tests and the transaction log). */
    public String text(Delimiters delimiters) {
        StringBuilder text = new StringBuilder();
        body().forEach(s -> text.append(s.text(delimiters.element())).append(delimiters.segment()));
        return text.toString();
    }

    static boolean quotable(TransactionResponse response) {
        return response.setId() != null && response.setId().matches("[A-Za-z0-9]{3}")
                && response.controlNumber() != null && response.controlNumber().matches("[A-Za-z0-9]{4,9}");
    }

    /**
     * Reads a 997 a partner sent (a transaction set read by the X12 reader with the 997 schema). Tolerant of what
     * the schema lets through: a missing AK9 leaves the group code empty.
     */
    public static FunctionalAcknowledgement read(TransactionSet set) {
        String functionalId = "";
        String groupControlNumber = "";
        List<TransactionResponse> responses = new ArrayList<>();
        String groupCode = "";
        int included = 0;
        int received = 0;
        int accepted = 0;
        List<String> groupCodes = new ArrayList<>();
        // the AK2 loop being read
        String setId = null;
        String controlNumber = null;
        List<SegmentNote> notes = new ArrayList<>();
        SegmentNote note = null;
        List<ElementNote> elements = new ArrayList<>();
        for (Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "AK1" -> {
                    functionalId = segment.element(1);
                    groupControlNumber = segment.element(2);
                }
                case "AK2" -> {
                    setId = segment.element(1);
                    controlNumber = segment.element(2);
                    notes = new ArrayList<>();
                    note = null;
                }
                case "AK3" -> {
                    if (note != null) {
                        notes.add(new SegmentNote(note.segmentId(), note.position(), note.loopId(), note.errorCode(),
                                elements));
                    }
                    note = new SegmentNote(segment.element(1), number(segment.element(2)),
                            blankToNull(segment.element(3)), blankToNull(segment.element(4)), List.of());
                    elements = new ArrayList<>();
                }
                case "AK4" -> {
                    String[] position = segment.element(1).split("\\D+");
                    elements.add(new ElementNote(number(position.length > 0 ? position[0] : ""),
                            position.length > 1 ? number(position[1]) : null, blankToNull(segment.element(2)),
                            segment.element(3), blankToNull(segment.element(4))));
                }
                case "AK5" -> {
                    if (note != null) {
                        notes.add(new SegmentNote(note.segmentId(), note.position(), note.loopId(), note.errorCode(),
                                elements));
                        note = null;
                    }
                    responses.add(new TransactionResponse(setId == null ? "" : setId,
                            controlNumber == null ? "" : controlNumber, notes, segment.element(1),
                            codes(segment, 2, 6)));
                    setId = null;
                    controlNumber = null;
                    notes = new ArrayList<>();
                }
                case "AK9" -> {
                    groupCode = segment.element(1);
                    included = number(segment.element(2));
                    received = number(segment.element(3));
                    accepted = number(segment.element(4));
                    groupCodes = codes(segment, 5, 9);
                }
                default -> {
                    // ST, SE
                }
            }
        }
        return new FunctionalAcknowledgement(functionalId, groupControlNumber, responses, groupCode, included,
                received, accepted, groupCodes);
    }

    private static List<String> codes(Segment segment, int from, int to) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (!segment.element(i).isBlank()) {
                codes.add(segment.element(i));
            }
        }
        return codes;
    }

    private static int number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Segment segment(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }
}
