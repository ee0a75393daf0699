package org.metertocash.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.EmbeddedPostgresServer;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * Single payments through {@code POST /payments} under load. Starts the packaged platform as separate processes (as
 * {@link PaymentFileLoad} does), opens N payable accounts straight in the databases with {@code COPY} — billing's
 * {@code billing_account} and payment-service's {@code payable_account} projection; loading is not measured — then C
 * upstream clients each post one card payment after another (closed loop: the next when the answer came; a fresh
 * {@code Idempotency-Key} each; the accounts taken in turn) for a warm-up and then S measured seconds. Reports the
 * payments per second answered 201, the latency quantiles, the refusals by HTTP status, the CPU seconds each process
 * used during the measured window (from {@code /proc/<pid>/stat}), and how long billing took afterwards to hold every
 * payment in its ledger.
 *
 * <p>Arguments: seconds of load (default 60), concurrent clients (default 8), accounts (default 10000). Prints a
 * Markdown report and writes it to bench/target/payment-api-report.md.
 */
public final class PaymentApiLoad {

    /** Unmeasured load first (-Dbench.warm-up-seconds, default 20): the JIT, pools and consumer assignments settle. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 20);
    /** Latencies are kept per client in arrays of this many; beyond it the rest is counted, not kept. */
    private static final int MAX_SAMPLES_PER_CLIENT = 2_000_000;

    private final PlatformProcesses platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> sampleErrors = new ConcurrentHashMap<>();
    private final int accounts;

    private PaymentApiLoad(PlatformProcesses platform, int accounts) {
        this.platform = platform;
        this.accounts = accounts;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path root = PlatformProcesses.repositoryRoot();
        Path target = Path.of(System.getProperty("bench.target", root.resolve("bench/target").toString()));
        try (PlatformProcesses platform = PlatformProcesses.start(root, target.resolve("platform-payment-api"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            PaymentApiLoad load = new PaymentApiLoad(platform, accounts);
            load.run(seconds, clients);
            Files.writeString(target.resolve("payment-api-report.md"), load.report);
        }
        System.exit(0);
    }

    private void run(int seconds, int clients) throws Exception {
        say("# POST /payments under load%n%nplatform ready after %.1f s; %d cores; load average at the start %s; "
                + "service JVM options `%s`%n", platform.readyAfter().toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors(), ProcessCpu.loadAverage(),
                System.getProperty("platform.service-jvm-options", "(runner defaults)"));
        try (Connection billing = connect(PlatformService.BILLING); Connection payment = connect(PlatformService.PAYMENT)) {
            long loadStart = System.nanoTime();
            BenchAccounts.open(billing, payment, accounts);
            say("opened %,d accounts in billing and payment-service with COPY in %.1f s (not measured)%n", accounts,
                    (System.nanoTime() - loadStart) / 1e9);

            // warm-up: the JIT, connection pools and consumer assignments settle before measuring
            drive(WARM_UP_SECONDS, clients);
            outcomes.clear();
            sampleErrors.clear();
            long ledgerBefore = single(billing, "select count(*) from ledger_posting where kind = 'PAYMENT'");
            long paymentsBefore = single(payment, "select count(*) from payment");

            Map<String, Long> cpuBefore = cpu();
            long start = System.nanoTime();
            long[] latencies = drive(seconds, clients);
            long end = System.nanoTime();
            Map<String, Long> cpuAfter = cpu();
            String loadAtEnd = ProcessCpu.loadAverage();
            double window = (end - start) / 1e9;

            long ok = count("201");
            long postedInWindow = single(payment, "select count(*) from payment") - paymentsBefore;
            long ledgerAtEnd = single(billing, "select count(*) from ledger_posting where kind = 'PAYMENT'")
                    - ledgerBefore;
            // billing keeps up or not: how long after the load its ledger holds every payment posted in the window
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            long ledger = ledgerAtEnd;
            while (ledger < postedInWindow && System.nanoTime() < drainDeadline) {
                Thread.sleep(200);
                ledger = single(billing, "select count(*) from ledger_posting where kind = 'PAYMENT'") - ledgerBefore;
            }
            double drained = (System.nanoTime() - end) / 1e9;

            say("%n## Result: %d s measured after %d s of warm-up, %d clients, %,d accounts%n%n", seconds,
                    WARM_UP_SECONDS, clients, accounts);
            say("| measure | value |%n|---|---|%n");
            say("| **payments answered 201** | **%,d (%.1f payments/s)** |%n", ok, ok / window);
            say("| latency p50 / p95 / p99 / max (201 answers) | %s / %s / %s / %s ms |%n",
                    Bench.ms(Bench.quantile(latencies, 0.50)), Bench.ms(Bench.quantile(latencies, 0.95)), Bench.ms(Bench.quantile(latencies, 0.99)),
                    Bench.ms(latencies.length == 0 ? -1 : latencies[latencies.length - 1]));
            say("| answers other than 201, by status | %s |%n", refusals());
            say("| payments stored by payment-service in the window | %,d |%n", postedInWindow);
            say("| billing's ledger PAYMENT postings when the load stopped | %,d of %,d |%n", ledgerAtEnd,
                    postedInWindow);
            say("| billing's ledger counted as many PAYMENT postings as the window's payments | %s |%n", ledger >= postedInWindow
                    ? String.format("%.1f s after the load stopped", drained)
                    : String.format("not within %.0f s (%,d of %,d)", drained, ledger, postedInWindow));
            say("| load average at the end (1, 5, 15 min) | %s |%n", loadAtEnd);
            for (var sample : sampleErrors.entrySet()) {
                say("%nfirst %s answer: `%s`%n", sample.getKey(), sample.getValue());
            }
            int cores = Runtime.getRuntime().availableProcessors();
            say("%n## CPU seconds used during the measured window (%.1f s wall, %d cores = %.1f core-seconds)%n%n"
                    + "| process | CPU s | share | CPU ms per payment |%n|---|---|---|---|%n", window, cores,
                    cores * window);
            for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
                double used = (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 100.0;
                say("| %s | %.1f | %.0f %% | %s |%n", e.getKey(), used, 100 * used / (cores * window),
                        ok == 0 ? "n/a" : String.format("%.2f", 1000 * used / ok));
            }
        }
    }

    /** Closed loop for {@code seconds}: each client posts the next payment when the last one was answered. */
    private long[] drive(int seconds, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Future<?>[] futures = new Future<?>[clients];
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures[c] = pool.submit(() -> {
                long[] mine = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long latency = pay();
                    if (latency >= 0 && n < MAX_SAMPLES_PER_CLIENT) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = latency;
                    }
                }
                samples[client] = mine;
                counts[client] = n;
                return null;
            });
        }
        pool.shutdown();
        for (Future<?> future : futures) {
            future.get();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return all;
    }

