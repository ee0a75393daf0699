package org.metertocash.x12.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.Segment;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/**
 * The 867 schema (Texas SET 867_03 usage, 867_04 initial read): what a TDSP writes reads back unchanged and
 * without errors, and content the guide does not allow is reported with the code a 997 would carry.
 */
class Usage867RoundTripTest {

    private static final String ESI_ID = "10443720000012345";

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> header(String purpose, String reference, String reportType, String finalFlag,
            String original) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BPT", purpose, reference, "20260705", reportType, "", "", finalFlag, "", original));
        body.add(seg("REF", "Q5", ESI_ID));
        body.add(seg("N1", "8S", "ONCOR ELECTRIC DELIVERY", "1", "1039940674000"));
        body.add(seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"));
        return body;
    }

    static List<Segment> monthly() {
        List<Segment> body = header("00", "U2026070500001", "DD", "", "");
        body.add(seg("PTD", "SU"));
        body.add(seg("DTM", "150", "20260601"));
        body.add(seg("DTM", "151", "20260701"));
        body.add(seg("QTY", "QD", "1234.5", "KH"));
        body.add(seg("PTD", "PL"));
        body.add(seg("DTM", "150", "20260601"));
        body.add(seg("DTM", "151", "20260701"));
        body.add(seg("REF", "MG", "MTR0001"));
        body.add(seg("QTY", "QD", "1234.5", "KH"));
        body.add(seg("MEA", "AA", "PRQ", "1234.5", "KH", "40211", "41445.5", "51"));
        body.add(seg("QTY", "KA", "5.2", "K1"));
        return body;
    }

    static List<Segment> interval(int intervals) {
        List<Segment> body = header("05", "U2026070500002", "C1", "F", "U2026070500001");
        body.add(seg("PTD", "PM", "", "", "MG", "MTR0002"));
        body.add(seg("DTM", "150", "20260601"));
        body.add(seg("DTM", "151", "20260602"));
        body.add(seg("REF", "MG", "MTR0002"));
        LocalDateTime end = LocalDateTime.of(2026, 6, 1, 0, 0);
        for (int i = 0; i < intervals; i++) {
            end = end.plusMinutes(15);
            body.add(seg("QTY", "QD", "0." + (100 + i), "KH"));
            body.add(seg("DTM", "582", end.toLocalDate().toString().replace("-", ""),
                    String.format("%02d%02d", end.getHour(), end.getMinute()), "CD"));
        }
        return body;
    }

    byte[] write(List<Segment> body) {
        return writer.write(new OutboundInterchange("01", "1039940674000", "01", "148862012",
                LocalDateTime.of(2026, 7, 5, 6, 30), "000004711", "T",
                List.of(new OutboundInterchange.Group("PT", "1039940674000", "148862012", "4711",
                        List.of(new OutboundInterchange.Transaction("867", "0001", body))))));
    }

