package org.metertocash.x12.ack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;

import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Segment;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.ack.FunctionalAcknowledgement.ElementNote;
import org.metertocash.x12.ack.FunctionalAcknowledgement.SegmentNote;
import org.metertocash.x12.ack.FunctionalAcknowledgement.TransactionResponse;

/**
 * Builds the 997 owed for a functional group as the X12 reader read it, from the syntax errors it located: the
 * acknowledgement says exactly what the reader found, no more (a 997 is about syntax only; content is answered by
 * an 824).
 *
 * <ul>
 * <li>A transaction set is accepted (AK501 A) when it has no error and neither has its group nor its interchange
 * envelope — the same rule by which the gateway applies or rejects it. Otherwise it is rejected (R): transaction
 * errors give their codes (718: 1 not supported, 2 trailer missing, 3 control numbers differ, 4 segment count
 * wrong), segment and element errors give an AK3 per segment (720, or 8 when only its elements are wrong) with an
 * AK4 per element (723, its data element reference number from the schema, a copy of the bad data) and AK5 code 5.
 * A set rejected only because its group or envelope is wrong carries no AK5 code: none of 718 describes that.</li>
 * <li>The group (AK9) is A when every set is accepted, R when none is or the group itself is in error (its 716
 * codes, e.g. 4 control numbers differ, 5 wrong count), P otherwise. AK9-02 repeats the number received: the reader
 * does not keep GE01.</li>
 * </ul>
 */
public final class FunctionalAcknowledgementBuilder {

    /** Element references of the envelope segments, which the transaction schemas do not define. */
    private static final Map<String, List<String>> ENVELOPE_REFERENCES = Map.of(
            "ST", List.of("143", "329", "1705"),
            "SE", List.of("96", "329"));

    private final X12Schemas schemas;

    public FunctionalAcknowledgementBuilder(X12Schemas schemas) {
        this.schemas = schemas;
    }

    /** The 997 for a group whose interchange envelope is sound. */
    public FunctionalAcknowledgement acknowledge(FunctionalGroup group) {
        return acknowledge(group, List.of());
    }

    /**
     * The 997 for a group; {@code envelopeErrors} are its interchange's own errors (ISA/IEA), which reject every
     * set of the group without a code of their own (a TA1 reports them).
     *
     * @throws IllegalArgumentException when the group cannot be acknowledged: AK1 must quote a two-character
     *                                  GS01 and a numeric GS06
     */
    public FunctionalAcknowledgement acknowledge(FunctionalGroup group, List<SyntaxError> envelopeErrors) {
        if (group.functionalId() == null || !group.functionalId().matches("[A-Za-z0-9]{2}")) {
            throw new IllegalArgumentException("functional group GS01 '" + group.functionalId()
                    + "' cannot be quoted in AK1-01");
        }
        if (group.controlNumber() == null || !group.controlNumber().matches("\\d{1,9}")) {
            throw new IllegalArgumentException("functional group GS06 '" + group.controlNumber()
                    + "' cannot be quoted in AK1-02");
        }
        List<String> groupCodes = group.errors().stream().filter(e -> e.level() == SyntaxError.Level.GROUP)
                .map(SyntaxError::code).distinct().limit(FunctionalAcknowledgement.MAX_CODES).toList();
        boolean envelopeSound = group.errors().isEmpty() && (envelopeErrors == null || envelopeErrors.isEmpty());
        List<TransactionResponse> responses = new ArrayList<>();
        for (TransactionSet set : group.transactions()) {
            responses.add(respond(set, envelopeSound));
        }
        int received = responses.size();
        int accepted = (int) responses.stream().filter(TransactionResponse::accepted).count();
        String groupCode;
        if (!envelopeSound || (received > 0 && accepted == 0)) {
            groupCode = FunctionalAcknowledgement.REJECTED;
        } else if (accepted < received) {
            groupCode = FunctionalAcknowledgement.PARTIALLY_ACCEPTED;
        } else {
            groupCode = FunctionalAcknowledgement.ACCEPTED;
        }
        return new FunctionalAcknowledgement(group.functionalId(), group.controlNumber(), responses, groupCode,
                received, received, accepted, groupCodes);
    }

