package org.metertocash.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;
import org.metertocash.testkit.market.MarketSimulator;

/**
 * Runs the packaged platform and measures it: time until all five services are ready, each service's RSS at
 * idle, then enrollments through the whole spine for a fixed time: each upstream client posts an enrollment and
 * waits until billing has opened its account before posting the next (a simulated market answers every 814 with an
 * accept as soon as it lands in the outbound folder); with the outbox relay's commit-to-ack latency. Prints a Markdown report and writes it to bench/target/spine-report.md.
 *
 * <p>Arguments: seconds of load (default 60), concurrent upstream clients (default 8).
 */
public final class SpineLoad {

    private static final Pattern QUANTILE = Pattern.compile(
            "outbox_commit_to_ack_seconds\\{[^}]*quantile=\"(0\\.5|0\\.99)\"[^}]*\\}\\s+([0-9.Ee+-]+)");

    private static final int WARM_UP_SECONDS = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();
    private final PlatformProcesses platform;
    private final AtomicLong premise = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private final Map<String, Long> postStarted = new ConcurrentHashMap<>();
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private final Map<String, Long> submittedSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> openedSeen = new ConcurrentHashMap<>();
    private final List<Long> postLatencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong rejectedPosts = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private SpineLoad(PlatformProcesses platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path root = PlatformProcesses.repositoryRoot();
        Path work = root.resolve("bench/target/platform");
        StringBuilder report = new StringBuilder();
        try (PlatformProcesses platform = PlatformProcesses.start(root, work, PlatformPorts.free(),
                Duration.ofMinutes(5))) {
            report.append(machine());
            report.append(String.format("Service JVM options: `%s`%n%n",
                    System.getProperty("platform.service-jvm-options", "(runner defaults)")));
            report.append(String.format("Platform ready (PostgreSQL, Kafka, five services) in **%.1f s**%n%n",
                    platform.readyAfter().toMillis() / 1000.0));
            Thread.sleep(15_000);
            report.append(rss(platform)).append('\n');
            report.append(new SpineLoad(platform).run(seconds, clients));
        }
        Path out = root.resolve("bench/target/spine-report.md");
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
        System.out.println("(written to " + out + ")");
        System.exit(0);
    }

    private String run(int seconds, int clients) throws Exception {
        KafkaConsumer<String, byte[]> consumer = consumer();
        Thread collector = new Thread(() -> collect(consumer), "collector");
        collector.start();
        Thread market = new Thread(this::answerAsTheMarket, "market");
        market.start();

        // warm-up: the JIT of six JVMs, connection pools and consumer assignments settle before measuring
        drive(WARM_UP_SECONDS, clients);
        postStarted.clear();
        created.clear();
        submittedSeen.clear();
        openedSeen.clear();
        postLatencies.clear();
        rejectedPosts.set(0);

        long start = System.nanoTime();
        drive(seconds, clients);
        long loadEnd = System.nanoTime();
        String backlogAtEnd = backlog();
        long completedInWindow = openedSeen.values().stream().filter(t -> t <= loadEnd).count();
        // let the spine drain what was posted, to measure end-to-end latency of every flow
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (openedSeen.size() < created.size() && System.nanoTime() < drainDeadline) {
            Thread.sleep(5000);
            System.err.println(backlog());
        }
        long drained = System.nanoTime();
        running.set(false);
        collector.join(5_000);
        market.join(5_000);

        double window = (loadEnd - start) / 1e9;
        List<Long> endToEnd = new ArrayList<>();
        List<Long> toBroker = new ArrayList<>();
        for (var entry : created.entrySet()) {
            Long opened = openedSeen.get(entry.getKey());
            if (opened != null) {
                endToEnd.add(opened - postStarted.get(entry.getKey()));
            }
            Long seen = submittedSeen.get(entry.getKey());
            if (seen != null) {
                toBroker.add(Math.max(0, seen - entry.getValue()));
            }
        }
        Map<PlatformService, double[]> relay = relayQuantiles();
        StringBuilder report = new StringBuilder();
        report.append(String.format("Spine load: %d s measured after %d s of warm-up, %d upstream clients, each taking "
                + "one customer through the whole spine (POST, 814 out, market accept in, billing account opened) before "
                + "the next%n%n", seconds, WARM_UP_SECONDS, clients));
        report.append("| measure | value |\n|---|---|\n");
        report.append(String.format("| enrollments accepted by POST (201) | %d (%.1f/s) |%n", created.size(),
                created.size() / window));
        report.append(String.format("| POSTs refused | %d |%n", rejectedPosts.get()));
        report.append(String.format("| POST /enrollments latency p50 / p99 | %s / %s ms |%n",
                Bench.ms(percentile(postLatencies, 50)), Bench.ms(percentile(postLatencies, 99))));
        report.append(String.format("| **spine throughput** (billing accounts opened during the run) | **%.1f enrollments/s** (%d in %.1f s) |%n",
                completedInWindow / window, completedInWindow, window));
        report.append(String.format("| flows completed after draining | %d of %d (drained %.1f s after the load) |%n",
                openedSeen.size(), created.size(), (drained - loadEnd) / 1e9));
        report.append(String.format("| end-to-end latency POST -> BillingAccountOpened p50 / p99 | %s / %s ms |%n",
                Bench.ms(percentile(endToEnd, 50)), Bench.ms(percentile(endToEnd, 99))));
        report.append(String.format("| 201 received -> EnrollmentSubmitted read from the broker p50 / p99 | %s / %s ms |%n",
                Bench.ms(percentile(toBroker, 50)), Bench.ms(percentile(toBroker, 99))));
        for (var entry : relay.entrySet()) {
            report.append(String.format("| outbox relay commit -> broker ack, %s p50 / p99 | %.1f / %.1f ms |%n",
                    entry.getKey().module(), entry.getValue()[0] * 1000, entry.getValue()[1] * 1000));
        }
        report.append(String.format("%nBacklog when the load stopped (consumer lag per topic, outbox rows waiting): %s%n",
                backlogAtEnd));
        return report.toString();
    }

