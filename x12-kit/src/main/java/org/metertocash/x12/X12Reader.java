package org.metertocash.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * reported in {@link ParsedFile#fatalError()}, every other problem as a located {@link SyntaxError} coded as a
 * 997 or TA1 reports it ({@link X12ErrorCodes}).
 *
 * <p>Each interchange is read on its own (the file is split where an ISA begins), so a broken interchange —
 * truncated, with a corrupt ISA, missing its IEA — does not take the others with it: the file then has a fatal
 * error, the broken interchange is listed with its TA1 code, and the interchanges after it are still read.
 *
 * <p>Beyond StAEDI's checks it reports what StAEDI cannot see: an ISA that is not 106 characters or whose
 * separators are not distinct (TA1 0xx for the element that is off), a control version other than 00401 (TA1 003)
 * or a group version other than 004010 (AK9 2), a transaction set control number used twice in one group
 * (AK5 23) and an ST opening a new transaction set before the previous one's SE (AK5 2).
 */
public final class X12Reader {

    /** The only control version and group version of the Texas SET guides (ANSI X12 004010). */
    static final String CONTROL_VERSION = "00401";
    static final String GROUP_VERSION = "004010";

    /** An ISA segment is fixed-width: 106 characters, its 16 element separators at these offsets. */
    private static final int ISA_LENGTH = 106;
    private static final int[] ISA_SEPARATORS = { 3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103 };

    /** How StAEDI says the data ended inside a segment or an envelope (EDIE005). */
    private static final String END_OF_STREAM = "Unexpected end of stream";
    /** Marks an interchange whose bytes are not UTF-8, to be read again as ISO-8859-1. */
    private static final String MALFORMED = new String("malformed input");

    private final X12Schemas schemas;
    /** Configured once; creating a reader from it changes nothing in it, so one factory serves every thread. */
    private final EDIInputFactory factory;

    public X12Reader(X12Schemas schemas) {
        this.schemas = schemas;
        this.factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
    }

    public ParsedFile read(byte[] content) {
        List<Interchange> interchanges = new ArrayList<>();
        if (content == null || content.length == 0) {
            return new ParsedFile(interchanges, "the file is empty");
        }
        int begin = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0; // a UTF-8 byte order mark, as some editors save files
        int[] starts = interchangeStarts(content, begin);
        Texts texts = new Texts();
        String fatal = null;
        if (starts.length == 0) {
            // no ISA anywhere: StAEDI says what the content is not
            fatal = readInterchange(content, begin, content.length, true, interchanges, texts);
        } else if (firstNonBlank(content, begin, starts[0]) < starts[0]) {
            fatal = "the file does not begin with an ISA segment: " + (starts[0] - begin)
                    + " bytes of other content precede the first interchange";
        }
        for (int k = 0; k < starts.length; k++) {
            boolean last = k == starts.length - 1;
            int end = last ? content.length : starts[k + 1];
            String failure = readInterchange(content, starts[k], end, last, interchanges, texts);
            if (failure != null && fatal == null) {
                fatal = starts.length == 1 ? failure
                        : "interchange " + (k + 1) + " of " + starts.length + " (byte " + starts[k] + "): " + failure;
            }
        }
        if (fatal == null && interchanges.isEmpty()) {
            fatal = "no ISA interchange found";
        }
        return new ParsedFile(interchanges, fatal);
    }

    /** Reads the interchange in {@code content[from, to)}; returns why it could not be read to its end, or null. */
    private String readInterchange(byte[] content, int from, int to, boolean last, List<Interchange> interchanges,
            Texts texts) {
        int before = interchanges.size();
        String failure = readInterchange(content, from, to, last, interchanges, texts, StandardCharsets.UTF_8);
        if (failure == MALFORMED) {
            // not UTF-8: a partner writing ISO-8859-1 (an accented name); every byte is a character there
            while (interchanges.size() > before) {
                interchanges.remove(interchanges.size() - 1);
            }
            failure = readInterchange(content, from, to, last, interchanges, texts, StandardCharsets.ISO_8859_1);
        }
        return failure;
    }

    private String readInterchange(byte[] content, int from, int to, boolean last, List<Interchange> interchanges,
            Texts texts, Charset charset) {
        SyntaxError headerProblem = isaProblem(content, from, to);
        Walk walk = new Walk(interchanges, headerProblem, texts);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(content, from, to - from),
                charset.name())) {
            while (reader.hasNext()) {
                walk.on(reader, reader.next());
            }
            return walk.open.isEmpty() ? null : endedEarly(walk, last);
        } catch (EDIStreamException | RuntimeException e) {
            if (charset == StandardCharsets.UTF_8 && causedBy(e, CharacterCodingException.class)) {
                return MALFORMED;
            }
            if (walk.isa != null && !walk.open.isEmpty() && String.valueOf(e.getMessage()).contains(END_OF_STREAM)) {
                return endedEarly(walk, last);
            }
            return unreadable(walk, content, from, to, headerProblem, describe(e));
        } catch (IOException e) {
            return unreadable(walk, content, from, to, headerProblem, "unreadable: " + e.getMessage());
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The data ended inside the interchange: TA1 023, and the open group and transaction set lose their trailers. */
    private static String endedEarly(Walk walk, boolean last) {
        walk.settle();
        if (walk.open.isEmpty()) {
            return null;
        }
        String where = walk.open;
        walk.closeAll("023", "interchange trailer missing (the " + (last ? "file" : "interchange") + " ends inside "
                + where + ")");
        return last ? "the file ends inside " + where
                : "the interchange ends inside " + where + ": another ISA begins before its IEA";
    }

    private String unreadable(Walk walk, byte[] content, int from, int to, SyntaxError headerProblem, String reason) {
        if (walk.isa != null) {
            walk.closeAll("024", "the interchange cannot be read past this point (" + reason + ")");
        } else if (startsWithIsa(content, from, to)) {
            // StAEDI stopped in the ISA itself: say what is wrong with it, for the TA1
            walk.interchanges.add(headerOnly(content, from, to, headerProblem != null ? headerProblem
                    : new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, "ISA", 0, "024", reason)));
        }
        return reason;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "not a readable X12 interchange: " + message;
    }

    // ------------------------------------------------------------------------------------------ interchange bounds

    /**
     * Where each interchange begins: wherever {@code ISA} is followed by an element separator at its fixed places.
     * The first six separators of a sound ISA (after ISA, ISA01 to ISA05, all fixed-width) mark a start wherever
     * they are — even right after a segment cut short by the next interchange; the first two (ISA*00*) mark one
     * after a segment terminator or a line break. An ISA inside an element sits after a separator or a letter.
     */
    static int[] interchangeStarts(byte[] content, int from) {
        int[] starts = new int[4];
        int count = 0;
        for (int i = from; i + 3 <= content.length; i++) {
            if (content[i] != 'I' || content[i + 1] != 'S' || content[i + 2] != 'A') {
                continue;
            }
            boolean afterBoundary = i == from || (!isAlphanumeric(content[i - 1])
                    && (i + 3 == content.length || content[i - 1] != content[i + 3]));
            boolean start;
            if (i + 7 > content.length) {
                // the file ends inside what begins as a new ISA
                start = afterBoundary && (i + 3 == content.length || isDelimiter(content[i + 3]));
            } else {
                byte separator = content[i + 3];
                start = content[i + 6] == separator && isDelimiter(separator)
                        && (afterBoundary || soundIsaStart(content, i, separator));
            }
            if (start) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static boolean soundIsaStart(byte[] content, int isa, byte separator) {
        if (isa + ISA_SEPARATORS[5] >= content.length) {
            return false;
        }
        for (int k = 0; k < 6; k++) {
            if (content[isa + ISA_SEPARATORS[k]] != separator) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] content, int from, int to) {
        int i = from;
        while (i < to && isBlank(content[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t';
    }

    private static boolean isAlphanumeric(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    private static boolean isDelimiter(byte b) {
        return !isAlphanumeric(b) && b != ' ';
    }

    private static boolean startsWithIsa(byte[] content, int from, int to) {
        int i = firstNonBlank(content, from, to);
        return to - i >= 3 && content[i] == 'I' && content[i + 1] == 'S' && content[i + 2] == 'A';
    }

    /**
     * What is wrong with the ISA segment's fixed layout, as the TA1 says it: the first element whose length is off
     * (its note code, e.g. 006 for ISA06), a separator that cannot be one (026 element separator, 027 component
     * separator, 004 segment terminator) or an ISA cut short (023). Null when the layout is sound or the
     * interchange does not start with ISA at all.
     */
    static SyntaxError isaProblem(byte[] content, int from, int to) {
        if (!startsWithIsa(content, from, to)) {
            return null;
        }
        int isa = firstNonBlank(content, from, to);
        int available = to - isa;
        if (available < 4) {
            return isaError(0, "023", "the interchange ends inside its ISA segment");
        }
        byte separator = content[isa + 3];
        if (!isDelimiter(separator)) {
            return isaError(0, "026", "invalid data element separator '" + (char) separator + "'");
        }
        for (int element = 1; element <= 16; element++) {
            int start = ISA_SEPARATORS[element - 1] + 1;
            // exclusive end of the element: the next separator, or for ISA16 (one character) the terminator
            int end = element < 16 ? ISA_SEPARATORS[element] : ISA_LENGTH - 1;
            for (int i = start; i < end; i++) {
                if (i >= available) {
                    return isaError(element, "023", "the interchange ends inside its ISA segment");
                }
                if (content[isa + i] == separator) {
                    return isaError(element, X12ErrorCodes.isaNote(element), String.format(
                            "ISA%02d is shorter than its fixed width of %d characters", element, end - start));
                }
            }
            if (element < 16 && end >= available) {
                return isaError(element, "023", "the interchange ends inside its ISA segment");
            }
            if (element < 16 && content[isa + end] != separator) {
                return isaError(element, X12ErrorCodes.isaNote(element), String.format(
                        "ISA%02d is longer than its fixed width of %d characters", element, end - start));
            }
        }
        if (available < ISA_LENGTH) {
            return isaError(16, "023", "the interchange ends inside its ISA segment");
        }
        byte component = content[isa + ISA_LENGTH - 2];
        byte terminator = content[isa + ISA_LENGTH - 1];
        if (isAlphanumeric(terminator) || terminator == separator || terminator == ' ') {
            return isaError(0, "004", "invalid segment terminator '" + (char) terminator + "'");
        }
        if (!isDelimiter(component) || component == separator || component == terminator) {
            return isaError(16, "027", "invalid component element separator '" + (char) component
                    + "': it must differ from the element separator and the segment terminator");
        }
        return null;
    }

    private static SyntaxError isaError(int element, String code, String description) {
        return new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, "ISA", element, code, description);
    }

    /** An interchange whose ISA could not be read: its header as far as it can be split, and the reason. */
    private static Interchange headerOnly(byte[] content, int from, int to, SyntaxError problem) {
        int isa = firstNonBlank(content, from, to);
        String text = new String(content, isa, Math.min(to - isa, ISA_LENGTH + 20), StandardCharsets.ISO_8859_1);
        char separator = text.length() > 3 ? text.charAt(3) : '*';
        List<String> parts = new ArrayList<>();
        int start = 4;
        for (int i = 4; i < text.length() && parts.size() < 15; i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        char component = start < text.length() ? text.charAt(start) : Delimiters.STANDARD.component();
        char terminator = start + 1 < text.length() ? text.charAt(start + 1) : Delimiters.STANDARD.segment();
        Segment header = new Segment("ISA", parts, 0);
        return new Interchange(header.element(5), header.element(6).trim(), header.element(7),
                header.element(8).trim(), header.element(9), header.element(10), header.element(13),
                header.element(15), new Delimiters(terminator, separator, component, Delimiters.STANDARD.repetition()),
                List.of(), List.of(problem));
    }

    // ------------------------------------------------------------------------------------------ the model

    /**
     * One String per distinct short value within a file. Tags and most element values repeat — qualifiers, units,
     * dates, the 96 interval times of a day, kWh to three decimals — and the model of a large usage file holds
     * millions of them: sharing them keeps the model a fraction of its size, which is most of what the garbage
     * collector spends on a read. A direct-mapped cache: a slot holds the last value that hashed to it.
     */
    private static final class Texts {
        private static final int MAX_LENGTH = 16;
        private final String[] slots = new String[4096];
        private final char[] buffer = new char[MAX_LENGTH];

        String of(EDIStreamReader reader) {
            int length = reader.getTextLength();
            if (length == 0) {
                return "";
            }
            if (length > MAX_LENGTH) {
                return reader.getText();
            }
            reader.getTextCharacters(0, buffer, 0, length);
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + buffer[i];
            }
            int slot = (hash ^ (hash >>> 12)) & (slots.length - 1);
            String cached = slots[slot];
            if (cached != null && cached.length() == length && same(cached, length)) {
                return cached;
            }
            String value = new String(buffer, 0, length);
            slots[slot] = value;
            return value;
        }

        private boolean same(String cached, int length) {
            for (int i = 0; i < length; i++) {
                if (cached.charAt(i) != buffer[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Builds the model from the reader's events. */
    private final class Walk {
        final List<Interchange> interchanges;
        final SyntaxError headerProblem;
        final Texts texts;
        String open = "";
        /** Between START_SEGMENT and END_SEGMENT: a segment error then is about this segment, else the next. */
        boolean inSegment;

        // interchange
        Segment isa;
        Delimiters delimiters;
        List<FunctionalGroup> groups;
        List<SyntaxError> interchangeErrors;
        // group
        Segment gs;
        List<TransactionSet> transactions;
        List<SyntaxError> groupErrors;
        Set<String> controlNumbers;
        // transaction
        Segment st;
        List<Segment> segments;
        List<SyntaxError> transactionErrors;
        int position;
        // segment (reused from one segment to the next)
        String tag;
        /** The tag of the last segment read to its end. */
        String lastTag;
        final ArrayList<String> elements = new ArrayList<>(24);
        final StringBuilder composite = new StringBuilder();
        boolean inComposite;

        Walk(List<Interchange> interchanges, SyntaxError headerProblem, Texts texts) {
            this.interchanges = interchanges;
            this.headerProblem = headerProblem;
            this.texts = texts;
        }

        void on(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            switch (event) {
                case ELEMENT_DATA -> {
                    Location location = reader.getLocation();
                    if (inComposite) {
                        if (location.getComponentPosition() > 1) {
                            composite.append(delimiters.component());
                        }
                        composite.append(reader.getText());
                    } else {
                        place(location.getElementPosition(), texts.of(reader));
                    }
                }
                case START_SEGMENT -> {
                    tag = texts.of(reader);
                    elements.clear();
                    inSegment = true;
                    if (segments != null) {
                        position++;
                    }
                }
                case END_SEGMENT -> {
                    endSegment(reader);
                    inSegment = false;
                }
                case START_COMPOSITE -> {
                    composite.setLength(0);
                    inComposite = true;
                }
                case END_COMPOSITE -> {
                    place(reader.getLocation().getElementPosition(), composite.toString());
                    inComposite = false;
                }
                case START_INTERCHANGE -> {
                    open = "an interchange";
                    isa = null;
                    groups = new ArrayList<>();
                    interchangeErrors = new ArrayList<>();
                    if (headerProblem != null) {
                        interchangeErrors.add(headerProblem);
                    }
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
                    controlNumbers = new HashSet<>();
                }
                case START_TRANSACTION -> {
                    open = "a transaction set";
                    segments = new ArrayList<>();
                    transactionErrors = new ArrayList<>();
                    position = 0;
                }
                case END_TRANSACTION -> endTransaction();
                case END_GROUP -> endGroup();
                case END_INTERCHANGE -> endInterchange();
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, event);
                default -> {
                    // loops and binary data carry nothing the model needs
                }
            }
        }

        private void endTransaction() {
            if (groups != null && transactions != null) {
                transactions.add(new TransactionSet(st == null ? "" : st.element(1), st == null ? "" : st.element(2),
                        Collections.unmodifiableList(segments), List.copyOf(transactionErrors)));
            }
            segments = null;
            st = null;
            open = "a functional group";
        }

        private void endGroup() {
            groups.add(group(List.copyOf(groupErrors)));
            transactions = null;
            gs = null;
            open = "an interchange";
        }

        private void endInterchange() {
            interchanges.add(interchange());
            open = "";
        }

        /**
         * StAEDI ends a transaction set, group or interchange when it reads what follows the trailer: when the data
         * stops right after SE, GE or IEA, that trailer was read and closes its envelope here.
         */
        void settle() {
            if (segments != null && "SE".equals(lastTag)) {
                endTransaction();
            }
            if (transactions != null && segments == null && "GE".equals(lastTag)) {
                endGroup();
            }
            if (groups != null && transactions == null && !open.isEmpty() && "IEA".equals(lastTag)) {
                endInterchange();
            }
        }

        private void place(int elementPosition, String value) {
            int index = Math.max(elementPosition, 1) - 1;
            int size = elements.size();
            if (index == size) {
                elements.add(value);
                return;
            }
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
                case "ISA" -> {
                    isa = segment;
                    if (!CONTROL_VERSION.equals(segment.element(12)) && noError(interchangeErrors, 12)) {
                        interchangeErrors.add(new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, "ISA", 12, "003",
                                "control version " + segment.element(12) + " is not supported (only "
                                        + CONTROL_VERSION + ")"));
                    }
                }
                case "GS" -> {
                    gs = segment;
                    if (groupErrors != null && !GROUP_VERSION.equals(segment.element(8)) && noError(groupErrors, 8)) {
                        groupErrors.add(new SyntaxError(SyntaxError.Level.GROUP, 0, "GS", 8, "2",
                                "functional group version " + segment.element(8) + " is not supported (only "
                                        + GROUP_VERSION + ")"));
                    }
                }
                case "ST" -> {
                    if (segments != null && position == 1) {
                        startTransaction(reader, segment);
                    } else if (transactionErrors != null && transactionErrors.stream()
                            .noneMatch(e -> e.code().equals("2") && e.segmentPosition() == position)) {
                        transactionErrors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, position, "SE", 0, "2",
                                "transaction set trailer missing: an ST begins at position " + position));
                    }
                }
                default -> {
                    // body segment
                }
            }
            if (segments != null) {
                segments.add(segment);
            }
            lastTag = tag;
        }

        private void startTransaction(EDIStreamReader reader, Segment segment) {
            st = segment;
            String controlNumber = segment.element(2);
            if (!controlNumber.isEmpty() && controlNumbers != null && !controlNumbers.add(controlNumber)) {
                transactionErrors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, 1, "ST", 2, "23",
                        "transaction set control number " + controlNumber
                                + " is not unique within the functional group"));
            }
            Schema schema = schemas.forTransaction(segment.element(1)).orElse(null);
            if (schema != null) {
                reader.setTransactionSchema(schema);
            } else {
                transactionErrors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, position, "ST", 1, "1",
                        "transaction set " + segment.element(1) + " is not supported"));
            }
        }

        private static boolean noError(List<SyntaxError> errors, int elementPosition) {
            return errors == null || errors.stream().noneMatch(e -> e.elementPosition() == elementPosition);
        }

        private void error(EDIStreamReader reader, EDIStreamEvent event) {
            EDIStreamValidationError type = reader.getErrorType();
            Location location = reader.getLocation();
            boolean segmentError = event == EDIStreamEvent.SEGMENT_ERROR;
            String segmentTag = location.getSegmentTag() != null ? location.getSegmentTag()
                    : segmentError ? reader.getText() : tag;
            if (segmentError && reader.getText() != null) {
                segmentTag = reader.getText();
            }
            int elementPosition = segmentError ? 0 : location.getElementPosition();
            // StAEDI reports an unexpected or missing segment before it starts the next one: that next segment's
            // position is where the error is (where the missing segment should have been)
            int segmentPosition = segments == null ? 0 : segmentError && !inSegment ? position + 1 : Math.max(position, 1);
            SyntaxError error = X12ErrorCodes.classify(type, segmentTag, segmentPosition, elementPosition);
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

        private FunctionalGroup group(List<SyntaxError> errors) {
            return new FunctionalGroup(gs == null ? "" : gs.element(1), gs == null ? "" : gs.element(2),
                    gs == null ? "" : gs.element(3), gs == null ? "" : gs.element(6),
                    gs == null ? "" : gs.element(8), List.copyOf(transactions), errors);
        }

        private Interchange interchange() {
            Segment header = isa != null ? isa : new Segment("ISA", List.of(), 0);
            return new Interchange(header.element(5), header.element(6).trim(), header.element(7),
                    header.element(8).trim(), header.element(9), header.element(10), header.element(13),
                    header.element(15), delimiters, List.copyOf(groups), List.copyOf(interchangeErrors));
        }

        /** What was read before the reader stopped; the interchange gets {@code code} (TA1) for why it stopped. */
        void closeAll(String code, String description) {
            if (groups != null && !open.isEmpty()) {
                if (segments != null && transactions != null) {
                    List<SyntaxError> errors = new ArrayList<>(transactionErrors);
                    errors.add(new SyntaxError(SyntaxError.Level.TRANSACTION, segments.size() + 1, "SE", 0, "2",
                            "transaction set trailer missing"));
                    transactions.add(new TransactionSet(st == null ? "" : st.element(1), st == null ? "" : st.element(2),
                            List.copyOf(segments), errors));
                }
                if (transactions != null) {
                    List<SyntaxError> errors = new ArrayList<>(groupErrors);
                    errors.add(new SyntaxError(SyntaxError.Level.GROUP, 0, "GE", 0, "3", "functional group trailer missing"));
                    groups.add(group(errors));
                }
                interchangeErrors.add(new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, "IEA", 0, code, description));
                interchanges.add(interchange());
                open = "";
            }
        }
    }
}
