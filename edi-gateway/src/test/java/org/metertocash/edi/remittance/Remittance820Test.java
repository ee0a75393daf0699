package org.metertocash.edi.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.edi.RemittanceReceived.RemittanceLine;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/** Reading an 820 into payment and lines: pure logic over already-validated segments. */
class Remittance820Test {

    static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    static TransactionSet set(List<Segment> body) {
        List<Segment> segments = new ArrayList<>();
        segments.add(seg("ST", "820", "0001"));
        segments.addAll(body);
        segments.add(seg("SE", Integer.toString(body.size() + 2), "0001"));
        return new TransactionSet("820", "0001", segments, List.of());
    }

    static List<Segment> heading(String total) {
        return new ArrayList<>(List.of(
                seg("BPR", "C", total, "C", "ACH", "CCP", "01", "111000025", "DA", "1", "", "", "01", "111000614", "DA",
                        "2", "20261201"),
                seg("TRN", "1", "TRACE9"),
                seg("REF", "Q5", "10443720000000009"),
                seg("N1", "PR", "PAYER", "1", "1039940674000"),
                seg("N1", "PE", "PAYEE", "1", "148862012")));
    }

    @Test
    void each_rmr_takes_the_premise_of_its_own_loop_and_none_from_the_heading() {
        List<Segment> body = heading("30");
        body.add(seg("ENT", "1"));
        body.add(seg("RMR", "IV", "A", "PO", "10.00"));
        body.add(seg("DTM", "003", "20261101"));
        body.add(seg("REF", "Q5", "10443720000000001"));
        body.add(seg("RMR", "IV", "B", "PO", "15"));
        body.add(seg("ENT", "2"));
        body.add(seg("RMR", "IV", "C", "PO", "5.000"));
        body.add(seg("REF", "Q5", "10443720000000003"));

        Remittance820.Reading reading = Remittance820.read(set(body));
        assertThat(reading.problem()).isNull();
        Remittance820.Remittance remittance = reading.remittance();
        assertThat(remittance.lines()).extracting(RemittanceLine::invoiceNumber).containsExactly("A", "B", "C");
        assertThat(remittance.lines()).extracting(RemittanceLine::esiId)
                .containsExactly("10443720000000001", null, "10443720000000003");
        assertThat(remittance.paymentDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(remittance.payerId()).isEqualTo("1039940674000");
        assertThat(remittance.payeeId()).isEqualTo("148862012");
        assertThat(remittance.traceNumber()).isEqualTo("TRACE9");
        // 10.00 + 15 + 5.000 = 30, whatever the scales
        assertThat(remittance.balanced()).isTrue();
        assertThat(remittance.subjectKey()).isEqualTo("148862012");
    }

    @Test
    void lines_one_cent_short_are_not_balanced() {
        List<Segment> body = heading("30.00");
        body.add(seg("ENT", "1"));
        body.add(seg("RMR", "IV", "A", "PO", "29.99"));
        Remittance820.Remittance remittance = Remittance820.read(set(body)).remittance();
        assertThat(remittance.balanced()).isFalse();
        assertThat(remittance.linesTotal()).isEqualByComparingTo("29.99");
    }

    @Test
    void a_remittance_without_a_payee_or_lines_is_a_problem_not_a_remittance() {
        List<Segment> noPayee = heading("1");
        noPayee.remove(4);
        noPayee.add(seg("ENT", "1"));
        noPayee.add(seg("RMR", "IV", "A", "PO", "1"));
        assertThat(Remittance820.read(set(noPayee)).problem()).contains("N1*PE");
        assertThat(Remittance820.read(set(heading("1"))).problem()).contains("no remittance lines");
    }
}
