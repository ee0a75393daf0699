package org.metertocash.x12.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;
import org.metertocash.x12.ack.FunctionalAcknowledgement.ElementNote;
import org.metertocash.x12.ack.FunctionalAcknowledgement.SegmentNote;
import org.metertocash.x12.ack.FunctionalAcknowledgement.TransactionResponse;

class FunctionalAcknowledgementTest {

    private static final String US = "148862012";
    private static final String ERCOT = "183529049";

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);
    private final FunctionalAcknowledgementBuilder builder = new FunctionalAcknowledgementBuilder(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> response814(String reference) {
        return List.of(seg("BGN", "11", reference, "20261123", "", "", "20261120000000101"),
                seg("N1", "8S", "ONCOR", "1", "1039940674000"),
                seg("N1", "SJ", "METER TO CASH ENERGY", "1", US),
                seg("LIN", "1", "SH", "EL", "SH", "CE"),
                seg("ASI", "WQ", "021"),
                seg("REF", "Q5", "10443720000000001"),
                seg("DTM", "150", "20261201"));
    }

    /** An interchange from ERCOT to us with one group (GS06 4711) of 814 responses, ST02 0001, 0002, ... */
    String fileOf814s(int transactions) {
        List<OutboundInterchange.Transaction> sets = new java.util.ArrayList<>();
        for (int i = 1; i <= transactions; i++) {
            sets.add(new OutboundInterchange.Transaction("814", String.format("%04d", i), response814("ERCOT" + i)));
        }
        return text(writer.write(new OutboundInterchange("01", ERCOT, "01", US, LocalDateTime.of(2026, 11, 23, 9, 30),
                "000000777", "T", List.of(new OutboundInterchange.Group("GE", ERCOT, US, "4711", sets)))));
    }

    Interchange read(String text) {
        ParsedFile parsed = reader.read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.fatalError()).isNull();
        return parsed.interchanges().get(0);
    }

    FunctionalAcknowledgement acknowledge(String text) {
        Interchange interchange = read(text);
        return builder.acknowledge(interchange.groups().get(0), interchange.errors());
    }

    /** Writes the 997 as we send it, reads it back with the 997 schema and returns its only transaction set. */
    TransactionSet writeAndReread(FunctionalAcknowledgement ack) {
        byte[] file = writer.write(new OutboundInterchange("01", US, "01", ERCOT, LocalDateTime.of(2026, 11, 23, 10, 0),
                "000000042", "T", List.of(new OutboundInterchange.Group(FunctionalAcknowledgement.FUNCTIONAL_ID, US,
                        ERCOT, "42", List.of(new OutboundInterchange.Transaction("997", "0001", ack.body()))))));
        Interchange interchange = read(text(file));
        assertThat(interchange.errors()).isEmpty();
        FunctionalGroup group = interchange.groups().get(0);
        assertThat(group.errors()).isEmpty();
        assertThat(group.functionalId()).isEqualTo("FA");
        TransactionSet set = group.transactions().get(0);
        assertThat(set.errors()).as("the 997 is valid against its schema").isEmpty();
        return set;
    }

    static String text(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII);
    }

    static List<String> lines(TransactionSet set) {
        return set.segments().stream().map(s -> s.text('*')).toList();
    }

    @Test
    void a_clean_group_is_accepted_and_the_997_reads_back_without_errors() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(2));

        TransactionSet written = writeAndReread(ack);

        assertThat(lines(written)).containsExactly("ST*997*0001", "AK1*GE*4711", "AK2*814*0001", "AK5*A",
                "AK2*814*0002", "AK5*A", "AK9*A*2*2*2", "SE*8*0001");
        assertThat(FunctionalAcknowledgement.read(written)).isEqualTo(ack);
    }

    @Test
    void element_errors_are_located_with_their_data_element_reference_and_a_copy_of_the_bad_data() {
        String broken = fileOf814s(1).replace("DTM*150*20261201", "DTM*150*20261341").replace("ASI*WQ*", "ASI*ZZ*");

        FunctionalAcknowledgement ack = acknowledge(broken);

        TransactionResponse response = ack.transactions().get(0);
        assertThat(response.code()).isEqualTo("R");
        assertThat(response.errorCodes()).containsExactly("5");
        assertThat(response.segmentNotes()).containsExactly(
                new SegmentNote("ASI", 6, null, "8", List.of(new ElementNote(1, null, "306", "7", "ZZ"))),
                new SegmentNote("DTM", 8, null, "8", List.of(new ElementNote(2, null, "373", "8", "20261341"))));
        assertThat(ack.groupCode()).isEqualTo("R");
        assertThat(lines(writeAndReread(ack))).containsSubsequence("AK2*814*0001", "AK3*ASI*6**8", "AK4*1*306*7*ZZ",
                "AK3*DTM*8**8", "AK4*2*373*8*20261341", "AK5*R*5", "AK9*R*1*1*0");
    }

    @Test
    void a_missing_mandatory_element_has_no_copy_of_bad_data() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(1).replace("ASI*WQ*021", "ASI*WQ"));

        SegmentNote note = ack.transactions().get(0).segmentNotes().get(0);
        assertThat(note.segmentId()).isEqualTo("ASI");
        assertThat(note.elementNotes()).containsExactly(new ElementNote(2, null, "875", "1", null));
        assertThat(lines(writeAndReread(ack))).contains("AK4*2*875*1");
    }

    @Test
    void a_missing_mandatory_segment_is_a_segment_note_with_code_3() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(1).replace("ASI*WQ*021~\n", "")
                .replace("SE*9*", "SE*8*"));

        TransactionResponse response = ack.transactions().get(0);
        assertThat(response.code()).isEqualTo("R");
        assertThat(response.segmentNotes()).extracting(SegmentNote::segmentId, SegmentNote::errorCode)
                .contains(org.assertj.core.groups.Tuple.tuple("ASI", "3"));
        writeAndReread(ack);
    }

    @Test
    void a_wrong_segment_count_rejects_the_set_with_ak5_code_4() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(1).replace("SE*9*", "SE*10*"));

        assertThat(ack.transactions().get(0).code()).isEqualTo("R");
        assertThat(ack.transactions().get(0).errorCodes()).containsExactly("4");
        assertThat(ack.transactions().get(0).segmentNotes()).isEmpty();
        assertThat(lines(writeAndReread(ack))).contains("AK5*R*4", "AK9*R*1*1*0");
    }

    @Test
    void one_bad_set_among_good_ones_partially_accepts_the_group() {
        String text = fileOf814s(3);
        int second = text.indexOf("ST*814*0002");
        String broken = text.substring(0, second)
                + text.substring(second).replaceFirst("DTM\\*150\\*20261201", "DTM*150*2026120A");

        FunctionalAcknowledgement ack = acknowledge(broken);

        assertThat(ack.transactions()).extracting(TransactionResponse::code).containsExactly("A", "R", "A");
        assertThat(ack.groupCode()).isEqualTo("P");
        assertThat(lines(writeAndReread(ack))).contains("AK9*P*3*3*2");
    }

    @Test
    void a_group_trailer_that_disagrees_rejects_the_group_with_its_716_code() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(2).replace("GE*2*4711", "GE*3*4711"));

        assertThat(ack.groupCode()).isEqualTo("R");
        assertThat(ack.groupErrorCodes()).containsExactly("5");
        assertThat(ack.accepted()).isZero();
        assertThat(ack.transactions()).extracting(TransactionResponse::code).containsOnly("R");
        assertThat(lines(writeAndReread(ack))).contains("AK9*R*2*2*0*5");
    }

    @Test
    void an_interchange_envelope_error_rejects_every_set_of_its_groups() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(1).replace("IEA*1*000000777", "IEA*1*000000778"));

        assertThat(ack.transactions().get(0).code()).isEqualTo("R");
        assertThat(ack.groupCode()).isEqualTo("R");
        writeAndReread(ack);
    }

    @Test
    void an_unsupported_transaction_set_is_rejected_with_ak5_code_1() {
        FunctionalAcknowledgement ack = acknowledge(fileOf814s(1).replace("ST*814*0001", "ST*123*0001"));

        assertThat(ack.transactions().get(0).setId()).isEqualTo("123");
        assertThat(ack.transactions().get(0).errorCodes()).contains("1");
        assertThat(lines(writeAndReread(ack))).contains("AK2*123*0001");
    }

    @Test
    void a_group_whose_control_number_cannot_be_quoted_cannot_be_acknowledged() {
        FunctionalGroup group = new FunctionalGroup("GE", ERCOT, US, "", "004010", List.of(), List.of());
        assertThatThrownBy(() -> builder.acknowledge(group)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GS06");
    }

    @Test
    void a_partners_997_without_ak2_loops_accepts_or_rejects_by_its_ak9() {
        TransactionSet accepting = new TransactionSet("997", "0001", List.of(seg("ST", "997", "0001"),
                seg("AK1", "GE", "15"), seg("AK9", "A", "1", "1", "1"), seg("SE", "4", "0001")), List.of());
        TransactionSet rejecting = new TransactionSet("997", "0001", List.of(seg("ST", "997", "0001"),
                seg("AK1", "GE", "16"), seg("AK9", "R", "1", "1", "0", "5"), seg("SE", "4", "0001")), List.of());

        assertThat(FunctionalAcknowledgement.read(accepting).codeFor("0001")).isEqualTo("A");
        FunctionalAcknowledgement rejected = FunctionalAcknowledgement.read(rejecting);
        assertThat(rejected.codeFor("0001")).isEqualTo("R");
        assertThat(rejected.groupControlNumber()).isEqualTo("16");
        assertThat(rejected.groupErrorCodes()).containsExactly("5");
    }

    @Test
    void a_partners_997_with_a_component_position_in_ak4_is_read() {
        TransactionSet set = new TransactionSet("997", "0001", List.of(seg("ST", "997", "0001"),
                seg("AK1", "GE", "15"), seg("AK2", "814", "0001"), seg("AK3", "N1", "4", "", "8"),
                seg("AK4", "4>1", "67", "4", "1"), seg("AK5", "R", "5"), seg("AK9", "R", "1", "1", "0"),
                seg("SE", "8", "0001")), List.of());

        FunctionalAcknowledgement ack = FunctionalAcknowledgement.read(set);

        assertThat(ack.codeFor("0001")).isEqualTo("R");
        assertThat(ack.responseTo("0001").orElseThrow().segmentNotes().get(0).elementNotes())
                .containsExactly(new ElementNote(4, 1, "67", "4", "1"));
    }
}
