package org.metertocash.x12.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;
import org.metertocash.x12.ack.ApplicationAdvice.Advice;
import org.metertocash.x12.ack.ApplicationAdvice.Party;
import org.metertocash.x12.ack.ApplicationAdvice.TechnicalError;

class ApplicationAdviceTest {

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);

    static ApplicationAdvice rejecting(String reference) {
        return new ApplicationAdvice("00", "ADV000123", "20261124",
                List.of(new Party("8S", "ONCOR", "1039940674000"), new Party("SJ", "METER TO CASH", "148862012")),
                List.of(new Advice("TR", "TN", reference, "101", "0001", "814", Map.of("Q5", "10443720000000001"),
                        List.of(new TechnicalError("848", "INCORRECT DATA", List.of("CUSTOMER NAME MISSING")))),
                        new Advice("TE", "TN", "20261123000000102", null, null, null, Map.of(),
                                List.of(new TechnicalError("024", null, List.of())))));
    }

    TransactionSet writeAndReread(ApplicationAdvice advice) {
        byte[] file = writer.write(new OutboundInterchange("01", "183529049", "01", "148862012",
                LocalDateTime.of(2026, 11, 24, 8, 0), "000000900", "T",
                List.of(new OutboundInterchange.Group(ApplicationAdvice.FUNCTIONAL_ID, "183529049", "148862012", "900",
                        List.of(new OutboundInterchange.Transaction("824", "0001", advice.body()))))));
        ParsedFile parsed = reader.read(file);
        assertThat(parsed.fatalError()).isNull();
        TransactionSet set = parsed.interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.errors()).as(new String(file, StandardCharsets.US_ASCII)).isEmpty();
        return set;
    }

    @Test
    void a_written_824_is_valid_and_reads_back_to_the_same_advice() {
        ApplicationAdvice advice = rejecting("20261123000000101");

        TransactionSet set = writeAndReread(advice);

        assertThat(set.segments().stream().map(s -> s.text('*')).toList()).contains(
                "OTI*TR*TN*20261123000000101*****101*0001*814", "TED*848*INCORRECT DATA",
                "NTE**CUSTOMER NAME MISSING");
        ApplicationAdvice read = ApplicationAdvice.read(set);
        assertThat(read).isEqualTo(advice);
        assertThat(read.advices().get(0).rejected()).isTrue();
        assertThat(read.advices().get(0).esiId()).contains("10443720000000001");
        assertThat(read.advices().get(0).reason().orElseThrow().code()).isEqualTo("848");
        assertThat(read.advices().get(1).acceptedWithErrors()).isTrue();
    }

    @Test
    void an_824_without_its_oti_loop_is_a_syntax_error() {
        ApplicationAdvice advice = new ApplicationAdvice("00", "ADV1", "20261124", List.of(),
                List.of(new Advice("TR", "TN", "REF1", null, null, null, Map.of(),
                        List.of(new TechnicalError("848", null, List.of())))));
        String text = new String(writer.write(new OutboundInterchange("01", "183529049", "01", "148862012",
                LocalDateTime.of(2026, 11, 24, 8, 0), "000000901", "T",
                List.of(new OutboundInterchange.Group("AG", "183529049", "148862012", "901",
                        List.of(new OutboundInterchange.Transaction("824", "0001", advice.body())))))),
                StandardCharsets.US_ASCII);
        String withoutOti = text.replace("OTI*TR*TN*REF1~\n", "").replace("TED*848~\n", "").replace("SE*5*", "SE*3*");

        TransactionSet set = reader.read(withoutOti.getBytes(StandardCharsets.US_ASCII)).interchanges().get(0)
                .groups().get(0).transactions().get(0);

        assertThat(set.errors()).extracting(e -> e.code()).contains("3");
    }
}