    /** Closed loop: each client takes one customer through the whole spine before starting the next. */
    private void drive(int seconds, int clients) throws InterruptedException {
        ExecutorService upstream = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < clients; i++) {
            upstream.submit(() -> {
                while (System.nanoTime() < end) {
                    String esiId = enroll();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (esiId != null && !openedSeen.containsKey(esiId) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                }
                return null;
            });
        }
        upstream.shutdown();
        while (!upstream.awaitTermination(10, TimeUnit.SECONDS)) {
            System.err.println(backlog());
        }
    }

    /** Where work is waiting: each service's consumer lag and outbox backlog, from its /status. */
    private String backlog() {
        StringBuilder line = new StringBuilder();
        for (PlatformService service : PlatformService.values()) {
            try {
                String status = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/status"))
                        .header("Authorization", Bench.basic(Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var json = org.metertocash.testkit.TestJson.MAPPER.readTree(status);
                line.append(service.module()).append(" [");
                json.path("consumers").forEach(c -> line.append(c.path("topic").asText()).append('=')
                        .append(c.path("lag").asLong()).append(' '));
                line.append("outbox=").append(json.path("outbox").path("backlog").asLong()).append("] ");
            } catch (IOException | InterruptedException e) {
                line.append(service.module()).append(" [unreachable] ");
            }
        }
        return line.toString().trim();
    }

    /** Posts one enrollment; returns its ESI ID, or null when it was refused. */
    private String enroll() {
        String esiId = String.format("1044372%010d", premise.incrementAndGet());
        String body = """
                {"customer":{"name":"Load Test","email":"load@example.com","phone":"2145550100"},
                 "serviceAddress":{"line1":"1 Main St","city":"Dallas","state":"TX","zip":"75201","county":"Dallas"},
                 "esiId":"%s","productCode":"FIXED-12","billingType":"POSTPAY","requestType":"SWITCH",
                 "requestedStartDate":"%s"}""".formatted(esiId, LocalDate.now().plusDays(5));
        long started = System.nanoTime();
        postStarted.put(esiId, started);
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.url(PlatformService.ENROLLMENT) + "/enrollments"))
                    .header("Authorization", Bench.basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            long done = System.nanoTime();
            if (response.statusCode() == 201) {
                created.put(esiId, done);
                postLatencies.add(done - started);
                return esiId;
            }
            rejectedPosts.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            rejectedPosts.incrementAndGet();
        }
        return null;
    }

    /** Watches the gateway's outbound folder and answers every 814 with an accept, as ERCOT would. */
    private void answerAsTheMarket() {
        MarketSimulator market = new MarketSimulator();
        Set<Path> answered = new HashSet<>();
        ExecutorService posts = Executors.newFixedThreadPool(4);
        while (running.get()) {
            try (Stream<Path> files = Files.exists(platform.ediOutbound()) ? Files.list(platform.ediOutbound())
                    : Stream.empty()) {
                for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                    if (answered.add(file)) {
                        byte[] answer = market.accept(Files.readAllBytes(file), LocalDate.now().plusDays(3));
                        posts.submit(() -> post(answer));
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // a file being renamed into place: the next pass reads it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        posts.shutdown();
    }

    private void post(byte[] answer) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(platform.url(PlatformService.EDI_GATEWAY) + "/edi/inbound"))
                    .header("Authorization", Bench.basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                    .header("Content-Type", "application/edi-x12")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(answer)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            System.err.println("market answer failed: " + e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ENROLLMENT, Topics.BILLING)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private void collect(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    var type = record.headers().lastHeader(CloudEvents.TYPE);
                    if (type == null) {
                        continue;
                    }
                    String name = new String(type.value(), StandardCharsets.UTF_8);
                    if (EnrollmentSubmitted.TYPE.equals(name)) {
                        submittedSeen.putIfAbsent(record.key(), now);
                    } else if (BillingAccountOpened.TYPE.equals(name)) {
                        openedSeen.putIfAbsent(record.key(), now);
                    }
                }
            }
        }
    }

    private Map<PlatformService, double[]> relayQuantiles() throws IOException, InterruptedException {
        Map<PlatformService, double[]> quantiles = new EnumMap<>(PlatformService.class);
        for (PlatformService service : List.of(PlatformService.ENROLLMENT, PlatformService.EDI_GATEWAY,
                PlatformService.BILLING)) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double[] values = new double[2];
            Matcher matcher = QUANTILE.matcher(metrics);
            while (matcher.find()) {
                values["0.5".equals(matcher.group(1)) ? 0 : 1] = Double.parseDouble(matcher.group(2));
            }
            quantiles.put(service, values);
        }
        return quantiles;
    }

    private static String rss(PlatformProcesses platform) {
        StringBuilder table = new StringBuilder("| process | RSS at idle |\n|---|---|\n");
        for (PlatformService service : PlatformService.values()) {
            table.append(String.format("| %s | %s |%n", service.module(),
                    platform.pid(service).map(SpineLoad::rssOf).orElse("?")));
        }
        table.append(String.format("| Kafka broker (KRaft, own JVM) | %s |%n",
                platform.kafkaPid().map(SpineLoad::rssOf).orElse("?")));
        return table.toString();
    }

    private static String rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%d MB", kb / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no /proc
        }
        return "n/a";
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("Machine: %d cores, %s %s, Java %s (%s)%n", runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
