package org.metertocash.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.EmbeddedPostgresServer;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * From a payment accepted to the dunning hold cleared, at a sustained rate. Starts the packaged platform as separate
 * processes, opens N post-pay accounts (billing's accounts with {@code COPY}; payment-service and dunning-service
 * learn them from {@code BillingAccountOpened} as in production) each with a bill of 100.00 long past due, and turns
 * dunning's day so every account stands under a disconnect notice — a hold. Then it posts, open loop at R payments
 * per second, one card payment of 100.00 per account through {@code POST /payments} and times, per payment, the
 * moment payment-service answered 201 to the moment dunning's {@code DunningHoldCleared} for it reached a consumer of
 * {@code dunning.events}. Loading is not measured; a warm-up of W seconds is discarded.
 *
 * <p>Arguments: rate per second (default 200), measured seconds (default 60), warm-up seconds (default 15). Prints a
 * Markdown report and writes it to bench/target/dunning-hold-report.md.
 */
public final class DunningHoldLoad {

    private static final ZoneId MARKET = ZoneId.of("America/Chicago");
    private static final BigDecimal BILL = new BigDecimal("100.00");
    private static final Pattern PAYMENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final PlatformProcesses platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();
    /** payment id → nanoTime its 201 arrived; and → nanoTime it was sent */
    private final Map<UUID, Long> accepted = new ConcurrentHashMap<>();
    private final Map<UUID, Long> sent = new ConcurrentHashMap<>();
    /** payment id → nanoTime its DunningHoldCleared was consumed */
    private final Map<UUID, Long> cleared = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> sampleErrors = new ConcurrentHashMap<>();

