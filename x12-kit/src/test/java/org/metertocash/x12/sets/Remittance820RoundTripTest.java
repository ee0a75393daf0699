package org.metertocash.x12.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.Segment;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/**
 * The 820 schema (Texas SET remittance: BPR payment, TRN trace, N1 payer and payee, ENT/RMR lines with the
 * premise in REF*Q5): a remittance reads back unchanged and without errors, amounts stay exact decimals, and
 * content the guide does not allow is reported with the code a 997 would carry.
 */
class Remittance820RoundTripTest {

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> remittance() {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BPR", "C", "150.75", "C", "ACH", "CCP", "01", "111000025", "DA", "123456789", "1148862012", "",
                "01", "111000614", "DA", "987654321", "20261201"));
        body.add(seg("TRN", "1", "TRACE0001", "1148862012"));
        body.add(seg("DTM", "097", "20261130"));
        body.add(seg("N1", "PR", "METER TO CASH ENERGY", "1", "148862012"));
        body.add(seg("N1", "PE", "ONCOR", "1", "1039940674000"));
        body.add(seg("ENT", "1"));
        body.add(seg("RMR", "IV", "INV-1001", "PO", "100.50", "100.50"));
        body.add(seg("REF", "Q5", "10443720000012345"));
        body.add(seg("DTM", "003", "20261115"));
        body.add(seg("RMR", "IV", "INV-1002", "PO", "50.25"));
        body.add(seg("REF", "Q5", "10443720000067890"));
        return body;
    }

    byte[] write(List<Segment> body) {
        return writer.write(new OutboundInterchange("01", "148862012", "01", "1039940674000",
                LocalDateTime.of(2026, 11, 30, 9, 0), "000000201", "T",
                List.of(new OutboundInterchange.Group("RA", "148862012", "1039940674000", "201",
                        List.of(new OutboundInterchange.Transaction("820", "0001", body))))));
    }

    TransactionSet readOne(byte[] file) {
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        return parsed.interchanges().get(0).groups().get(0).transactions().get(0);
    }

    TransactionSet readEdited(String from, String to) {
        String text = new String(write(remittance()), StandardCharsets.US_ASCII);
        assertThat(text).contains(from);
        return readOne(text.replace(from, to).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void a_written_820_reads_back_with_no_errors_and_exact_amounts() {
        byte[] file = write(remittance());
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).contains("GS*RA*148862012*1039940674000*").contains("ST*820*0001~").contains("SE*13*0001~");

        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        assertThat(parsed.interchanges().get(0).errors()).isEmpty();
        FunctionalGroup group = parsed.interchanges().get(0).groups().get(0);
        assertThat(group.errors()).isEmpty();
        TransactionSet remittance = group.transactions().get(0);
        assertThat(remittance.errors()).isEmpty();
        Segment bpr = remittance.first("BPR").orElseThrow();
        assertThat(new BigDecimal(bpr.element(2))).isEqualByComparingTo("150.75");
        assertThat(bpr.element(16)).isEqualTo("20261201");
        assertThat(remittance.first("TRN").orElseThrow().element(2)).isEqualTo("TRACE0001");
        assertThat(remittance.all("N1").map(n1 -> n1.element(1) + "=" + n1.element(4)))
                .containsExactly("PR=148862012", "PE=1039940674000");
        BigDecimal lines = remittance.all("RMR").map(r -> new BigDecimal(r.element(4)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).isEqualByComparingTo(new BigDecimal(bpr.element(2)));
        assertThat(remittance.all("REF").filter(r -> r.element(1).equals("Q5")).map(r -> r.element(2)))
                .containsExactly("10443720000012345", "10443720000067890");
    }

    @Test
    void an_amount_that_is_not_a_number_is_an_element_error_at_rmr04() {
        TransactionSet remittance = readEdited("RMR*IV*INV-1002*PO*50.25", "RMR*IV*INV-1002*PO*50,25");
        assertThat(remittance.errors()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.ELEMENT);
            assertThat(e.segmentTag()).isEqualTo("RMR");
            assertThat(e.elementPosition()).isEqualTo(4);
            assertThat(e.code()).isEqualTo("6");
            assertThat(e.segmentPosition()).isEqualTo(11);
        });
    }

    @Test
    void a_line_without_its_amount_paid_is_a_missing_mandatory_element() {
        TransactionSet remittance = readEdited("RMR*IV*INV-1002*PO*50.25", "RMR*IV*INV-1002*PO");
        assertThat(remittance.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("RMR");
            assertThat(e.elementPosition()).isEqualTo(4);
            assertThat(e.code()).isEqualTo("1");
        });
    }

    @Test
    void an_unknown_payment_method_is_an_element_error_7_at_bpr04() {
        TransactionSet remittance = readEdited("BPR*C*150.75*C*ACH*", "BPR*C*150.75*C*XYZ*");
        assertThat(remittance.errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("BPR");
            assertThat(e.elementPosition()).isEqualTo(4);
            assertThat(e.code()).isEqualTo("7");
        });
    }

    @Test
    void a_remittance_without_its_trace_number_is_a_mandatory_segment_missing() {
        TransactionSet remittance = readEdited("TRN*1*TRACE0001*1148862012~\n", "");
        assertThat(remittance.errors()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(SyntaxError.Level.SEGMENT);
            assertThat(e.segmentTag()).isEqualTo("TRN");
            assertThat(e.code()).isEqualTo("3");
        });
    }

    @Test
    void the_writer_refuses_a_payment_without_its_date() {
        List<Segment> body = new ArrayList<>(remittance());
        body.set(0, seg("BPR", "C", "150.75", "C", "ACH"));
        assertThatThrownBy(() -> write(body)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("REQUIRED_DATA_ELEMENT_MISSING").hasMessageContaining("BPR");
    }
}
