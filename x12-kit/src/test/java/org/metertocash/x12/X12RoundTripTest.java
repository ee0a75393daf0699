package org.metertocash.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class X12RoundTripTest {

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> request814() {
        return List.of(seg("BGN", "13", "REF000001", "20261123"),
                seg("N1", "8S", "ONCOR", "1", "1039940674000"),
                seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"),
                seg("N1", "8R", "ANA RAMIREZ"),
                seg("N3", "1200 ELM ST"),
                seg("N4", "DALLAS", "TX", "75201", "", "CO", "DALLAS"),
                seg("LIN", "1", "SH", "EL", "SH", "CE"),
                seg("ASI", "7", "021"),
                seg("REF", "Q5", "10443720000000001"),
                seg("DTM", "150", "20261201"));
    }

    static byte[] write(X12Writer writer, List<Segment> body) {
        return writer.write(new OutboundInterchange("01", "148862012", "01", "183529049",
                LocalDateTime.of(2026, 11, 23, 12, 0), "000000101", "T",
                List.of(new OutboundInterchange.Group("GE", "148862012", "183529049", "101",
                        List.of(new OutboundInterchange.Transaction("814", "0001", body))))));
    }

    @Test
    void a_written_814_reads_back_with_no_errors() {
        byte[] file = write(writer, request814());
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("ISA*00*          *00*          *01*148862012      *01*183529049      *261123*1200*U*00401*000000101*0*T*>~");
        assertThat(text).contains("SE*12*0001~").contains("GE*1*101~").contains("IEA*1*000000101~");

        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.controlNumber()).isEqualTo("000000101");
        assertThat(interchange.senderId()).isEqualTo("148862012");
        TransactionSet transaction = interchange.groups().get(0).transactions().get(0);
        assertThat(transaction.errors()).isEmpty();
        assertThat(transaction.type()).isEqualTo("814");
        assertThat(transaction.ref("Q5")).contains("10443720000000001");
        assertThat(transaction.dtm("150")).contains("20261201");
        assertThat(transaction.segments()).extracting(Segment::tag).startsWith("ST", "BGN").endsWith("SE");
        assertThat(transaction.first("N4").orElseThrow().element(6)).isEqualTo("DALLAS");
    }

    @Test
    void delimiters_come_from_the_isa_segment() {
        String text = new String(write(writer, request814()), StandardCharsets.US_ASCII)
                .replace('*', '|').replace("~\n", "!\n").replace("|>!", "|^!");
        ParsedFile parsed = reader.read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.fatalError()).isNull();
        assertThat(parsed.interchanges().get(0).delimiters().element()).isEqualTo('|');
        assertThat(parsed.interchanges().get(0).delimiters().segment()).isEqualTo('!');
        assertThat(parsed.interchanges().get(0).groups().get(0).transactions().get(0).ref("Q5"))
                .contains("10443720000000001");
    }

    @Test
    void a_wrong_segment_count_is_reported_as_ak5_code_4() {
        String text = new String(write(writer, request814()), StandardCharsets.US_ASCII).replace("SE*12*", "SE*11*");
        TransactionSet transaction = reader.read(text.getBytes()).interchanges().get(0).groups().get(0).transactions()
                .get(0);
        assertThat(transaction.errors()).extracting(SyntaxError::code).contains("4");
    }

    @Test
    void a_wrong_interchange_trailer_is_reported_as_ta1_001() {
        String text = new String(write(writer, request814()), StandardCharsets.US_ASCII)
                .replace("IEA*1*000000101", "IEA*1*000000999");
        Interchange interchange = reader.read(text.getBytes()).interchanges().get(0);
        assertThat(interchange.errors()).extracting(SyntaxError::code).contains("001");
    }

    @Test
    void a_bad_date_and_a_bad_code_are_element_errors_with_their_position() {
        String text = new String(write(writer, request814()), StandardCharsets.US_ASCII)
                .replace("DTM*150*20261201", "DTM*150*20261341").replace("ASI*7*021", "ASI*ZZ*021");
        TransactionSet transaction = reader.read(text.getBytes()).interchanges().get(0).groups().get(0)
                .transactions().get(0);
        assertThat(transaction.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("DTM");
            assertThat(e.elementPosition()).isEqualTo(2);
            assertThat(e.code()).isEqualTo("8");
            assertThat(e.segmentPosition()).isEqualTo(11);
        });
        assertThat(transaction.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("ASI");
            assertThat(e.code()).isEqualTo("7");
        });
    }

    @Test
    void garbage_and_truncated_files_are_reported_not_thrown() {
        assertThat(reader.read("hello, this is not X12".getBytes()).fatalError()).isNotNull();
        assertThat(reader.read(new byte[0]).fatalError()).isEqualTo("the file is empty");
        byte[] file = write(writer, request814());
        assertThat(reader.read(java.util.Arrays.copyOf(file, 50)).fatalError()).isNotNull();
        ParsedFile truncated = reader.read(java.util.Arrays.copyOf(file, file.length - 40));
        assertThat(truncated.readable()).isFalse();
    }

    @Test
    void several_interchanges_in_one_file_are_all_read() {
        byte[] one = write(writer, request814());
        byte[] both = new byte[one.length * 2];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(one, 0, both, one.length, one.length);
        ParsedFile parsed = reader.read(both);
        assertThat(parsed.fatalError()).isNull();
        assertThat(parsed.interchanges()).hasSize(2);
    }
}
