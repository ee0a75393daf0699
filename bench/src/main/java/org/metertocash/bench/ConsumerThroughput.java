package org.metertocash.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * One consumer in isolation: publishes N EnrollmentAccepted events at once (asynchronously, so the producer is
 * not what is measured) and times billing-service until its inbox has processed them all (each one opens an
 * account and writes an outbox row); then, from the same start, payment- and dunning-service until their inboxes
 * have processed the N BillingAccountOpened that billing published. Argument: N (default 2000).
 */
public final class ConsumerThroughput {

    private static final int WARM_UP = 500;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = PlatformProcesses.repositoryRoot();
        try (PlatformProcesses platform = PlatformProcesses.start(root, root.resolve("bench/target/platform"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            Thread.sleep(5000);
            measure(platform, WARM_UP, 0, false);
            measure(platform, events, 1_000_000, true);
        }
        System.exit(0);
    }

    /** Publishes the events at once, then waits until billing, payment and dunning have processed them. */
    private static void measure(PlatformProcesses platform, int events, int firstPremise, boolean report)
            throws Exception {
        long billingBase = processed(platform, PlatformService.BILLING);
        long paymentBase = processed(platform, PlatformService.PAYMENT);
        long dunningBase = processed(platform, PlatformService.DUNNING);
        long start = System.nanoTime();
        publish(platform, events, firstPremise);
        double published = (System.nanoTime() - start) / 1e9;
        long billing = await(platform, PlatformService.BILLING, billingBase + events);
        double billingSeconds = (System.nanoTime() - start) / 1e9;
        long payment = await(platform, PlatformService.PAYMENT, paymentBase + events);
        double paymentSeconds = (System.nanoTime() - start) / 1e9;
        long dunning = await(platform, PlatformService.DUNNING, dunningBase + events);
        double dunningSeconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf("%d EnrollmentAccepted published in %.2f s%n", events, published);
            System.out.printf("billing-service consumed %d EnrollmentAccepted in %.1f s: %.0f events/s%n",
                    billing - billingBase, billingSeconds, (billing - billingBase) / billingSeconds);
            System.out.printf("payment-service consumed %d BillingAccountOpened %.1f s after the start: %.0f events/s"
                    + " end to end%n", payment - paymentBase, paymentSeconds, (payment - paymentBase) / paymentSeconds);
            System.out.printf("dunning-service consumed %d BillingAccountOpened %.1f s after the start: %.0f events/s"
                    + " end to end%n", dunning - dunningBase, dunningSeconds, (dunning - dunningBase) / dunningSeconds);
        }
    }

    private static void publish(PlatformProcesses platform, int events, int firstPremise) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = firstPremise; i < firstPremise + events; i++) {
                EnrollmentAccepted event = new EnrollmentAccepted(UUID.randomUUID(), String.format("1044372%010d", i),
                        "ONCOR", RequestType.SWITCH, LocalDate.now().plusDays(3),
                        new Customer("Load Test", "load@example.com", "2145550100"),
                        new ServiceAddress("1 Main St", null, "Dallas", "TX", "75201", "Dallas"), "FIXED-12",
                        BillingType.POSTPAY);
                byte[] body;
                try {
                    body = TestJson.MAPPER.writeValueAsBytes(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                RecordHeaders headers = new RecordHeaders();
                Map.of(CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0,
                        CloudEvents.ID, UUID.randomUUID().toString(),
                        CloudEvents.SOURCE, "bench",
                        CloudEvents.TYPE, EventCatalog.typeOf(EnrollmentAccepted.class),
                        CloudEvents.SUBJECT, event.subject(),
                        CloudEvents.TIME, Instant.now().toString(),
                        CloudEvents.CORRELATION_ID, UUID.randomUUID().toString(),
                        CloudEvents.CONTENT_TYPE, CloudEvents.JSON)
                        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(EventCatalog.topicOf(EnrollmentAccepted.class), null,
                        event.subject(), body, headers));
            }
            producer.flush();
        }
    }

    /** Waits (at most 5 minutes) until the service's inbox holds this many events; returns how many it holds. */
    private static long await(PlatformProcesses platform, PlatformService service, long target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long processed;
        while ((processed = processed(platform, service)) < target && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return processed;
    }

    private static long processed(PlatformProcesses platform, PlatformService service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.url(service) + "/status"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Api.OPERATIONS_USER + ":" + Api.OPERATIONS_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return TestJson.MAPPER.readTree(response.body()).path("inbox").path("processed").asLong();
    }

    private ConsumerThroughput() {
    }
}
