package org.metertocash.bench;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.TestJson;
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

import com.fasterxml.jackson.databind.ObjectMapper;

/** An event's body to JSON (what the outbox stores) and back (what a consumer reads), with the services' settings. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventJsonBenchmark {

    private final ObjectMapper json = TestJson.MAPPER;
    private EnrollmentAccepted event;
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        event = new EnrollmentAccepted(UUID.randomUUID(), "10443720000000001", "ONCOR", RequestType.SWITCH,
                LocalDate.of(2026, 12, 1), new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), "FIXED-12",
                BillingType.POSTPAY);
        body = json.writeValueAsBytes(event);
    }

    @Benchmark
    public byte[] serialize() throws Exception {
        return json.writeValueAsBytes(event);
    }

    @Benchmark
    public EnrollmentAccepted deserialize() throws Exception {
        return json.readValue(body, EnrollmentAccepted.class);
    }
}
