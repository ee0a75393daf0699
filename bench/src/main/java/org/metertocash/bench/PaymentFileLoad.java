package org.metertocash.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.EmbeddedPostgresServer;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * A payment file of N lines (default 100,000) posted end to end. Starts the packaged platform as separate processes
 * (as {@link ConsumerThroughput} does), opens N billing accounts straight in the databases — billing's
 * {@code billing_account} and payment-service's {@code payable_account} projection, with {@code COPY}; loading is not
 * measured — then posts one CSV file of N payments, one per account, to {@code POST /payment-files} and measures from
 * the request until billing's ledger holds N PAYMENT postings (every billing balance updated), with the moments
 * payment-service answered, finished posting the file, and had relayed its outbox. CPU seconds per process over the
 * interval say where the machine's time went.
 *
 * <p>Arguments: lines (default 100000). Prints a Markdown report and writes it to
 * bench/target/payment-file-report.md.
 */
public final class PaymentFileLoad {

    private static final ZoneId MARKET = ZoneId.of("America/Chicago");
    private static final int BATCH = 5_000;

    private final PlatformProcesses platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();

    private PaymentFileLoad(PlatformProcesses platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = PlatformProcesses.repositoryRoot();
        Path target = Path.of(System.getProperty("bench.target", root.resolve("bench/target").toString()));
        try (PlatformProcesses platform = PlatformProcesses.start(root, target.resolve("platform-payment-file"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            PaymentFileLoad load = new PaymentFileLoad(platform);
            load.run(lines);
            Files.writeString(target.resolve("payment-file-report.md"), load.report);
        }
        System.exit(0);
    }

    private void run(int lines) throws Exception {
        LocalDate today = LocalDate.now(MARKET);
        say("# A payment file of %,d lines, end to end%n%nplatform ready after %.1f s; %d cores, max heap of this "
                + "driver %d MB%n", lines, platform.readyAfter().toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (Connection billing = connect(PlatformService.BILLING); Connection payment = connect(PlatformService.PAYMENT)) {
            long loadStart = System.nanoTime();
            BenchAccounts.open(billing, payment, lines);
            say("opened %,d accounts in billing and payment-service with COPY in %.1f s (not measured)%n", lines,
                    (System.nanoTime() - loadStart) / 1e9);
            byte[] file = csv(lines, today);
            BigDecimal expected = new BigDecimal(lines).multiply(new BigDecimal("12.34"));
            say("the file: CSV, %,d payments in %d batches of %,d, %,d bytes, $%s%n", lines,
                    (lines + BATCH - 1) / BATCH, BATCH, file.length, expected.toPlainString());

            Map<String, Long> cpuBefore = cpu();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.url(PlatformService.PAYMENT) + "/payment-files?fileName=bench-" + lines + ".csv"))
                    .header("Authorization", Bench.basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file))
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            double answered = seconds(start);
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST /payment-files answered " + response.statusCode() + ": "
                        + Bench.abbreviate(response.body(), 400));
            }
            String fileId = TestJson.MAPPER.readTree(response.body()).path("id").asText();
            double posted = -1;
            double relayed = -1;
            double applied;
            long ledger;
            long lastPrint = System.nanoTime();
            while (true) {
                if (posted < 0 && finished(payment, fileId)) {
                    posted = seconds(start);
                }
                if (posted >= 0 && relayed < 0
                        && single(payment, "select count(*) from outbox_event where published_at is null") == 0) {
                    relayed = seconds(start);
                }
                ledger = single(billing, "select count(*) from ledger_posting where kind = 'PAYMENT'");
                if (ledger >= lines || System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                    applied = seconds(start);
                    break;
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("  %5.1f s: file %s, billing ledger %,d PAYMENT postings%n", seconds(start),
                            progress(payment, fileId), ledger);
                }
                Thread.sleep(50);
            }
            Map<String, Long> cpuAfter = cpu();
            if (relayed < 0) {
                relayed = applied;
            }
            BigDecimal balance = sum(billing, """
                    select coalesce(sum(e.credit) - sum(e.debit), 0) from ledger_entry e
                    join ledger_posting p on p.id = e.posting_id
                    where p.kind = 'PAYMENT' and e.ledger_account = 'RECEIVABLE'""");
            say("%n## Result%n%n| measure | value |%n|---|---|%n");
            say("| POST /payment-files answered (stored, read, judged: 202) | %.1f s |%n", answered);
            say("| payment-service had posted every line (file %s) | %.1f s |%n", progress(payment, fileId), posted);
            say("| payment-service's outbox relayed to Kafka | %.1f s |%n", relayed);
            say("| **billing's ledger holds %,d of %,d PAYMENT postings** | **%.1f s** |%n", ledger, lines, applied);
            say("| end-to-end rate | %.0f payments/s |%n", ledger / applied);
            say("| receivables credited by the payments (expected $%s) | $%s |%n", expected.toPlainString(),
                    balance.toPlainString());
            say("%n## CPU seconds used during the run (%.1f s wall, %d cores = %.1f core-seconds)%n%n"
                    + "| process | CPU s | share |%n|---|---|---|%n", applied,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * applied);
            for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
                double used = (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 100.0;
                say("| %s | %.1f | %.0f %% |%n", e.getKey(), used,
                        100 * used / (Runtime.getRuntime().availableProcessors() * applied));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** Our CSV layout: a payment of $12.34 per account, in batches of {@value #BATCH}, received this morning. */
    private static byte[] csv(int lines, LocalDate today) {
        StringBuilder csv = new StringBuilder(lines * 60);
        csv.append("record_type,batch_id,account_number,amount,channel,external_reference,received_at,control_count\n");
        String receivedAt = today.toString();
        int batches = 0;
        for (int first = 0; first < lines; first += BATCH) {
            int last = Math.min(lines, first + BATCH);
            String batch = "B" + (++batches);
            for (int i = first; i < last; i++) {
                csv.append("PAYMENT,").append(batch).append(',').append(BenchAccounts.accountNumber(i)).append(",12.34,CHECK,R")
                        .append(i).append(',').append(receivedAt).append(",\n");
            }
            csv.append("BATCH_CONTROL,").append(batch).append(",,")
                    .append(new BigDecimal(last - first).multiply(new BigDecimal("12.34")).toPlainString())
                    .append(",,,,").append(last - first).append('\n');
        }
        csv.append("FILE_CONTROL,,,").append(new BigDecimal(lines).multiply(new BigDecimal("12.34")).toPlainString())
                .append(",,,,").append(lines).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------ observing

    private static boolean finished(Connection payment, String fileId) throws SQLException {
        try (PreparedStatement statement = payment.prepareStatement(
                "select status from payment_file where id = ?::uuid")) {
            statement.setString(1, fileId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && !"POSTING".equals(rs.getString(1)) && !"RECEIVED".equals(rs.getString(1));
            }
        }
    }

    private static String progress(Connection payment, String fileId) throws SQLException {
        try (PreparedStatement statement = payment.prepareStatement("select status, lines_done, lines_to_post, "
                + "lines_posted, lines_unapplied, lines_held, lines_failed from payment_file where id = ?::uuid")) {
            statement.setString(1, fileId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return String.format("%s, %,d/%,d done: %,d posted, %,d unapplied, %,d held, %,d failed",
                        rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7));
            }
        }
    }

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

    private static BigDecimal sum(Connection db, String query) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void say(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }
}
