package org.metertocash.x12.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
 * The 810 schema (Texas SET 810_02, the TDSP's invoice for delivery charges): originals, cancels and replaces with
 * their SAC charges read back unchanged and without errors; content the guide does not allow is reported with the
 * code a 997 would carry.
 */
class Invoice810RoundTripTest {

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static List<Segment> invoice(String purpose, String number, String original) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BIG", "20260706", number, "", original, "", "", "", purpose));
        body.add(seg("REF", "Q5", "10443720000012345"));
        body.add(seg("N1", "8S", "ONCOR ELECTRIC DELIVERY", "1", "1039940674000"));
        body.add(seg("N1", "SJ", "METER TO CASH ENERGY", "1", "148862012"));
        body.add(seg("ITD", "01", "3", "", "", "", "20260721", "15"));
        body.add(seg("DTM", "150", "20260601"));
        body.add(seg("DTM", "151", "20260701"));
        body.add(seg("IT1", "1", "", "", "", "", "SV", "EL"));
        body.add(seg("SAC", "C", "", "EU", "BAS001", "423", "", "", "", "", "", "", "", "", "", "CUSTOMER CHARGE"));
        body.add(seg("SAC", "C", "", "EU", "DIS001", "6212", "", "", "0.050339", "KH", "1234", "", "", "", "",
                "DISTRIBUTION CHARGE"));
        body.add(seg("SAC", "A", "", "EU", "CRE001", "-150", "", "", "", "", "", "", "", "", "", "INTEREST CREDIT"));
        body.add(seg("TDS", "6485"));
        body.add(seg("CTT", "1"));
        return body;
    }

    byte[] write(List<Segment> body) {
        return writer.write(new OutboundInterchange("01", "1039940674000", "01", "148862012",
                LocalDateTime.of(2026, 7, 6, 6, 30), "000004712", "T",
                List.of(new OutboundInterchange.Group("IN", "1039940674000", "148862012", "4712",
                        List.of(new OutboundInterchange.Transaction("810", "0001", body))))));
    }

    TransactionSet read(String text) {
        ParsedFile parsed = reader.read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.fatalError()).isNull();
        Interchange interchange = parsed.interchanges().get(0);
        assertThat(interchange.errors()).isEmpty();
        return interchange.groups().get(0).transactions().get(0);
    }

    String text(List<Segment> body) {
        return new String(write(body), StandardCharsets.US_ASCII);
    }

    @Test
    void an_original_invoice_with_charges_credits_terms_and_period_reads_back_unchanged() {
        List<Segment> body = invoice("00", "INV2026070600001", "");
        TransactionSet invoice = read(text(body));

        assertThat(invoice.errors()).isEmpty();
        assertThat(invoice.type()).isEqualTo("810");
        assertThat(Usage867RoundTripTest.content(invoice.segments().subList(1, invoice.segments().size() - 1)))
                .isEqualTo(Usage867RoundTripTest.content(body));
        assertThat(invoice.all("SAC")).extracting(s -> s.element(4), s -> s.element(5), s -> s.element(15))
                .containsExactly(tuple("BAS001", "423", "CUSTOMER CHARGE"), tuple("DIS001", "6212", "DISTRIBUTION CHARGE"),
                        tuple("CRE001", "-150", "INTEREST CREDIT"));
        assertThat(invoice.first("TDS").orElseThrow().element(1)).isEqualTo("6485");
        assertThat(invoice.first("ITD").orElseThrow().element(6)).isEqualTo("20260721");
    }

    @Test
    void cancel_and_replace_quote_the_original_invoice_in_big04() {
        for (String purpose : List.of("01", "05")) {
            TransactionSet invoice = read(text(invoice(purpose, "INV2026070600002", "INV2026070600001")));
            assertThat(invoice.errors()).isEmpty();
            assertThat(invoice.first("BIG").orElseThrow().element(8)).isEqualTo(purpose);
            assertThat(invoice.first("BIG").orElseThrow().element(4)).isEqualTo("INV2026070600001");
        }
    }

    @Test
    void an_invoice_without_its_total_is_missing_a_mandatory_segment() {
        String text = text(invoice("00", "INV1", "")).replaceFirst("TDS\\*6485~\\s*", "")
                .replaceFirst("SE\\*15\\*", "SE*14*");
        assertThat(read(text).errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("TDS");
            assertThat(e.code()).isEqualTo("3");
        });
    }

    @Test
    void an_unknown_purpose_a_bad_due_date_and_a_decimal_point_in_an_n2_amount_are_element_errors() {
        String text = text(invoice("00", "INV1", "")).replace("****00~", "****02~").replace("20260721", "20260732")
                .replace("*BAS001*423*", "*BAS001*4.23*");
        assertThat(read(text).errors())
                .extracting(SyntaxError::segmentTag, SyntaxError::elementPosition, SyntaxError::code)
                .contains(tuple("BIG", 8, "7"), tuple("ITD", 6, "8"), tuple("SAC", 5, "6"));
    }

    @Test
    void a_charge_that_names_no_charge_code_breaks_the_sac_syntax_rules() {
        String text = text(invoice("00", "INV1", "")).replace("SAC*C**EU*BAS001*423", "SAC*C****423")
                .replace("SAC*C**EU*DIS001*", "SAC*C**EU**");
        TransactionSet invoice = read(text);
        assertThat(invoice.errors()).filteredOn(e -> e.segmentTag().equals("SAC")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.code()).isEqualTo("2"));
    }

    @Test
    void an_invoice_without_a_line_item_is_missing_its_it1_loop() {
        String text = text(invoice("00", "INV1", ""));
        text = text.substring(0, text.indexOf("IT1*")) + text.substring(text.indexOf("TDS*"))
                .replaceFirst("SE\\*15\\*", "SE*11*");
        assertThat(read(text).errors()).anySatisfy(e -> {
            assertThat(e.segmentTag()).isEqualTo("IT1");
            assertThat(e.code()).isEqualTo("3");
        });
    }
}