    /** Posts one card payment; returns its latency in nanoseconds when answered 201, else -1 (counted by status). */
    private long pay() {
        long n = sequence.incrementAndGet();
        int account = (int) (n % accounts);
        // externalReference is an authorisation code, never a 13-19 digit number (that would read as a card number)
        String body = """
                {"accountNumber":"%s","esiId":"%s","amount":12.34,"currency":"USD","channel":"CARD",
                 "externalReference":"AUTH-%d","receivedAt":"%s","instrument":{"type":"CARD","last4":"4242"}}"""
                .formatted(BenchAccounts.accountNumber(account), BenchAccounts.esiId(account), n, Instant.now());
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(PlatformService.PAYMENT) + "/payments"))
                .header("Authorization", Bench.basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - started;
            String status = Integer.toString(response.statusCode());
            outcomes.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (response.statusCode() == 201) {
                return latency;
            }
            sampleErrors.putIfAbsent(status, Bench.abbreviate(response.body(), 300));
        } catch (IOException e) {
            String kind = "I/O error (" + e.getClass().getSimpleName() + ")";
            outcomes.computeIfAbsent(kind, s -> new LongAdder()).increment();
            sampleErrors.putIfAbsent(kind, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private long count(String status) {
        LongAdder adder = outcomes.get(status);
        return adder == null ? 0 : adder.sum();
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

    // ------------------------------------------------------------------------------------------------ set-up

    // ------------------------------------------------------------------------------------------------ observing

    private Map<String, Long> cpu() {
        return ProcessCpu.ticks(platform);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Connection connect(PlatformService service) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(service), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static long single(Connection db, String query) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void say(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }
}