    TransactionSet read(byte[] file) {
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.groups().get(0).errors()).isEmpty();
        return interchange.groups().get(0).transactions().get(0);
    }

    TransactionSet read(String text) {
        return read(text.getBytes(StandardCharsets.US_ASCII));
    }

    static List<List<String>> content(List<Segment> segments) {
        return segments.stream().map(s -> {
            List<String> row = new ArrayList<>();
            row.add(s.tag());
            // trailing empty elements are not written
            List<String> elements = new ArrayList<>(s.elements());
            while (!elements.isEmpty() && elements.get(elements.size() - 1).isEmpty()) {
                elements.remove(elements.size() - 1);
            }
            row.addAll(elements);
            return row;
        }).toList();
    }

    @Test
    void monthly_usage_with_readings_and_demand_reads_back_unchanged_and_without_errors() {
        List<Segment> body = monthly();
        TransactionSet usage = read(write(body));

        assertThat(usage.errors()).isEmpty();
        assertThat(usage.type()).isEqualTo("867");
        List<Segment> inner = usage.segments().subList(1, usage.segments().size() - 1);
        assertThat(content(inner)).isEqualTo(content(body));
        assertThat(usage.ref("Q5")).contains(ESI_ID);
        assertThat(usage.first("MEA").orElseThrow().element(6)).isEqualTo("41445.5");
        assertThat(usage.segments().get(usage.segments().size() - 1).elements())
                .containsExactly(String.valueOf(body.size() + 2), "0001");
    }

    @Test
    void a_final_replacement_with_a_day_of_15_minute_intervals_reads_back_without_errors() {
        List<Segment> body = interval(96);
        TransactionSet usage = read(write(body));

        assertThat(usage.errors()).isEmpty();
        assertThat(usage.all("QTY")).hasSize(96);
        assertThat(usage.all("DTM").filter(d -> d.element(1).equals("582"))).hasSize(96)
                .last().satisfies(d -> {
                    assertThat(d.element(2)).isEqualTo("20260602");
                    assertThat(d.element(3)).isEqualTo("0000");
                    assertThat(d.element(4)).isEqualTo("CD");
                });
        Segment bpt = usage.first("BPT").orElseThrow();
        assertThat(bpt.element(1)).isEqualTo("05");
        assertThat(bpt.element(7)).isEqualTo("F");
        assertThat(bpt.element(9)).isEqualTo("U2026070500001");
        assertThat(content(usage.segments().subList(1, usage.segments().size() - 1))).isEqualTo(content(body));
    }

    @Test
    void an_initial_read_with_only_a_start_date_and_reading_is_valid() {
        List<Segment> body = header("00", "U2026070500003", "IR", "", "");
        body.add(seg("PTD", "PL"));
        body.add(seg("DTM", "150", "20260603"));
        body.add(seg("REF", "MG", "MTR0003"));
        body.add(seg("QTY", "QD", "0", "KH"));
        body.add(seg("MEA", "AA", "PRQ", "0", "KH", "51200", "51200", "51"));
        assertThat(read(write(body)).errors()).isEmpty();
    }

    @Test
    void a_usage_report_without_its_bpt_is_missing_a_mandatory_segment() {
        String text = new String(write(monthly()), StandardCharsets.US_ASCII)
                .replaceFirst("BPT\\*[^~]*~\\s*", "").replaceFirst("SE\\*(\\d+)\\*", "SE*" + (monthly().size() + 1) + "*");
        TransactionSet usage = read(text);
        assertThat(usage.errors()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.SEGMENT);
            assertThat(e.segmentTag()).isEqualTo("BPT");
            assertThat(e.code()).isEqualTo("3");
        });
    }

    @Test
    void a_usage_report_without_any_usage_loop_is_missing_a_mandatory_segment() {
        List<Segment> body = header("00", "U2026070500004", "DD", "", "");
        String text = new String(write(monthly()), StandardCharsets.US_ASCII);
        String headerOnly = text.substring(0, text.indexOf("PTD*")) + "SE*" + (body.size() + 2) + "*0001~\n"
                + text.substring(text.indexOf("GE*"));
        TransactionSet usage = read(headerOnly);
        assertThat(usage.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("PTD");
            assertThat(e.code()).isEqualTo("3");
        });
    }

    @Test
    void an_impossible_service_date_is_an_invalid_date_at_dtm02() {
        String text = new String(write(monthly()), StandardCharsets.US_ASCII)
                .replace("DTM*151*20260701~\nREF*MG", "DTM*151*20260631~\nREF*MG");
        TransactionSet usage = read(text);
        assertThat(usage.errors()).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.ELEMENT);
            assertThat(e.segmentTag()).isEqualTo("DTM");
            assertThat(e.segmentPosition()).isEqualTo(12); // ST is 1
            assertThat(e.elementPosition()).isEqualTo(2);
            assertThat(e.code()).isEqualTo("8");
        });
    }

    @Test
    void codes_the_guide_does_not_know_are_invalid_code_values() {
        String text = new String(write(monthly()), StandardCharsets.US_ASCII)
                .replace("BPT*00*", "BPT*07*").replace("QTY*KA*5.2*K1", "QTY*KA*5.2*KW")
                .replace("PTD*SU", "PTD*ZZ");
        TransactionSet usage = read(text);
        assertThat(usage.errors()).extracting(SyntaxError::segmentTag, SyntaxError::elementPosition, SyntaxError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("BPT", 1, "7"),
                        org.assertj.core.groups.Tuple.tuple("QTY", 3, "7"),
                        org.assertj.core.groups.Tuple.tuple("PTD", 1, "7"));
    }

    @Test
    void a_quantity_must_be_a_number_and_must_be_there() {
        String text = new String(write(monthly()), StandardCharsets.US_ASCII)
                .replace("QTY*KA*5.2*K1", "QTY*KA*FIVE*K1").replace("PTD*SU~\nDTM*150*20260601~\nDTM*151*20260701~\nQTY*QD*1234.5*KH",
                        "PTD*SU~\nDTM*150*20260601~\nDTM*151*20260701~\nQTY*QD**KH");
        TransactionSet usage = read(text);
        assertThat(usage.errors()).extracting(SyntaxError::segmentTag, SyntaxError::elementPosition, SyntaxError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("QTY", 2, "6"),
                        org.assertj.core.groups.Tuple.tuple("QTY", 2, "1"));
    }

    @Test
    void a_reference_qualifier_without_its_reference_breaks_the_pairing_rule() {
        String text = new String(write(interval(2)), StandardCharsets.US_ASCII).replace("PTD*PM***MG*MTR0002",
                "PTD*PM***MG");
        TransactionSet usage = read(text);
        assertThat(usage.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("PTD");
            assertThat(e.code()).isEqualTo("2");
        });
    }

    @Test
    void the_writer_refuses_content_the_schema_rejects() {
        List<Segment> body = new ArrayList<>(monthly());
        body.set(0, seg("BPT", "99", "U1", "20260705"));
        assertThatThrownBy(() -> write(body)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("INVALID_CODE_VALUE").hasMessageContaining("BPT");
    }
}