    private TransactionResponse respond(TransactionSet set, boolean envelopeSound) {
        Set<String> codes = new LinkedHashSet<>();
        Map<String, List<SyntaxError>> bySegment = new LinkedHashMap<>();
        for (SyntaxError error : set.errors()) {
            switch (error.level()) {
                case TRANSACTION -> codes.add(error.code());
                case SEGMENT, ELEMENT -> {
                    if (error.segmentTag() != null && error.segmentTag().matches("[A-Z0-9]{2,3}")
                            && error.segmentPosition() > 0) {
                        bySegment.computeIfAbsent(error.segmentPosition() + "/" + error.segmentTag(),
                                k -> new ArrayList<>()).add(error);
                    } else {
                        codes.add("5"); // a segment in error that cannot be located
                    }
                }
                default -> {
                    // group and interchange errors are answered at their own level
                }
            }
        }
        List<SegmentNote> notes = new ArrayList<>();
        for (List<SyntaxError> errors : bySegment.values()) {
            notes.add(note(set, errors));
        }
        if (!notes.isEmpty()) {
            codes.add("5"); // one or more segments in error
        }
        boolean accepted = envelopeSound && set.errors().isEmpty();
        return new TransactionResponse(set.type(), set.controlNumber(), notes,
                accepted ? FunctionalAcknowledgement.ACCEPTED : FunctionalAcknowledgement.REJECTED,
                codes.stream().limit(FunctionalAcknowledgement.MAX_CODES).toList());
    }

    private SegmentNote note(TransactionSet set, List<SyntaxError> errors) {
        SyntaxError first = errors.get(0);
        String segmentCode = errors.stream().filter(e -> e.level() == SyntaxError.Level.SEGMENT)
                .map(SyntaxError::code).findFirst().orElse("8"); // 8: segment has data element errors
        Optional<Segment> segment = set.segments().stream()
                .filter(s -> s.position() == first.segmentPosition() && s.tag().equals(first.segmentTag()))
                .findFirst();
        List<ElementNote> elements = new ArrayList<>();
        for (SyntaxError error : errors) {
            if (error.level() != SyntaxError.Level.ELEMENT || error.elementPosition() < 1
                    || error.elementPosition() > 99) {
                continue;
            }
            elements.add(new ElementNote(error.elementPosition(), null,
                    reference(set.type(), error.segmentTag(), error.elementPosition()), error.code(),
                    badData(segment, error)));
        }
        return new SegmentNote(first.segmentTag(), first.segmentPosition(), null, segmentCode, elements);
    }

    /** AK4-02: the data element reference number of an element position, from the transaction's schema. */
    private String reference(String setId, String segmentTag, int elementPosition) {
        List<String> envelope = ENVELOPE_REFERENCES.get(segmentTag);
        if (envelope != null) {
            return elementPosition <= envelope.size() ? envelope.get(elementPosition - 1) : null;
        }
        Optional<Schema> schema;
        try {
            schema = schemas.forTransaction(setId);
        } catch (IllegalStateException e) {
            return null;
        }
        EDIType type = schema.map(s -> s.getType(segmentTag)).orElse(null);
        if (!(type instanceof EDIComplexType segment)) {
            return null;
        }
        List<EDIReference> references = segment.getReferences();
        if (elementPosition > references.size()) {
            return null;
        }
        EDIType element = references.get(elementPosition - 1).getReferencedType();
        String code = element.getCode();
        if (code != null && code.matches("\\d{1,4}")) {
            return code;
        }
        // our schemas name element types "E" + the data element number
        String id = element.getId();
        return id != null && id.matches("E\\d{1,4}") ? id.substring(1) : null;
    }

    /**
     * AK4-04: the bad value, when there is one (not for a missing element) and it can be copied as it is: a value
     * holding one of the delimiters we write with cannot, and is left out rather than altered.
     */
    private static String badData(Optional<Segment> segment, SyntaxError error) {
        if ("1".equals(error.code()) || "2".equals(error.code()) || segment.isEmpty()) {
            return null;
        }
        String value = segment.get().element(error.elementPosition());
        if (value.isBlank() || value.chars().anyMatch(c -> "~*>^".indexOf(c) >= 0 || c < 0x20)) {
            return null;
        }
        return value.length() > 99 ? value.substring(0, 99) : value;
    }
}
