package org.metertocash.bench;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inbound parsing of large 867_03 interval usage files — what a TDSP sends at month end: thousands of premises,
 * one 15-minute meter each, 50 transaction sets per interchange — read by {@link X12Reader} with the 867 schema
 * validating every segment. One benchmark thread, so the figure is per core; the {@code bytes} counter is the
 * throughput in bytes per second (MB/s = bytes/s / 10^6).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class UsageFileBenchmark {

    /** Premises in the file (one interval meter each). */
    @Param({ "2000" })
    public int meters;

    /** Days of 15-minute data per meter (96 intervals a day). */
    @Param({ "1" })
    public int days;

    private final X12Schemas schemas = new X12Schemas();
    private final X12Reader reader = new X12Reader(schemas);
    private final EDIInputFactory factory = EDIInputFactory.newFactory();
    private Schema schema867;
    private byte[] file;

    /** Bytes read, reported by JMH as a rate: bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void generate() {
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        schema867 = schemas.forTransaction("867").orElseThrow(() -> new IllegalStateException("no 867 schema"));
        file = TdspFiles.intervalUsageFile(meters, days);
        ParsedFile parsed = reader.read(file);
        long transactions = parsed.interchanges().stream().flatMap(i -> i.groups().stream())
                .mapToLong(g -> g.transactions().size()).sum();
        boolean clean = parsed.readable() && parsed.interchanges().stream().allMatch(UsageFileBenchmark::clean);
        if (!clean || transactions != meters) {
            throw new IllegalStateException("the benchmark file does not read cleanly: " + parsed.fatalError());
        }
        System.out.printf("%n867 file: %d meters x %d day(s), %,d bytes (%.2f MB), %d interchanges%n", meters, days,
                file.length, file.length / 1e6, parsed.interchanges().size());
    }

    private static boolean clean(Interchange interchange) {
        return interchange.errors().isEmpty() && interchange.groups().stream().allMatch(g -> g.errors().isEmpty()
                && g.transactions().stream().allMatch(t -> t.errors().isEmpty()));
    }

    @Benchmark
    public ParsedFile readAndValidate867(Bytes counter) {
        counter.bytes += file.length;
        return reader.read(file);
    }

    /**
     * Reference point: StAEDI alone with the same control and 867 schema validation, every event consumed and
     * nothing built — the ceiling of any reader validating with StAEDI.
     */
    @Benchmark
    public long staediValidationOnly867(Bytes counter) throws Exception {
        counter.bytes += file.length;
        return events(schema867);
    }

    /** Reference point: StAEDI tokenizing with the control schema only (no transaction set validation). */
    @Benchmark
    public long staediTokenizingOnly867(Bytes counter) throws Exception {
        counter.bytes += file.length;
        return events(null);
    }

    private long events(Schema transactionSchema) throws Exception {
        long count = 0;
        try (EDIStreamReader stream = factory.createEDIStreamReader(new ByteArrayInputStream(file))) {
            boolean inSt = false;
            while (stream.hasNext()) {
                EDIStreamEvent event = stream.next();
                count++;
                if (event == EDIStreamEvent.START_SEGMENT) {
                    inSt = "ST".equals(stream.getText());
                } else if (event == EDIStreamEvent.END_SEGMENT && inSt && transactionSchema != null) {
                    stream.setTransactionSchema(transactionSchema);
                } else if (event == EDIStreamEvent.ELEMENT_DATA) {
                    count += stream.getText().length();
                }
            }
        }
        return count;
    }
}
