package org.metertocash.x12.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.corpus.SourceFile.Seg;

/**
 * Generates broken X12 files from valid ones by mutation, each with what the reader must report about it. The
 * expected codes are the X12 ones a 997 or TA1 carries for that kind of damage (TA1-05 I18, AK9-05 716, AK5-02
 * 718, AK3-04 720, AK4-03 723); the expected positions are computed from where the mutation was made.
 */
final class BrokenX12Corpus {

    /** The categories the corpus must cover (the test checks each has files). */
    static final List<String> CATEGORIES = List.of("not X12", "ISA layout", "delimiters", "truncated",
            "control numbers and counts", "dates and times", "code values", "missing mandatory content",
            "element length", "segment structure", "transaction set", "one broken interchange among valid ones");

    private final SourceFile request;
    private final SourceFile responses;
    private final SourceFile three;
    private final Optional<SourceFile> usage;
    private final List<BrokenFile> files = new ArrayList<>();

    BrokenX12Corpus(X12Schemas schemas) {
        ValidSources sources = new ValidSources(schemas);
        this.request = sources.switchRequestFile();
        this.responses = sources.responsesFile();
        this.three = sources.threeInterchangesFile();
        this.usage = sources.intervalUsageFile();
    }

    List<SourceFile> sources() {
        List<SourceFile> all = new ArrayList<>(List.of(request, responses, three));
        usage.ifPresent(all::add);
        return all;
    }

    List<BrokenFile> generate() {
        files.clear();
        notX12();
        isaLayout();
        delimiters();
        truncations(request, 1);
        truncations(responses, 1);
        truncations(three, 3);
        controlNumbers();
        datesAndTimes();
        codeValues();
        missingMandatoryContent();
        elementLength();
        segmentStructure();
        transactionSets();
        oneBrokenAmongValid();
        usage.ifPresent(this::usageDamage);
        return List.copyOf(files);
    }

