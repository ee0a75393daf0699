package org.metertocash.x12.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.x12.FunctionalGroup;
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
 * The 650 schema (Texas SET 650_01 disconnect / reconnect for non-pay, 650_02 its completion or rejection): what
 * the retailer and the TDSP write reads back unchanged and without errors, and content the guide does not allow
 * is reported with the code a 997 would carry.
 */
class ServiceOrder650RoundTripTest {

    private static final String ESI_ID = "10443720000012345";
    private static final String OUR_REFERENCE = "20261123000000101";

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> order(String purposeCode) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", "13", OUR_REFERENCE, "20261123"));
        body.add(seg("N1", "8S", "ONCOR", "1", "1039940674000"));
        body.add(seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"));
        body.add(seg("HL", "1", "", "O"));
        body.add(seg("REF", "Q5", ESI_ID));
        body.add(seg("REF", "11", "ACC-000123"));
        body.add(seg("REF", "5H", purposeCode));
        body.add(seg("DTM", "002", "20261125"));
        return body;
    }

    static List<Segment> response(Segment... detail) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", "11", "ONCOR0000042", "20261125", "", "", OUR_REFERENCE));
        body.add(seg("N1", "8S", "ONCOR", "1", "1039940674000"));
        body.add(seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"));
        body.add(seg("HL", "1", "", "O"));
        body.add(seg("REF", "Q5", ESI_ID));
        body.add(seg("REF", "5H", "DC001"));
        body.addAll(List.of(detail));
        return body;
    }

    byte[] write(List<Segment> body) {
        return writer.write(new OutboundInterchange("01", "148862012", "01", "1039940674000",
                LocalDateTime.of(2026, 11, 23, 12, 0), "000000101", "T",
                List.of(new OutboundInterchange.Group("MO", "148862012", "1039940674000", "101",
                        List.of(new OutboundInterchange.Transaction("650", "0001", body))))));
    }

    TransactionSet readOne(byte[] file) {
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        return parsed.interchanges().get(0).groups().get(0).transactions().get(0);
    }

    TransactionSet readEdited(List<Segment> body, String from, String to) {
        String text = new String(write(body), StandardCharsets.US_ASCII);
        assertThat(text).contains(from);
        return readOne(text.replace(from, to).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void a_written_650_01_disconnect_order_reads_back_with_no_errors() {
        byte[] file = write(order("DC001"));
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).contains("GS*MO*148862012*1039940674000*").contains("ST*650*0001~")
                .contains("HL*1**O~").contains("SE*10*0001~");

        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        FunctionalGroup group = interchange.groups().get(0);
        assertThat(group.errors()).isEmpty();
        assertThat(group.functionalId()).isEqualTo("MO");
        TransactionSet order = group.transactions().get(0);
        assertThat(order.errors()).isEmpty();
        assertThat(order.type()).isEqualTo("650");
        assertThat(order.first("BGN").orElseThrow().element(2)).isEqualTo(OUR_REFERENCE);
        assertThat(order.ref("Q5")).contains(ESI_ID);
        assertThat(order.ref("5H")).contains("DC001");
        assertThat(order.ref("11")).contains("ACC-000123");
        assertThat(order.dtm("002")).contains("20261125");
    }

    @Test
    void a_reconnect_order_reads_back_with_its_purpose_code() {
        TransactionSet order = readOne(write(order("RC001")));
        assertThat(order.errors()).isEmpty();
        assertThat(order.ref("5H")).contains("RC001");
    }

    @Test
    void a_650_02_completion_quotes_our_reference_and_carries_the_completion_date() {
        TransactionSet completion = readOne(write(response(seg("DTM", "198", "20261125"))));
        assertThat(completion.errors()).isEmpty();
        assertThat(completion.first("BGN").orElseThrow().element(1)).isEqualTo("11");
        assertThat(completion.first("BGN").orElseThrow().element(6)).isEqualTo(OUR_REFERENCE);
        assertThat(completion.dtm("198")).contains("20261125");
        assertThat(completion.ref("7G")).isEmpty();
    }

    @Test
    void a_650_02_rejection_carries_the_reject_code_and_its_text() {
        TransactionSet rejection = readOne(write(response(seg("REF", "7G", "WTM", "WEATHER MORATORIUM"))));
        assertThat(rejection.errors()).isEmpty();
        Segment reason = rejection.all("REF").filter(r -> r.element(1).equals("7G")).findFirst().orElseThrow();
        assertThat(reason.element(2)).isEqualTo("WTM");
        assertThat(reason.element(3)).isEqualTo("WEATHER MORATORIUM");
    }

    @Test
    void a_bad_completion_date_is_an_element_error_8_at_dtm02() {
        TransactionSet completion = readEdited(response(seg("DTM", "198", "20261125")), "DTM*198*20261125",
                "DTM*198*20261135");
        assertThat(completion.errors()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.ELEMENT);
            assertThat(e.segmentTag()).isEqualTo("DTM");
            assertThat(e.elementPosition()).isEqualTo(2);
            assertThat(e.code()).isEqualTo("8");
            assertThat(e.segmentPosition()).isEqualTo(8);
        });
    }

    @Test
    void an_unknown_purpose_in_bgn01_is_an_element_error_7() {
        TransactionSet order = readEdited(order("DC001"), "BGN*13*", "BGN*99*");
        assertThat(order.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("BGN");
            assertThat(e.elementPosition()).isEqualTo(1);
            assertThat(e.code()).isEqualTo("7");
        });
    }

    @Test
    void an_order_without_its_service_order_loop_is_a_mandatory_segment_missing() {
        String text = new String(write(order("DC001")), StandardCharsets.US_ASCII);
        String withoutLoop = text.replace("HL*1**O~\n", "").replace("REF*Q5*" + ESI_ID + "~\n", "")
                .replace("REF*11*ACC-000123~\n", "").replace("REF*5H*DC001~\n", "").replace("DTM*002*20261125~\n", "")
                .replace("SE*10*", "SE*5*");
        TransactionSet order = readOne(withoutLoop.getBytes(StandardCharsets.US_ASCII));
        assertThat(order.errors()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.SEGMENT);
            assertThat(e.segmentTag()).isEqualTo("HL");
            assertThat(e.code()).isEqualTo("3");
        });
    }

    @Test
    void a_second_service_order_in_one_transaction_is_a_loop_over_its_maximum() {
        List<Segment> body = new ArrayList<>(order("DC001"));
        body.add(seg("HL", "2", "", "O"));
        body.add(seg("REF", "Q5", "10443720000099999"));
        String text = new String(write(order("DC001")), StandardCharsets.US_ASCII)
                .replace("DTM*002*20261125~\n", "DTM*002*20261125~\nHL*2**O~\nREF*Q5*10443720000099999~\n")
                .replace("SE*10*", "SE*12*");
        TransactionSet order = readOne(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(order.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("HL");
            assertThat(e.code()).isEqualTo("4");
        });
        assertThatThrownBy(() -> write(body)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("LOOP_OCCURS_OVER_MAXIMUM_TIMES");
    }

    @Test
    void the_writer_refuses_an_hl_segment_without_its_level_code() {
        List<Segment> body = new ArrayList<>(order("DC001"));
        body.set(3, seg("HL", "1"));
        assertThatThrownBy(() -> write(body)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("REQUIRED_DATA_ELEMENT_MISSING").hasMessageContaining("HL");
    }
}