    private DunningHoldLoad(PlatformProcesses platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path root = PlatformProcesses.repositoryRoot();
        Path target = Path.of(System.getProperty("bench.target", root.resolve("bench/target").toString()));
        try (PlatformProcesses platform = PlatformProcesses.start(root, target.resolve("platform-dunning-hold"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            DunningHoldLoad load = new DunningHoldLoad(platform);
            load.run(rate, seconds, warmUp);
            Files.writeString(target.resolve("dunning-hold-report.md"), load.report);
        }
        System.exit(0);
    }

    private void run(int rate, int seconds, int warmUp) throws Exception {
        int accounts = rate * (seconds + warmUp);
        say("# Payment accepted → dunning hold cleared%n%nplatform ready after %.1f s; %d cores; load average at the "
                + "start %s; service JVM options `%s`%n", platform.readyAfter().toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors(), ProcessCpu.loadAverage(),
                System.getProperty("platform.service-jvm-options", "(runner defaults)"));

        long loadStart = System.nanoTime();
        try (Connection billing = DriverManager.getConnection(platform.jdbcUrl(PlatformService.BILLING),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            BenchAccounts.openInBilling(billing, accounts);
        }
        LocalDate today = LocalDate.now(MARKET);
        List<DomainEvent> events = new ArrayList<>(2 * accounts);
        for (int i = 0; i < accounts; i++) {
            events.add(new BillingAccountOpened(BenchAccounts.accountNumber(i), BenchAccounts.esiId(i),
                    new UUID(27, i), "Bench Customer " + i, "FIXED-12", BillingType.POSTPAY, "ONCOR", 1 + i % 20,
                    today.minusMonths(3)));
        }
        for (int i = 0; i < accounts; i++) {
            events.add(new BillPosted(new UUID(29, i), BenchAccounts.accountNumber(i), BenchAccounts.esiId(i),
                    today.minusDays(71), today.minusDays(41), today.minusDays(40), today.minusDays(24), BILL,
                    new BigDecimal("800"), List.of(new BillPosted.Line("ENERGY", "Energy charge", BILL))));
        }
        try (TestProducer producer = new TestProducer(platform.kafkaBootstrapServers())) {
            producer.publishAll(events);
        }
        // the customers' contacts, as dunning keeps them from EnrollmentAccepted (the notices are addressed to them)
        try (Connection dunning = DriverManager.getConnection(platform.jdbcUrl(PlatformService.DUNNING),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            BenchAccounts.contactsInDunning(dunning, accounts);
        }
        awaitStatus(PlatformService.PAYMENT, "\"POSTPAY\"", accounts, Duration.ofMinutes(10));
        // the day turns (again while bills are still arriving): every account past due and under a disconnect notice
        long loaded = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (statusCount(PlatformService.DUNNING, "\"DISCONNECT_NOTICE_ISSUED\"") < accounts) {
            if (System.nanoTime() > loaded) {
                throw new IllegalStateException("dunning did not put every account under a notice: "
                        + request(PlatformService.DUNNING, "GET", "/status", Api.OPERATIONS_USER,
                                Api.OPERATIONS_PASSWORD));
            }
            request(PlatformService.DUNNING, "POST", "/collections/evaluations", Api.ADMIN_USER, Api.ADMIN_PASSWORD);
            Thread.sleep(2000);
        }
        say("opened %,d accounts each with a bill of %s due %s, all under a disconnect notice, in %.1f s (not "
                + "measured)%n", accounts, BILL, today.minusDays(24), (System.nanoTime() - loadStart) / 1e9);

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch listening = new CountDownLatch(1);
        Thread listener = new Thread(() -> listen(stop, listening), "hold-cleared-listener");
        listener.start();
        listening.await(60, TimeUnit.SECONDS);

        int warmUpPayments = rate * warmUp;
        drive(rate, 0, warmUpPayments);
        Map<String, Long> cpuBefore = ProcessCpu.ticks(platform);
        long start = System.nanoTime();
        List<UUID> measured = drive(rate, warmUpPayments, accounts);
        long end = System.nanoTime();
        Map<String, Long> cpuAfter = ProcessCpu.ticks(platform);
        String loadAtEnd = ProcessCpu.loadAverage();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!cleared.keySet().containsAll(measured) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        stop.set(true);
        listener.join(10_000);

        List<Long> fromAccepted = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        for (UUID payment : measured) {
            Long done = cleared.get(payment);
            if (done != null) {
                fromAccepted.add(Math.max(0, done - accepted.get(payment)));
                fromSent.add(done - sent.get(payment));
            }
        }
        long[] a = fromAccepted.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] s = fromSent.stream().mapToLong(Long::longValue).sorted().toArray();
        double window = (end - start) / 1e9;
        say("%n## Result: %d payments/s for %d s after %d s of warm-up%n%n", rate, seconds, warmUp);
        say("| measure | value |%n|---|---|%n");
        say("| payments accepted (201) in the window | %,d (%.1f/s achieved) |%n", measured.size(),
                measured.size() / window);
        say("| holds cleared for them | %,d |%n", a.length);
        say("| **201 → DunningHoldCleared p50 / p95 / p99 / max** | **%s / %s / %s / %s ms** |%n", Bench.ms(Bench.quantile(a, 0.50)),
                Bench.ms(Bench.quantile(a, 0.95)), Bench.ms(Bench.quantile(a, 0.99)), Bench.ms(a.length == 0 ? -1 : a[a.length - 1]));
        say("| request sent → DunningHoldCleared p50 / p99 | %s / %s ms |%n", Bench.ms(Bench.quantile(s, 0.50)), Bench.ms(Bench.quantile(s, 0.99)));
        say("| answers other than 201 | %s |%n", refusals());
        say("| load average at the end (1, 5, 15 min) | %s |%n", loadAtEnd);
        sampleErrors.forEach((status, body) -> say("%nfirst %s answer: `%s`%n", status, body));
        int cores = Runtime.getRuntime().availableProcessors();
        say("%n## CPU seconds used during the measured window (%.1f s wall, %d cores)%n%n"
                + "| process | CPU s | share | CPU ms per payment |%n|---|---|---|---|%n", window, cores);
        for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
            double used = (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 100.0;
            say("| %s | %.1f | %.0f %% | %s |%n", e.getKey(), used, 100 * used / (cores * window),
                    measured.isEmpty() ? "n/a" : String.format("%.2f", 1000 * used / measured.size()));
        }
    }

    /**
     * Open loop: payment k (for account k) is sent at its scheduled instant, whether or not earlier ones were
     * answered. Returns the ids of the payments answered 201.
     */
    private List<UUID> drive(int rate, int from, int to) throws InterruptedException {
        List<UUID> ok = java.util.Collections.synchronizedList(new ArrayList<>());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        CountDownLatch done = new CountDownLatch(to - from);
        for (int k = from; k < to; k++) {
            long due = begin + (k - from) * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = """
                    {"accountNumber":"%s","esiId":"%s","amount":%s,"currency":"USD","channel":"CARD",
                     "externalReference":"AUTH-H%d","receivedAt":"%s","instrument":{"type":"CARD","last4":"4242"}}"""
                    .formatted(BenchAccounts.accountNumber(k), BenchAccounts.esiId(k), BILL, k, Instant.now());
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(PlatformService.PAYMENT) + "/payments"))
                    .header("Authorization", Bench.basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sentAt = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long at = System.nanoTime();
                try {
                    if (failure != null) {
                        String kind = "I/O error (" + failure.getClass().getSimpleName() + ")";
                        outcomes.computeIfAbsent(kind, x -> new LongAdder()).increment();
                        sampleErrors.putIfAbsent(kind, String.valueOf(failure.getMessage()));
                        return;
                    }
                    String status = Integer.toString(response.statusCode());
                    outcomes.computeIfAbsent(status, x -> new LongAdder()).increment();
                    Matcher id = PAYMENT_ID.matcher(response.body());
                    if (response.statusCode() == 201 && id.find()) {
                        UUID payment = UUID.fromString(id.group(1));
                        sent.put(payment, sentAt);
                        accepted.put(payment, at);
                        ok.add(payment);
                    } else {
                        sampleErrors.putIfAbsent(status, response.body().length() > 300
                                ? response.body().substring(0, 300) + "…" : response.body());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(2, TimeUnit.MINUTES);
        return new ArrayList<>(ok);
    }

    /** Consumes dunning.events from now on and notes when each payment's DunningHoldCleared arrives. */
    private void listen(AtomicBoolean stop, CountDownLatch listening) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-hold-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.DUNNING));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position); // resolve the end offsets now, before payments start
            listening.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long at = System.nanoTime();
                    Header type = record.headers().lastHeader(CloudEvents.TYPE);
                    if (type == null || !DunningHoldCleared.TYPE.equals(new String(type.value()))) {
                        continue;
                    }
                    try {
                        DunningHoldCleared event = TestJson.MAPPER.readValue(record.value(), DunningHoldCleared.class);
                        if (event.paymentId() != null) {
                            cleared.putIfAbsent(event.paymentId(), at);
                        }
                    } catch (IOException e) {
                        sampleErrors.putIfAbsent("unreadable DunningHoldCleared", e.getMessage());
                    }
                }
            }
        }
    }

    /** The number {@code GET /status} shows under the given JSON key, or -1. */
    private long statusCount(PlatformService service, String key) throws IOException, InterruptedException {
        Matcher m = Pattern.compile(Pattern.quote(key) + "\\s*:\\s*(\\d+)")
                .matcher(request(service, "GET", "/status", Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits until {@code GET /status} counts at least {@code expected} under the given JSON key. */
    private void awaitStatus(PlatformService service, String key, int expected, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern count = Pattern.compile(Pattern.quote(key) + "\\s*:\\s*(\\d+)");
        long seen = -1;
        while (System.nanoTime() < deadline) {
            String status = request(service, "GET", "/status", Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD);
            Matcher m = count.matcher(status);
            seen = m.find() ? Long.parseLong(m.group(1)) : -1;
            if (seen >= expected) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(service + " /status shows " + key + " = " + seen + ", expected " + expected);
    }

    private String request(PlatformService service, String method, String path, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Authorization", Bench.basic(user, password))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofMinutes(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private String refusals() {
        Map<String, Long> other = new TreeMap<>();
        outcomes.forEach((status, adder) -> {
            if (!"201".equals(status)) {
                other.put(status, adder.sum());
            }
        });
        return other.isEmpty() ? "none" : other.toString();
    }

    private void say(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }
}