    /** Valid files with random bytes overwritten: no expectation beyond never throwing and never hanging. */
    List<byte[]> randomDamage(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> damaged = new ArrayList<>();
        List<SourceFile> sources = sources();
        String alphabet = "*~>^|:\n\r 0123456789ISAGEST\u00e9\u0000";
        for (int i = 0; i < count; i++) {
            byte[] content = sources.get(i % sources.size()).bytes();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                content[random.nextInt(content.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            damaged.add(content);
        }
        return damaged;
    }

    private void add(BrokenFile.Builder file) {
        files.add(file.build());
    }

    // ------------------------------------------------------------------------------------------------ not X12

    private void notX12() {
        String category = "not X12";
        add(BrokenFile.of(category, "empty", new byte[0]).unreadable());
        add(BrokenFile.of(category, "whitespace only", "\r\n  \n\t").unreadable());
        add(BrokenFile.of(category, "JSON", "{\"esiId\":\"10443720000000001\",\"action\":\"enroll\"}").unreadable());
        add(BrokenFile.of(category, "PDF header", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
                .unreadable());
        add(BrokenFile.of(category, "XML", "<?xml version=\"1.0\"?><Transaction set=\"814\"/>").unreadable());
        add(BrokenFile.of(category, "CSV", "esi_id,start\n10443720000000001,2026-12-01\n").unreadable());
        add(BrokenFile.of(category, "a letter", "Dear ERCOT, please enroll 10443720000000001. Thanks!").unreadable());
        add(BrokenFile.of(category, "just ISA", "ISA").unreadable());
        add(BrokenFile.of(category, "EDIFACT", "UNA:+.? 'UNB+UNOA:1+SENDER+RECEIVER+261123:1200+1'").unreadable());
        Random random = new Random(20261123);
        for (int length : new int[] { 1, 7, 106, 512, 4096 }) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            add(BrokenFile.of(category, "random bytes (" + length + ")", bytes).unreadable());
        }
        add(BrokenFile.of(category, "a valid file behind 12 bytes of other content", "GARBAGE\r\n1234" + request.text)
                .unreadable());
    }

    // ------------------------------------------------------------------------------------------------ ISA layout

    private static final int[] ISA_WIDTHS = { 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1 };

    private void isaLayout() {
        String category = "ISA layout";
        Seg isa = request.first("ISA");
        for (int k = 1; k <= 16; k++) {
            String value = isa.element(k);
            if (k < 16) {
                add(BrokenFile.of(category, String.format("ISA%02d one character short", k),
                        request.withElement(isa, k, value.substring(0, ISA_WIDTHS[k - 1] - 1)))
                        .unreadable().interchangeError(0, isaNote(k), "ISA", k));
            }
            // a longer ISA16 pushes a letter into the segment terminator's place: TA1 004
            add(BrokenFile.of(category, String.format("ISA%02d one character long", k),
                    request.withElement(isa, k, value + "0"))
                    .unreadable().interchangeError(0, k == 16 ? "004" : isaNote(k), "ISA", k == 16 ? null : k));
        }
        for (int cut : new int[] { 3, 4, 10, 35, 51, 90, 104, 105 }) {
            add(BrokenFile.of(category, "ISA cut after " + cut + " characters", request.text.substring(0, cut))
                    .unreadable().interchangeError(0, "023", null, null));
        }
    }

    /** TA1-05 for an element of the ISA, per the X12 interchange note codes (I18). */
    static String isaNote(int k) {
        return switch (k) {
            case 1 -> "010";
            case 2 -> "011";
            case 3 -> "012";
            case 4 -> "013";
            case 5 -> "005";
            case 6 -> "006";
            case 7 -> "007";
            case 8 -> "008";
            case 9 -> "014";
            case 10 -> "015";
            case 11 -> "016";
            case 12 -> "017";
            case 13 -> "018";
            case 14 -> "019";
            case 15 -> "020";
            default -> "027";
        };
    }

    // ------------------------------------------------------------------------------------------------ delimiters

    private void delimiters() {
        String category = "delimiters";
        Seg isa = request.first("ISA");
        add(BrokenFile.of(category, "ISA16 the same as the segment terminator", request.withElement(isa, 16, "~"))
                .interchangeError(0, "027", "ISA", 16));
        add(BrokenFile.of(category, "ISA16 the same as the element separator", request.withElement(isa, 16, "*"))
                .unreadable().interchangeError(0, "027", "ISA", 16));
        add(BrokenFile.of(category, "a letter as segment terminator",
                request.text.substring(0, isa.end()) + "X" + request.text.substring(isa.end() + 1))
                .unreadable().interchangeError(0, "004", "ISA", null));
        Seg gs = request.first("GS");
        add(BrokenFile.of(category, "GS written with another element separator",
                request.replace(gs, gs.text().replace('*', '|')))
                .unreadable().interchangeError(0, "024", null, null));
        Seg n3 = request.first("N3");
        add(BrokenFile.of(category, "a body segment with another element separator",
                request.replace(n3, n3.text().replace('*', '|')))
                .unreadable().interchangeError(0, "024", null, null));
        // N3's terminator replaced: N3 and N4 become one segment, one segment short of SE01
        add(BrokenFile.of(category, "a segment terminator replaced by another character",
                request.text.substring(0, n3.end()) + "!" + request.text.substring(n3.end() + 1))
                .transactionError(0, 0, "4", "SE", request.trailerOf(n3).position() - 1, 1));
        // N3**1200 ELM ST: the address moves to N302 and the mandatory N301 is empty
        add(BrokenFile.of(category, "the element separator doubled in a segment", request.replace(n3, "N3**1200 ELM ST"))
                .elementError(0, 0, "1", "N3", n3.position(), 1));
    }

    // ------------------------------------------------------------------------------------------------ truncated

    /**
     * The file cut at every offset (every {@code step}-th for larger files): the reader must say the file ends
     * early (fatal), report TA1 023 on the interchange, AK9 3 on a group without its GE, AK5 2 where the open
     * transaction set's SE should have been, and read the interchanges before the cut as they are.
     */
    private void truncations(SourceFile source, int step) {
        String category = "truncated";
        for (int cut = 1; cut < source.text.length(); cut += step) {
            final int at = cut;
            Seg isa = lastBefore(source, "ISA", at);
            if (isa == null) {
                add(BrokenFile.of(category, source.name + " cut at " + at, source.text.substring(0, at)).unreadable());
                continue;
            }
            int interchange = isa.interchange();
            Seg iea = source.first("IEA", interchange);
            if (iea.end() < at) {
                continue; // cut after a complete interchange: what remains is valid
            }
            BrokenFile.Builder file = BrokenFile.of(category, source.name + " cut at " + at + " " + where(source, at),
                    source.text.substring(0, at)).unreadable();
            file.intact(source, java.util.stream.IntStream.range(0, interchange).toArray());
            if (at - isa.start() >= 3) {
                file.interchangeError(interchange, "023", null, null);
            }
            Seg gs = lastBefore(source, "GS", at);
            if (gs != null && gs.interchange() == interchange && gs.end() < at) {
                Seg ge = source.first(s -> s.tag().equals("GE") && s.index() > gs.index());
                if (ge.end() >= at) {
                    file.groupError(interchange, "3", "GE", null);
                }
            }
            Seg st = lastBefore(source, "ST", at);
            if (st != null && st.interchange() == interchange && st.end() < at) {
                Seg se = source.trailerOf(st);
                if (se.end() >= at) {
                    long complete = source.segments.stream().filter(s -> s.interchange() == interchange
                            && s.transaction() == st.transaction() && s.end() < at).count();
                    file.transactionError(interchange, st.transaction(), "2", "SE", (int) complete + 1, null);
                }
            }
            add(file);
        }
    }

    private static Seg lastBefore(SourceFile source, String tag, int offset) {
        Seg last = null;
        for (Seg s : source.segments) {
            if (s.tag().equals(tag) && s.start() < offset) {
                last = s;
            }
        }
        return last;
    }

    private static String where(SourceFile source, int offset) {
        for (Seg s : source.segments) {
            if (offset <= s.end()) {
                return offset <= s.start() ? "(before " + s.tag() + ")" : "(inside " + s.tag() + ")";
            }
        }
        return "(at the end)";
    }

    // ------------------------------------------------------------------------------------------------ control

    private void controlNumbers() {
        String category = "control numbers and counts";
        Seg se = request.first("SE");
        int count = Integer.parseInt(se.element(1));
        for (int wrong : new int[] { count - 1, count + 1, 0, 999999 }) {
            add(BrokenFile.of(category, "SE01 " + wrong + " instead of " + count,
                    request.withElement(se, 1, Integer.toString(wrong)))
                    .transactionError(0, 0, "4", "SE", se.position(), 1));
        }
        add(BrokenFile.of(category, "SE02 differs from ST02", request.withElement(se, 2, "0009"))
                .transactionError(0, 0, "3", "SE", se.position(), 2));
        Seg ge = request.first("GE");
        add(BrokenFile.of(category, "GE02 differs from GS06", request.withElement(ge, 2, "999"))
                .groupError(0, "4", "GE", 2));
        add(BrokenFile.of(category, "GE01 counts 2 transaction sets, the group has 1", request.withElement(ge, 1, "2"))
                .groupError(0, "5", "GE", 1));
        Seg iea = request.first("IEA");
        add(BrokenFile.of(category, "IEA02 differs from ISA13", request.withElement(iea, 2, "000000999"))
                .interchangeError(0, "001", "IEA", 2));
        add(BrokenFile.of(category, "IEA01 counts 3 groups, the interchange has 1", request.withElement(iea, 1, "3"))
                .interchangeError(0, "021", "IEA", 1));
        // the second transaction set of the group reuses the first one's control number
        Seg secondSt = responses.all("ST").get(1);
        SourceFile renumbered = new SourceFile("renumbered", responses.withElement(secondSt, 2, "0001"));
        Seg secondSe = renumbered.all("SE").get(1);
        add(BrokenFile.of(category, "ST02 used twice in one group", renumbered.withElement(secondSe, 2, "0001"))
                .transactionError(0, 1, "23", "ST", 1, 2));
    }

    // ------------------------------------------------------------------------------------------------ dates

    private void datesAndTimes() {
        String category = "dates and times";
        Seg dtm = request.first("DTM");
        for (String bad : new String[] { "20261341", "20260230", "2026120A" }) {
            add(BrokenFile.of(category, "DTM02 " + bad, request.withElement(dtm, 2, bad))
                    .elementError(0, 0, "8", "DTM", dtm.position(), 2));
        }
        Seg bgn = request.first("BGN");
        add(BrokenFile.of(category, "BGN03 20261232", request.withElement(bgn, 3, "20261232"))
                .elementError(0, 0, "8", "BGN", bgn.position(), 3));
        add(BrokenFile.of(category, "BGN04 time 2561", request.withElement(bgn, 4, "2561"))
                .elementError(0, 0, "9", "BGN", bgn.position(), 4));
        add(BrokenFile.of(category, "BGN04 time 2460", request.withElement(bgn, 4, "2460"))
                .elementError(0, 0, "9", "BGN", bgn.position(), 4));
        Seg isa = request.first("ISA");
        add(BrokenFile.of(category, "ISA09 261341", request.withElement(isa, 9, "261341"))
                .interchangeError(0, "014", "ISA", 9));
        add(BrokenFile.of(category, "ISA10 2599", request.withElement(isa, 10, "2599"))
                .interchangeError(0, "015", "ISA", 10));
        Seg gs = request.first("GS");
        add(BrokenFile.of(category, "GS04 20261341", request.withElement(gs, 4, "20261341"))
                .interchangeError(0, "024", "GS", 4));
        add(BrokenFile.of(category, "GS05 2561", request.withElement(gs, 5, "2561"))
                .interchangeError(0, "024", "GS", 5));
    }

    // ------------------------------------------------------------------------------------------------ codes

    private void codeValues() {
        String category = "code values";
        Seg asi = request.first("ASI");
        add(BrokenFile.of(category, "ASI*ZZ", request.withElement(asi, 1, "ZZ"))
                .elementError(0, 0, "7", "ASI", asi.position(), 1));
        Seg bgn = request.first("BGN");
        add(BrokenFile.of(category, "BGN01 99", request.withElement(bgn, 1, "99"))
                .elementError(0, 0, "7", "BGN", bgn.position(), 1));
        Seg isa = request.first("ISA");
        add(BrokenFile.of(category, "ISA15 X (neither T nor P)", request.withElement(isa, 15, "X"))
                .interchangeError(0, "020", "ISA", 15));
        add(BrokenFile.of(category, "ISA14 7", request.withElement(isa, 14, "7"))
                .interchangeError(0, "019", "ISA", 14));
        add(BrokenFile.of(category, "ISA12 00501 (a version the market does not use)",
                request.withElement(isa, 12, "00501")).interchangeError(0, "003", "ISA", 12));
        add(BrokenFile.of(category, "ISA12 99999", request.withElement(isa, 12, "99999"))
                .interchangeError(0, "017", "ISA", 12));
        Seg gs = request.first("GS");
        add(BrokenFile.of(category, "GS08 005010", request.withElement(gs, 8, "005010"))
                .groupError(0, "2", "GS", 8));
    }

    // ------------------------------------------------------------------------------------------------ missing

    private void missingMandatoryContent() {
        String category = "missing mandatory content";
        for (String tag : new String[] { "BGN", "ASI" }) {
            Seg removed = request.first(tag);
            add(BrokenFile.of(category, tag + " removed (SE01 corrected)", withCorrectCount(request.without(removed)))
                    .segmentError(0, 0, List.of("3"), tag, removed.position()));
        }
        Seg asi = request.first("ASI");
        add(BrokenFile.of(category, "ASI01 (the action code) empty", request.withElement(asi, 1, ""))
                .elementError(0, 0, "1", "ASI", asi.position(), 1));
        Seg bgn = request.first("BGN");
        add(BrokenFile.of(category, "BGN02 empty", request.withElement(bgn, 2, ""))
                .elementError(0, 0, "1", "BGN", bgn.position(), 2));
        Seg st = request.first("ST");
        add(BrokenFile.of(category, "ST02 empty", request.replace(st, "ST*814"))
                .transactionError(0, 0, "7", "ST", 1, 2));
        Seg gs = request.first("GS");
        add(BrokenFile.of(category, "GS06 empty", request.withElement(gs, 6, ""))
                .groupError(0, "6", "GS", 6));
        Seg se = request.first("SE");
        add(BrokenFile.of(category, "SE removed", request.without(se))
                .transactionError(0, 0, "2", "SE", se.position(), null));
        Seg ge = request.first("GE");
        add(BrokenFile.of(category, "GE removed", request.without(ge)).groupError(0, "3", "GE", null));
    }

    /** The file with each SE01 set to its transaction set's actual segment count. */
    private static String withCorrectCount(String text) {
        SourceFile file = new SourceFile("recounted", text);
        String result = text;
        List<Seg> trailers = file.all("SE");
        for (int i = trailers.size() - 1; i >= 0; i--) {
            Seg se = trailers.get(i);
            SourceFile current = new SourceFile("recounted", result);
            result = current.withElement(current.segments.get(se.index()), 1, Integer.toString(se.position()));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------ length

    private void elementLength() {
        String category = "element length";
        Seg n3 = request.first("N3");
        add(BrokenFile.of(category, "N301 of 60 characters (max 55)", request.withElement(n3, 1, "1200 ELM ST".repeat(6)))
                .elementError(0, 0, "5", "N3", n3.position(), 1));
        Seg ref = request.first("REF");
        add(BrokenFile.of(category, "REF02 of 31 characters (max 30)", request.withElement(ref, 2, "1".repeat(31)))
                .elementError(0, 0, "5", "REF", ref.position(), 2));
        add(BrokenFile.of(category, "REF01 of 1 character (min 2)", request.withElement(ref, 1, "Q"))
                .elementError(0, 0, "4", "REF", ref.position(), 1));
        Seg bgn = request.first("BGN");
        add(BrokenFile.of(category, "BGN03 of 7 digits", request.withElement(bgn, 3, "2026112"))
                .elementError(0, 0, "4", "BGN", bgn.position(), 3));
    }

    // ------------------------------------------------------------------------------------------------ structure

    private void segmentStructure() {
        String category = "segment structure";
        Seg n3 = request.first("N3");
        add(BrokenFile.of(category, "N3 with four elements (max 2)", request.replace(n3, n3.text() + "*B*C"))
                .elementError(0, 0, "3", "N3", n3.position(), 3));
        add(BrokenFile.of(category, "BIG (an 810 segment) inside the 814 (SE01 corrected)",
                withCorrectCount(request.insertAfter(n3, "BIG*20261123*INV1")))
                .segmentError(0, 0, List.of("6"), "BIG", n3.position() + 1));
        add(BrokenFile.of(category, "an unknown segment ZZZ (SE01 corrected)",
                withCorrectCount(request.insertAfter(n3, "ZZZ*1")))
                .segmentError(0, 0, List.of("1", "6"), "ZZZ", n3.position() + 1));
        Seg n4 = request.first("N4");
        String swapped = request.text.substring(0, n3.start()) + n4.text() + "~\n" + n3.text()
                + request.text.substring(n4.end());
        add(BrokenFile.of(category, "N4 before N3", swapped)
                .segmentError(0, 0, List.of("7"), "N3", n4.position()));
        add(BrokenFile.of(category, "N3 three times (max 2, SE01 corrected)",
                withCorrectCount(request.insertAfter(n3, "N3*B~\nN3*C")))
                .segmentError(0, 0, List.of("5"), "N3", n3.position() + 2));
    }

    // ------------------------------------------------------------------------------------------------ sets

    private void transactionSets() {
        String category = "transaction set";
        Seg st = request.first("ST");
        add(BrokenFile.of(category, "an unknown transaction set 999", request.withElement(st, 1, "999"))
                .transactionError(0, 0, "1", "ST", 1, 1));
        add(BrokenFile.of(category, "ST01 of two characters", request.withElement(st, 1, "81"))
                .transactionError(0, 0, "6", "ST", 1, 1));
        // the first set's SE removed: the next ST opens inside it
        Seg firstSe = responses.first("SE");
        add(BrokenFile.of(category, "a transaction set without SE followed by another", responses.without(firstSe))
                .transactionError(0, 0, "2", null, firstSe.position(), null));
    }

    // ------------------------------------------------------------------------------------------------ multi

    /** The middle interchange of three is broken; the first and the last must be read as they are. */
    private void oneBrokenAmongValid() {
        String category = "one broken interchange among valid ones";
        Seg isa = three.first("ISA", 1);
        Seg dtm = three.first("DTM", 1);
        Seg se = three.first("SE", 1);
        Seg iea = three.first("IEA", 1);
        Seg gs = three.first("GS", 1);
        Seg asi = three.first("ASI", 1);
        add(middle("bad date", three.withElement(dtm, 2, "20261341"))
                .elementError(1, 0, "8", "DTM", dtm.position(), 2));
        add(middle("wrong SE01", three.withElement(se, 1, "99")).transactionError(1, 0, "4", "SE", se.position(), 1));
        add(middle("ISA13/IEA02 mismatch", three.withElement(iea, 2, "000000999"))
                .interchangeError(1, "001", "IEA", 2));
        add(middle("invalid code", three.withElement(asi, 1, "ZZ")).elementError(1, 0, "7", "ASI", asi.position(), 1));
        add(middle("ISA06 one character short", three.withElement(isa, 6, isa.element(6).substring(1)))
                .unreadable().interchangeError(1, "006", "ISA", 6));
        add(middle("GS without its GE and IEA, cut inside a segment",
                three.text.substring(0, three.first("REF", 1).start() + 4) + three.text.substring(iea.end() + 2))
                .unreadable().interchangeError(1, "023", null, null).groupError(1, "3", "GE", null));
        add(middle("GS written with another element separator", three.replace(gs, gs.text().replace('*', '|')))
                .unreadable().interchangeError(1, "024", null, null));
        add(middle("ISA cut after 50 characters",
                three.text.substring(0, isa.start() + 50) + three.text.substring(three.first("ISA", 2).start()))
                .unreadable().interchangeError(1, "023", null, null));
    }

    private BrokenFile.Builder middle(String name, String content) {
        return BrokenFile.of("one broken interchange among valid ones", "middle of three: " + name, content)
                .intact(three, 0, 2);
    }

    // ------------------------------------------------------------------------------------------------ 867

    private void usageDamage(SourceFile usage) {
        String category = "dates and times";
        List<Seg> qty = usage.all("QTY");
        Seg tenth = qty.get(9);
        add(BrokenFile.of("code values", "867 QTY03 KW (not a unit the guide knows)", usage.withElement(tenth, 3, "KW"))
                .elementError(0, 0, "7", "QTY", tenth.position(), 3));
        add(BrokenFile.of("element content", "867 QTY02 not a number", usage.withElement(tenth, 2, "FIVE"))
                .elementError(0, 0, "6", "QTY", tenth.position(), 2));
        Seg interval = usage.all("DTM").stream().filter(d -> d.element(1).equals("582")).toList().get(40);
        add(BrokenFile.of(category, "867 interval end at 2460", usage.withElement(interval, 3, "2460"))
                .elementError(0, 0, "9", "DTM", interval.position(), 3));
        add(BrokenFile.of(category, "867 interval end on 20260631", usage.withElement(interval, 2, "20260631"))
                .elementError(0, 0, "8", "DTM", interval.position(), 2));
        Seg bpt = usage.first("BPT");
        add(BrokenFile.of("missing mandatory content", "867 BPT removed (SE01 corrected)",
                withCorrectCount(usage.without(bpt))).segmentError(0, 0, List.of("3"), "BPT", bpt.position()));
        truncations(usage, 97);
    }
}
