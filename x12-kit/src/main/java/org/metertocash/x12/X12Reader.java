package org.metertocash.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * Reads an X12 file with StAEDI: envelope structure and control numbers/counts validated by StAEDI's control
 * schema, each transaction set validated against its schema ({@link X12Schemas}). Several interchanges per
 * file and several groups and transactions per interchange. Never throws for bad input: what cannot be read is
 * reported in {@link ParsedFile#fatalError()}, every other problem as a located {@link SyntaxError}.
 */
public final class X12Reader {

    private final X12Schemas schemas;

    public X12Reader(X12Schemas schemas) {
        this.schemas = schemas;
    }

    public ParsedFile read(byte[] content) {
        List<Interchange> interchanges = new ArrayList<>();
        if (content == null || content.length == 0) {
            return new ParsedFile(interchanges, "the file is empty");
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        Walk walk = new Walk(interchanges);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(content))) {
            while (reader.hasNext()) {
                walk.on(reader, reader.next());
            }
            if (!walk.open.isEmpty()) {
                return new ParsedFile(walk.closeAll(), "the file ends inside " + walk.open);
            }
            if (interchanges.isEmpty()) {
                return new ParsedFile(interchanges, "no ISA interchange found");
            }
            return new ParsedFile(interchanges, null);
        } catch (EDIStreamException | RuntimeException e) {
            return new ParsedFile(walk.closeAll(), describe(e));
        } catch (IOException e) {
            return new ParsedFile(walk.closeAll(), "unreadable: " + e.getMessage());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "not a readable X12 interchange: " + message;
    }

    /** Builds the model from the reader's events. */
    private final class Walk {
        final List<Interchange> interchanges;
        String open = "";

        // interchange
        Segment isa;
        Delimiters delimiters;
        List<FunctionalGroup> groups;
        List<SyntaxError> interchangeErrors;
        // group
        Segment gs;
        List<TransactionSet> transactions;
        List<SyntaxError> groupErrors;
        // transaction
        Segment st;
        List<Segment> segments;
        List<SyntaxError> transactionErrors;
        int position;
        // segment
        String tag;
        List<String> elements;
        StringBuilder composite;

        Walk(List<Interchange> interchanges) {
            this.interchanges = interchanges;
        }

        void on(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            switch (event) {
                case START_INTERCHANGE -> {
                    open = "an interchange";
                    isa = null;
                    groups = new ArrayList<>();
                    interchangeErrors = new ArrayList<>();
                    Map<String, Character> d = reader.getDelimiters();
                    delimiters = new Delimiters(d.getOrDefault(EDIStreamConstants.Delimiters.SEGMENT, '~'),
                            d.getOrDefault(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*'),
                            d.getOrDefault(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, '>'),
                            d.getOrDefault(EDIStreamConstants.Delimiters.REPETITION, '^'));
                }
                case START_GROUP -> {
                    open = "a functional group";
                    transactions = new ArrayList<>();
                    groupErrors = new ArrayList<>();
                }
                case START_TRANSACTION -> {
                    open = "a transaction set";
                    segments = new ArrayList<>();
                    transactionErrors = new ArrayList<>();
                    position = 0;
                }
                case START_SEGMENT -> {
                    tag = reader.getText();
                    elements = new ArrayList<>();
                    if (segments != null) {
                        position++;
                    }
                }
                case START_COMPOSITE -> composite = new StringBuilder();
                case END_COMPOSITE -> {
                    place(reader.getLocation().getElementPosition(), composite.toString());
                    composite = null;
                }
                case ELEMENT_DATA -> {
                    if (composite != null) {
                        if (reader.getLocation().getComponentPosition() > 1) {
                            composite.append(delimiters.component());
                        }
                        composite.append(reader.getText());
                    } else {
                        place(reader.getLocation().getElementPosition(), reader.getText());
                    }
                }
                case END_SEGMENT -> endSegment(reader);
                case END_TRANSACTION -> {
                    if (groups != null && transactions != null) {
                        transactions.add(new TransactionSet(st == null ? "" : st.element(1),
                                st == null ? "" : st.element(2), List.copyOf(segments), List.copyOf(transactionErrors)));
                    }
                    segments = null;
                    st = null;
                    open = "a functional group";
                }
                case END_GROUP -> {
                    groups.add(new FunctionalGroup(gs == null ? "" : gs.element(1), gs == null ? "" : gs.element(2),
                            gs == null ? "" : gs.element(3), gs == null ? "" : gs.element(6),
                            gs == null ? "" : gs.element(8), List.copyOf(transactions), List.copyOf(groupErrors)));
                    transactions = null;
                    gs = null;
                    open = "an interchange";
                }
                case END_INTERCHANGE -> {
                    interchanges.add(interchange());
                    open = "";
                }
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, event);
                default -> {
                    // loops and binary data carry nothing the model needs
                }
            }
        }

        private void place(int elementPosition, String value) {
            int index = Math.max(elementPosition, 1) - 1;
            while (elements.size() <= index) {
                elements.add("");
            }
            String existing = elements.get(index);
            // a repeated element: keep the repetitions together, separated as in the file
            elements.set(index, existing.isEmpty() ? value : existing + delimiters.repetition() + value);
        }

        private void endSegment(EDIStreamReader reader) {
            Segment segment = new Segment(tag, List.copyOf(elements), segments != null ? position : 0);
            switch (tag) {
                case "ISA" -> isa = segment;
                case "GS" -> gs = segment;
                case "ST" -> {
                    st = segment;
                    Schema schema = schemas.forTransaction(segment.element(1)).orElse(null);
                    if (schema != null) {
                        reader.setTransactionSchema(schema);
                    } else {
                        transactionErrors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, position, "ST", 1, "1",
                                "transaction set " + segment.element(1) + " is not supported"));
                    }
                }
                default -> {
                    // body segment
                }
            }
            if (segments != null) {
                segments.add(segment);
            }
        }

        private void error(EDIStreamReader reader, EDIStreamEvent event) {
            EDIStreamValidationError type = reader.getErrorType();
            Location location = reader.getLocation();
            String segmentTag = location.getSegmentTag() != null ? location.getSegmentTag()
                    : event == EDIStreamEvent.SEGMENT_ERROR ? reader.getText() : tag;
            if (event == EDIStreamEvent.SEGMENT_ERROR && reader.getText() != null) {
                segmentTag = reader.getText();
            }
            int elementPosition = event == EDIStreamEvent.SEGMENT_ERROR ? 0 : location.getElementPosition();
            SyntaxError error = X12ErrorCodes.classify(type, segmentTag, segments != null ? Math.max(position, 1) : 0,
                    elementPosition);
            switch (error.level()) {
                case INTERCHANGE -> {
                    if (interchangeErrors != null) {
                        interchangeErrors.add(error);
                    }
                }
                case GROUP -> {
                    if (groupErrors != null) {
                        groupErrors.add(error);
                    } else if (interchangeErrors != null) {
                        interchangeErrors.add(error);
                    }
                }
                default -> {
                    if (transactionErrors != null) {
                        transactionErrors.add(error);
                    } else if (groupErrors != null) {
                        groupErrors.add(error);
                    } else if (interchangeErrors != null) {
                        interchangeErrors.add(error);
                    }
                }
            }
        }

        private Interchange interchange() {
            Segment header = isa != null ? isa : new Segment("ISA", List.of(), 0);
            return new Interchange(header.element(5), header.element(6).trim(), header.element(7),
                    header.element(8).trim(), header.element(9), header.element(10), header.element(13),
                    header.element(15), delimiters, List.copyOf(groups), List.copyOf(interchangeErrors));
        }

        /** What was read before the reader stopped. */
        List<Interchange> closeAll() {
            if (groups != null && !open.isEmpty()) {
                if (segments != null && transactions != null) {
                    List<SyntaxError> errors = new ArrayList<>(transactionErrors);
                    errors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, position, "SE", 0, "2",
                            "transaction set trailer missing"));
                    transactions.add(new TransactionSet(st == null ? "" : st.element(1), st == null ? "" : st.element(2),
                            List.copyOf(segments), errors));
                }
                if (transactions != null) {
                    List<SyntaxError> errors = new ArrayList<>(groupErrors);
                    errors.add(new SyntaxError(SyntaxError.Level.GROUP, 0, "GE", 0, "3", "functional group trailer missing"));
                    groups.add(new FunctionalGroup(gs == null ? "" : gs.element(1), gs == null ? "" : gs.element(2),
                            gs == null ? "" : gs.element(3), gs == null ? "" : gs.element(6),
                            gs == null ? "" : gs.element(8), List.copyOf(transactions), errors));
                }
                interchangeErrors.add(new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, "IEA", 0, "023",
                        "interchange trailer missing (the file ends inside " + open + ")"));
                interchanges.add(interchange());
                open = "";
            }
            return interchanges;
        }
    }
}
