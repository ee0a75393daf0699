package org.metertocash.x12.corpus;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/**
 * The valid files the broken corpus is made from, written by {@link X12Writer} the way the market writes them:
 * an 814_01 switch request, a group of two 814 responses (an 814_05 accept and an 814_02 reject), a file of three
 * interchanges, and — once its schema exists — an 867_03 with 15-minute interval data.
 */
final class ValidSources {

    private static final LocalDateTime PREPARED = LocalDateTime.of(2026, 11, 23, 12, 0);

    private final X12Schemas schemas;
    private final X12Writer writer;

    ValidSources(X12Schemas schemas) {
        this.schemas = schemas;
        this.writer = new X12Writer(schemas);
    }

    private static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    private static List<Segment> header814(String purpose, String reference, String original) {
        return new ArrayList<>(List.of(seg("BGN", purpose, reference, "20261123", "", "", original),
                seg("N1", "8S", "ONCOR", "1", "1039940674000"),
                seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"),
                seg("N1", "8R", "ANA RAMIREZ"),
                seg("N3", "1200 ELM ST"),
                seg("N4", "DALLAS", "TX", "75201", "", "CO", "DALLAS"),
                seg("LIN", "1", "SH", "EL", "SH", "CE")));
    }

    static List<Segment> switchRequest() {
        List<Segment> body = header814("13", "REF000001", "");
        body.add(seg("ASI", "7", "021"));
        body.add(seg("REF", "Q5", "10443720000000001"));
        body.add(seg("DTM", "150", "20261201"));
        return body;
    }

    static List<Segment> accept(String reference) {
        List<Segment> body = header814("11", reference, "REF000001");
        body.add(seg("ASI", "WQ", "021"));
        body.add(seg("REF", "Q5", "10443720000000001"));
        body.add(seg("DTM", "150", "20261126"));
        return body;
    }

    static List<Segment> reject(String reference) {
        List<Segment> body = header814("11", reference, "REF000002");
        body.add(seg("ASI", "U", "021"));
        body.add(seg("REF", "Q5", "10443720000000002"));
        body.add(seg("REF", "7G", "SHF", "SWITCH HOLD"));
        return body;
    }

    private byte[] interchange(String isa13, String functionalId, String gs06,
            List<OutboundInterchange.Transaction> transactions) {
        return writer.write(new OutboundInterchange("01", "183529049", "01", "148862012", PREPARED, isa13, "T",
                List.of(new OutboundInterchange.Group(functionalId, "183529049", "148862012", gs06, transactions))));
    }

    /** One interchange, one group, one 814_01. */
    SourceFile switchRequestFile() {
        return new SourceFile("814_01 request", interchange("000000101", "GE", "101",
                List.of(new OutboundInterchange.Transaction("814", "0001", switchRequest()))));
    }

    /** One interchange, one group of two transaction sets: an 814_05 accept and an 814_02 reject. */
    SourceFile responsesFile() {
        return new SourceFile("814_05 + 814_02 responses", interchange("000000102", "GE", "102",
                List.of(new OutboundInterchange.Transaction("814", "0001", accept("ERCOT0001")),
                        new OutboundInterchange.Transaction("814", "0002", reject("ERCOT0002")))));
    }

    /** Three interchanges in one file, an 814_05 accept each. */
    SourceFile threeInterchangesFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= 3; i++) {
            out.writeBytes(interchange(String.format("%09d", 200 + i), "GE", Integer.toString(200 + i),
                    List.of(new OutboundInterchange.Transaction("814", "0001", accept("ERCOT020" + i)))));
        }
        return new SourceFile("three 814 interchanges", out.toByteArray());
    }

    /** An 867_03 of one interval meter over a day (96 quarter hours), if the 867 schema exists yet. */
    Optional<SourceFile> intervalUsageFile() {
        if (schemas.forTransaction("867").isEmpty()) {
            return Optional.empty();
        }
        List<Segment> body = new ArrayList<>(List.of(
                seg("BPT", "00", "U2026060200001", "20260602", "C1"),
                seg("REF", "Q5", "10443720000012345"),
                seg("N1", "8S", "ONCOR ELECTRIC DELIVERY", "1", "1039940674000"),
                seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"),
                seg("PTD", "PM", "", "", "MG", "MTR0002"),
                seg("DTM", "150", "20260601"),
                seg("DTM", "151", "20260602"),
                seg("REF", "MG", "MTR0002")));
        LocalDateTime end = LocalDateTime.of(2026, 6, 1, 0, 0);
        for (int i = 0; i < 96; i++) {
            end = end.plusMinutes(15);
            body.add(seg("QTY", "QD", "0." + (100 + i), "KH"));
            body.add(seg("DTM", "582", end.toLocalDate().toString().replace("-", ""),
                    String.format("%02d%02d", end.getHour(), end.getMinute()), "CD"));
        }
        return Optional.of(new SourceFile("867_03 interval usage", interchange("000000301", "PT", "301",
                List.of(new OutboundInterchange.Transaction("867", "0001", body)))));
    }
}
