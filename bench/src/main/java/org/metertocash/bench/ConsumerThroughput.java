package org.metertocash.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * One consumer in isolation: publishes N EnrollmentAccepted events at once and times billing-service until its
 * inbox has processed them all (each one opens an account and writes an outbox row). Argument: N (default 2000).
 */
public final class ConsumerThroughput {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = PlatformProcesses.repositoryRoot();
        try (PlatformProcesses platform = PlatformProcesses.start(root, root.resolve("bench/target/platform"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            Thread.sleep(5000);
            consume(platform, 500, 0); // warm-up
            long start = System.nanoTime();
            long done = consume(platform, events, 1_000_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("billing-service consumed %d EnrollmentAccepted in %.1f s: %.0f events/s%n", done,
                    seconds, done / seconds);
        }
        System.exit(0);
    }

    /** Publishes the events at once, then waits until billing has processed them; returns how many it did. */
    private static long consume(PlatformProcesses platform, int events, int firstPremise) throws Exception {
        long base = processed(platform);
        try (TestProducer producer = new TestProducer(platform.kafkaBootstrapServers())) {
                for (int i = firstPremise; i < firstPremise + events; i++) {
                    producer.publish(new EnrollmentAccepted(UUID.randomUUID(), String.format("1044372%010d", i),
                            "ONCOR", RequestType.SWITCH, LocalDate.now().plusDays(3),
                            new Customer("Load Test", "load@example.com", "2145550100"),
                            new ServiceAddress("1 Main St", null, "Dallas", "TX", "75201", "Dallas"), "FIXED-12",
                            BillingType.POSTPAY));
                }
            }
        long waitStart = System.nanoTime();
        long done;
        while ((done = processed(platform) - base) < events) {
            Thread.sleep(100);
            if (System.nanoTime() - waitStart > Duration.ofMinutes(5).toNanos()) {
                break;
            }
        }
        return done;
    }

    private static long processed(PlatformProcesses platform) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.url(PlatformService.BILLING) + "/status"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Api.OPERATIONS_USER + ":" + Api.OPERATIONS_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return TestJson.MAPPER.readTree(response.body()).path("inbox").path("processed").asLong();
    }

    private ConsumerThroughput() {
    }
}
