package org.metertocash.bench;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.Segment;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Writing an 814 request and reading (with schema validation) an 814 response: the gateway's per-transaction work. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class X12Benchmark {

    private final X12Schemas schemas = new X12Schemas();
    private final X12Writer writer = new X12Writer(schemas);
    private final X12Reader reader = new X12Reader(schemas);
    private OutboundInterchange request;
    private byte[] response;
    private byte[] hundredResponses;

    @Setup
    public void setUp() {
        request = interchange("13", "7", List.of(new Segment("DTM", List.of("150", "20261201"), 0)));
        response = writer.write(interchange("11", "WQ", List.of(new Segment("DTM", List.of("150", "20261201"), 0))));
        byte[] one = response;
        hundredResponses = new byte[one.length * 100];
        for (int i = 0; i < 100; i++) {
            System.arraycopy(one, 0, hundredResponses, i * one.length, one.length);
        }
    }

    private static OutboundInterchange interchange(String purpose, String action, List<Segment> detail) {
        List<Segment> body = new java.util.ArrayList<>(List.of(
                new Segment("BGN", List.of(purpose, "20261123000000101", "20261123", "", "", "20261123000000100"), 0),
                new Segment("N1", List.of("8S", "ONCOR", "1", "1039940674000"), 0),
                new Segment("N1", List.of("SJ", "METER TO CASH ENERGY", "1", "148862012"), 0),
                new Segment("N1", List.of("8R", "ANA RAMIREZ"), 0),
                new Segment("N3", List.of("1200 ELM ST"), 0),
                new Segment("N4", List.of("DALLAS", "TX", "75201", "", "CO", "DALLAS"), 0),
                new Segment("LIN", List.of("1", "SH", "EL", "SH", "CE"), 0),
                new Segment("ASI", List.of(action, "021"), 0),
                new Segment("REF", List.of("Q5", "10443720000000001"), 0)));
        body.addAll(detail);
        return new OutboundInterchange("01", "148862012", "01", "183529049", LocalDateTime.of(2026, 11, 23, 12, 0),
                "000000101", "T", List.of(new OutboundInterchange.Group("GE", "148862012", "183529049", "101",
                        List.of(new OutboundInterchange.Transaction("814", "0001", body)))));
    }

    @Benchmark
    public byte[] write814Request() {
        return writer.write(request);
    }

    @Benchmark
    public ParsedFile readAndValidate814Response() {
        return reader.read(response);
    }

    /** A file of 100 interchanges: per-file throughput of the reader. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ParsedFile readAndValidate100Interchanges() {
        return reader.read(hundredResponses);
    }
}
