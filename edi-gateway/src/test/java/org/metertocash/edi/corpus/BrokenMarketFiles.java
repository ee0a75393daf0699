package org.metertocash.edi.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Broken market files made from valid ones by mutation, for the gateway: the kinds of damage the X12 layer's own
 * corpus covers in full (x12-kit's {@code BrokenX12Corpus}), a sample of each here, each with the syntax error the
 * gateway's answer must carry (as {@code SyntaxError.toString()} begins: level, code, segment) or none when the
 * file cannot be read at all.
 */
final class BrokenMarketFiles {

    /** One broken file; {@code expected} is null when the file cannot be read (the answer then says why). */
    record Broken(String name, byte[] content, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Broken> files = new ArrayList<>();

    /**
     * @param answer one valid interchange from the market (an 814 answer to one of our requests)
     * @param three  three valid interchanges from the market, each its own ISA13
     */
    static List<Broken> from(String answer, List<String> three) {
        BrokenMarketFiles corpus = new BrokenMarketFiles();
        corpus.notX12();
        corpus.envelope(answer);
        corpus.truncated(answer);
        corpus.content(answer);
        corpus.oneBrokenAmongValid(three);
        return List.copyOf(corpus.files);
    }

    private void add(String name, String content, String expected) {
        files.add(new Broken(name, content.getBytes(StandardCharsets.ISO_8859_1), expected));
    }

    private void notX12() {
        files.add(new Broken("empty", new byte[0], null));
        add("JSON", "{\"esiId\":\"10443720000000001\",\"action\":\"enroll\"}", null);
        add("PDF header", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", null);
        add("a letter", "Dear ERCOT, please enroll 10443720000000001. Thanks!", null);
        byte[] random = new byte[512];
        new Random(20261123).nextBytes(random);
        files.add(new Broken("random bytes", random, null));
    }

    private void envelope(String a) {
        add("ISA cut after 60 characters", a.substring(0, 60), null);
        add("ISA06 one character short", a.replaceFirst("\\*01\\*(\\d+) ", "*01*$1"), null);
        add("ISA08 one character long", a.replaceFirst("(\\*01\\*\\d+ +\\*01\\*\\d+ +)\\*", "$1 *"), null);
        add("GS written with another element separator", a.replaceFirst("GS\\*([^~]*)~",
                "GS|" + segment(a, "GS").substring(3).replace('*', '|') + "~"), null);
        add("ISA16 the same as the segment terminator", a.replaceFirst("\\*>~", "*~~"), "INTERCHANGE error 027 at ISA");
        add("ISA12 00501", a.replaceFirst("\\*00401\\*", "*00501*"), "INTERCHANGE error 003 at ISA");
        add("ISA09 261341", a.replaceFirst("\\*\\d{6}\\*(\\d{4})\\*U\\*", "*261341*$1*U*"), "INTERCHANGE error 014 at ISA");
        add("SE01 wrong", a.replaceFirst("SE\\*(\\d+)\\*", "SE*99*"), "TRANSACTION error 4 at SE");
        add("SE02 differs from ST02", a.replaceFirst("SE\\*(\\d+)\\*(\\d+)~", "SE*$1*9999~"), "TRANSACTION error 3 at SE");
        add("GE02 differs from GS06", a.replaceFirst("(?m)^GE\\*1\\*(\\d+)~", "GE*1*9$1~"), "GROUP error 4 at GE");
        add("GE01 wrong", a.replaceFirst("(?m)^GE\\*1\\*", "GE*7*"), "GROUP error 5 at GE");
        add("IEA02 differs from ISA13", a.replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*999999999"),
                "INTERCHANGE error 001 at IEA");
        add("IEA01 wrong", a.replaceFirst("IEA\\*1\\*", "IEA*4*"), "INTERCHANGE error 021 at IEA");
        add("an unknown transaction set", a.replaceFirst("ST\\*814\\*", "ST*999*"), "TRANSACTION error 1 at ST");
        // the transaction set twice in its group, with the same ST02
        String set = a.substring(at(a, "ST"), at(a, "GE"));
        add("ST02 used twice in one group", a.replace(set, set + set).replaceFirst("(?m)^GE\\*1\\*", "GE*2*"),
                "TRANSACTION error 23 at ST");
    }

    /** A sample of the offsets: inside the ISA, inside a segment, before SE, before GE, before IEA, and spread. */
    private void truncated(String a) {
        add("cut inside the ISA", a.substring(0, 50), null);
        add("cut inside GS", a.substring(0, at(a, "GS") + 10), null);
        add("cut inside REF", a.substring(0, at(a, "REF") + 6), null);
        add("cut before SE", a.substring(0, at(a, "SE")), null);
        add("cut before GE", a.substring(0, at(a, "GE")), null);
        add("cut before IEA", a.substring(0, at(a, "IEA")), null);
        add("cut inside IEA", a.substring(0, at(a, "IEA") + 5), null);
        for (int i = 1; i <= 6; i++) {
            int cut = a.length() * i / 7;
            add("cut at byte " + cut, a.substring(0, cut), null);
        }
    }

    private void content(String a) {
        add("DTM02 20261341", a.replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*20261341"), "ELEMENT error 8 at DTM");
        add("BGN03 20261232", a.replaceFirst("BGN\\*(\\d\\d)\\*([^*~]+)\\*\\d{8}", "BGN*$1*$2*20261232"),
                "ELEMENT error 8 at BGN");
        add("BGN04 time 2561", a.replaceFirst("BGN\\*(\\d\\d)\\*([^*~]+)\\*(\\d{8})\\*", "BGN*$1*$2*$3*2561*"),
                "ELEMENT error 9 at BGN");
        add("ASI*ZZ", a.replaceFirst("ASI\\*\\w+\\*", "ASI*ZZ*"), "ELEMENT error 7 at ASI");
        add("ASI removed", a.replaceFirst("ASI\\*[^~]*~\\s*", ""), "SEGMENT error 3 at ASI");
        add("N102 of 61 characters (max 60)", a.replaceFirst("N1\\*8S\\*[^*~]*", "N1*8S*" + "ONCOR ".repeat(10) + "X"),
                "ELEMENT error 5 at N1");
        add("N1 with too many elements", a.replaceFirst("N1\\*8S\\*([^~]*)~", "N1*8S*$1*X*Y*Z~"),
                "ELEMENT error 3 at N1");
        add("BIG (an 810 segment) inside the 814", a.replaceFirst("(LIN\\*[^~]*~\\s*)", "BIG*20261123*INV1~\n$1"),
                "SEGMENT error 6 at BIG");
    }

    private void oneBrokenAmongValid(List<String> three) {
        String first = three.get(0);
        String middle = three.get(1);
        String last = three.get(2);
        add("middle of three: bad date", first + middle.replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*20261341") + last,
                "ELEMENT error 8 at DTM");
        add("middle of three: ISA06 one character short", first + middle.replaceFirst("\\*01\\*(\\d+) ", "*01*$1")
                + last, null);
        add("middle of three: cut before its GE", first + middle.substring(0, at(middle, "GE")) + last, null);
    }

    /** Where the segment with this tag begins (at the start of a line, as the market writes files). */
    static int at(String text, String tag) {
        int at = text.startsWith(tag + "*") ? 0 : text.indexOf("\n" + tag + "*") + 1;
        if (at < 0 || !text.startsWith(tag + "*", at)) {
            throw new IllegalArgumentException("no " + tag + " segment");
        }
        return at;
    }

    private static String segment(String text, String tag) {
        int start = at(text, tag);
        return text.substring(start, text.indexOf('~', start));
    }
}
