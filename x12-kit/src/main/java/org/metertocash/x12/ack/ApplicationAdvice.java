package org.metertocash.x12.ack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * An 824 Application Advice (ANSI X12 004010, Texas SET 824) as a value: the receiver of transactions tells their
 * sender what it made of their content. BGN gives the advice's own reference; each {@link Advice} (an OTI loop)
 * names one original transaction and says whether it was rejected (TR), accepted with errors (TE) or accepted
 * (TA), with the errors (TED) that explain why. Read with {@link #read(TransactionSet)}, written with
 * {@link #body()}.
 *
 * @param purpose   BGN01 (00 original)
 * @param reference BGN02, the advice's own reference
 * @param date      BGN03, CCYYMMDD
 * @param parties   the N1 loops
 * @param advices   the OTI loops
 */
public record ApplicationAdvice(String purpose, String reference, String date, List<Party> parties,
        List<Advice> advices) {

    /** ST01 of an 824. */
    public static final String SET_ID = "824";
    /** GS01 of a group of 824s. */
    public static final String FUNCTIONAL_ID = "AG";
    /** OTI01: the transaction set was rejected. */
    public static final String REJECTED = "TR";
    /** OTI01: the transaction set was accepted, with errors. */
    public static final String ACCEPTED_WITH_ERRORS = "TE";
    /** OTI01: the transaction set was accepted. */
    public static final String ACCEPTED = "TA";
    /** OTI02: OTI03 is the original transaction's reference number (its BGN02). */
    public static final String TRANSACTION_REFERENCE = "TN";

    public ApplicationAdvice {
        parties = List.copyOf(parties);
        advices = List.copyOf(advices);
    }

    /** An N1: the entity (N101, e.g. 8S the TDSP, SJ the retailer), its name (N102) and DUNS (N104). */
    public record Party(String entity, String name, String duns) {
    }

    /**
     * One OTI loop: the advice about one original transaction.
     *
     * @param code                     OTI01 (TR, TE, TA, ...)
     * @param referenceQualifier       OTI02 (TN: the reference is the original's BGN02)
     * @param reference                OTI03
     * @param groupControlNumber       OTI08, the original's GS06, if given
     * @param transactionControlNumber OTI09, the original's ST02, if given
     * @param transactionSetId         OTI10, the original's ST01, if given
     * @param references               the loop's REF segments, REF01 to REF02 (Q5 the ESI ID)
     * @param errors                   the TED loops
     */
    public record Advice(String code, String referenceQualifier, String reference, String groupControlNumber,
            String transactionControlNumber, String transactionSetId, Map<String, String> references,
            List<TechnicalError> errors) {

        public Advice {
            references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
            errors = List.copyOf(errors);
        }

        public boolean rejected() {
            return REJECTED.equals(code);
        }

        public boolean acceptedWithErrors() {
            return ACCEPTED_WITH_ERRORS.equals(code);
        }

        public Optional<String> esiId() {
            return Optional.ofNullable(references.get("Q5"));
        }

        /** The first error, which gives the advice's reason. */
        public Optional<TechnicalError> reason() {
            return errors.stream().findFirst();
        }
    }

    /** One TED loop: the application error condition code (TED01), its text (TED02) and the NTE notes. */
    public record TechnicalError(String code, String message, List<String> notes) {

        public TechnicalError {
            notes = List.copyOf(notes);
        }
    }

    /** Reads an 824 a partner sent (a transaction set read by the X12 reader with the 824 schema). */
    public static ApplicationAdvice read(TransactionSet set) {
        Segment bgn = set.first("BGN").orElse(new Segment("BGN", List.of(), 0));
        List<Party> parties = new ArrayList<>();
        List<Advice> advices = new ArrayList<>();
        Segment oti = null;
        Map<String, String> references = new LinkedHashMap<>();
        List<TechnicalError> errors = new ArrayList<>();
        Segment ted = null;
        List<String> notes = new ArrayList<>();
        for (Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "N1" -> {
                    if (oti == null) {
                        parties.add(new Party(segment.element(1), blankToNull(segment.element(2)),
                                blankToNull(segment.element(4))));
                    }
                }
                case "OTI" -> {
                    if (oti != null) {
                        advices.add(advice(oti, references, close(errors, ted, notes)));
                    }
                    oti = segment;
                    references = new LinkedHashMap<>();
                    errors = new ArrayList<>();
                    ted = null;
                    notes = new ArrayList<>();
                }
                case "REF" -> {
                    if (oti != null) {
                        references.putIfAbsent(segment.element(1), segment.element(2));
                    }
                }
                case "TED" -> {
                    if (oti != null) {
                        errors = close(errors, ted, notes);
                        ted = segment;
                        notes = new ArrayList<>();
                    }
                }
                case "NTE" -> {
                    if (ted != null) {
                        notes.add(segment.element(2));
                    }
                }
                default -> {
                    // BGN, ST, SE, and context segments the advice does not need
                }
            }
        }
        if (oti != null) {
            advices.add(advice(oti, references, close(errors, ted, notes)));
        }
        return new ApplicationAdvice(bgn.element(1), bgn.element(2), bgn.element(3), parties, advices);
    }

    private static List<TechnicalError> close(List<TechnicalError> errors, Segment ted, List<String> notes) {
        if (ted != null) {
            errors.add(new TechnicalError(ted.element(1), blankToNull(ted.element(2)), notes));
        }
        return errors;
    }

    private static Advice advice(Segment oti, Map<String, String> references, List<TechnicalError> errors) {
        return new Advice(oti.element(1), oti.element(2), oti.element(3), blankToNull(oti.element(8)),
                blankToNull(oti.element(9)), blankToNull(oti.element(10)), references, errors);
    }

    /** The segments between ST and SE: BGN, an N1 per party, then per advice OTI, its REFs and its TED/NTE loops. */
    public List<Segment> body() {
        List<Segment> body = new ArrayList<>();
        body.add(segment("BGN", purpose, reference, date));
        for (Party party : parties) {
            body.add(party.duns() == null ? segment("N1", party.entity(), nullToEmpty(party.name()))
                    : segment("N1", party.entity(), nullToEmpty(party.name()), "1", party.duns()));
        }
        for (Advice advice : advices) {
            body.add(segment("OTI", advice.code(), advice.referenceQualifier(), advice.reference(), "", "", "", "",
                    nullToEmpty(advice.groupControlNumber()), nullToEmpty(advice.transactionControlNumber()),
                    nullToEmpty(advice.transactionSetId())));
            advice.references().forEach((qualifier, value) -> body.add(segment("REF", qualifier, value)));
            for (TechnicalError error : advice.errors()) {
                body.add(segment("TED", error.code(), nullToEmpty(error.message())));
                error.notes().forEach(note -> body.add(segment("NTE", "", note)));
            }
        }
        return body;
    }

    private static Segment segment(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
