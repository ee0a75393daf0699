package org.metertocash.bench;

import java.io.IOException;
import java.io.StringReader;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.EmbeddedPostgresServer;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The bill run at scale. Starts the packaged platform as separate processes, loads N post-pay billing accounts, each
 * with one month of usage (one ACTIVE monthly meter read) on a flat product, straight into billing-service's
 * PostgreSQL with {@code COPY} (loading is not measured), then triggers {@code POST /bill-runs/{today}} and measures
 * from the request until every account has a POSTED bill (lines, ledger posting, outbox row) and the outbox has been
 * relayed to Kafka (no unpublished row left, {@code billing.events} grown by N records): accounts per second. CPU
 * seconds each process used during that interval say where the machine's time went; with {@code -Dbench.jfr=<file>}
 * billing-service records a Flight Recording of the run ({@code jcmd JFR.start/stop}).
 *
 * <p>Then, for the ratio, the raw insert speed of the same rows on the same PostgreSQL: for N other accounts, a bill,
 * its six lines, its two audit actions, a ledger posting with its four entries and an outbox row, written with plain
 * batched JDBC (one connection, one transaction per 100 accounts, the tables' own constraints and triggers). The raw
 * outbox rows are written already published, so the relay leaves them alone.
 *
 * <p>Arguments: accounts (default 100000). Prints a Markdown report and writes it to bench/target/billrun-report.md.
 */
public final class BillRunLoad {

    private static final ZoneId MARKET = ZoneId.of("America/Chicago");
    private static final String PRODUCT = "BENCH-FLAT";
    private static final int RAW_CHUNK = 100;

    private final PlatformProcesses platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();
    private double runRate;

    private BillRunLoad(PlatformProcesses platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean raw = !"false".equals(System.getProperty("bench.raw", "true"));
        Path root = PlatformProcesses.repositoryRoot();
        Path target = Path.of(System.getProperty("bench.target", root.resolve("bench/target").toString()));
        try (PlatformProcesses platform = PlatformProcesses.start(root, target.resolve("platform-billrun"),
                PlatformPorts.free(), Duration.ofMinutes(5))) {
            BillRunLoad load = new BillRunLoad(platform);
            load.run(accounts, raw);
            Files.writeString(target.resolve("billrun-report.md"), load.report);
        }
        System.exit(0);
    }

    private void run(int accounts, boolean raw) throws Exception {
        LocalDate today = LocalDate.now(MARKET);
        LocalDate periodStart = today.minusMonths(1).withDayOfMonth(1);
        LocalDate periodEnd = today.withDayOfMonth(1);
        say("# Bill run of %,d accounts%n%nplatform ready after %.1f s; run date %s, usage %s – %s%n", accounts,
                platform.readyAfter().toMillis() / 1000.0, today, periodStart, periodEnd);
        setUpProduct();
        try (Connection db = connect()) {
            long loadStart = System.nanoTime();
            load(db, 0, accounts, periodStart, periodEnd);
            say("loaded %,d accounts and reads with COPY in %.1f s (not measured)%n", accounts,
                    (System.nanoTime() - loadStart) / 1e9);
            analyze(db);
            long topicBefore = topicEnd();
            Map<String, Long> cpuBefore = cpu();
            String loadBefore = ProcessCpu.loadAverage();
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null && !jfr.isBlank()) {
                jcmd("JFR.start", "name=billrun", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Thread progress = progressPrinter(running, today);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.url(PlatformService.BILLING) + "/bill-runs/" + today))
                    .header("Authorization", Bench.basic(Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofHours(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double answered = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /bill-runs answered " + response.statusCode() + ": "
                        + response.body());
            }
            long posted;
            long unpublished;
            while (true) {
                posted = single(db, "select count(*) from bill where run_date = ? and status = 'POSTED'", today);
                unpublished = single(db, "select count(*) from outbox_event where published_at is null");
                if ((posted + held(db, today) >= accounts && unpublished == 0)
                        || System.nanoTime() - start > Duration.ofHours(2).toNanos()) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            progress.join();
            Map<String, Long> cpuAfter = cpu();
            if (jfr != null && !jfr.isBlank()) {
                jcmd("JFR.stop", "name=billrun");
            }
            long relayed = topicEnd() - topicBefore;
            long lines = single(db, "select count(*) from bill_line l join bill b on b.id = l.bill_id "
                    + "where b.run_date = ?", today);
            long postings = single(db, "select count(*) from ledger_posting where kind = 'CHARGE'");
            say("%n## Bill run%n%n| measure | value |%n|---|---|%n");
            say("| accounts | %,d |%n| bills POSTED / HELD_FOR_REVIEW | %,d / %,d |%n", accounts, posted,
                    held(db, today));
            say("| bill lines, ledger charges, BillPosted records relayed to billing.events | %,d, %,d, %,d |%n",
                    lines, postings, relayed);
            say("| POST answered after | %.1f s |%n| all posted and relayed after | %.1f s |%n", answered, seconds);
            runRate = accounts / seconds;
            say("| **throughput** | **%.0f accounts/s** |%n", runRate);
            say("| run as billing-service reported it | `%s` |%n", abbreviate(response.body()));
            say("| load average (1, 5, 15 min) before / after | %s / %s |%n", loadBefore, ProcessCpu.loadAverage());
            say("%n## CPU seconds used during the run (%.1f s wall, 2 cores = %.1f core-seconds)%n%n"
                    + "| process | CPU s | share of the interval's core-seconds |%n|---|---|---|%n", seconds,
                    2 * seconds);
            for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
                double used = (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 100.0;
                say("| %s | %.1f | %.0f %% |%n", e.getKey(), used, 100 * used / (2 * seconds));
            }
            if (raw) {
                rawInserts(db, accounts, periodStart, periodEnd, today);
            }
            Thread.sleep(1000);
            say("%n/status billRun: `%s`%n", status().path("entities").path("billRun"));
        }
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private void setUpProduct() throws IOException, InterruptedException {
        send("PUT", "/tdu-tariffs/ONCOR/2020-01-01", "{\"customerCharge\": 4.23, \"deliveryCentsPerKwh\": 5.6}");
        send("POST", "/products", """
                {"code": "%s", "name": "Bench flat", "billingType": "POSTPAY", "termMonths": 12, "tdu": "ONCOR",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}""".formatted(PRODUCT));
    }

    private void send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(platform.url(PlatformService.BILLING) + path))
                .header("Authorization", Bench.basic(Api.ADMIN_USER, Api.ADMIN_PASSWORD))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Accounts {@code from} … {@code from + count - 1}: account, premise and one month of monthly usage each. */
    private static void load(Connection db, int from, int count, LocalDate periodStart, LocalDate periodEnd)
            throws SQLException, IOException {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        Instant now = Instant.now();
        int step = 20_000;
        for (int first = from; first < from + count; first += step) {
            StringBuilder accounts = new StringBuilder();
            StringBuilder reads = new StringBuilder();
            for (int i = first; i < Math.min(first + step, from + count); i++) {
                String esiId = esiId(i);
                accounts.append(accountNumber(i)).append('\t').append(esiId).append('\t').append(new UUID(7, i))
                        .append("\tBench Customer ").append(i).append("\tbench@example.com\t2145550100\t")
                        .append(i).append(" Main St\t\\N\tDallas\tTX\t75201\tDallas\t").append(PRODUCT)
                        .append("\tPOSTPAY\tONCOR\t").append(1 + i % 20).append('\t').append(periodStart.minusDays(60))
                        .append('\t').append(now).append("\t0\n");
                reads.append(new UUID(8, i)).append('\t').append(esiId).append("\tM1\tBENCH-").append(i)
                        .append("\t\\N\tORIGINAL\t").append(periodStart).append('\t').append(periodEnd)
                        .append("\tACTUAL\tfalse\t").append(500 + i % 1000).append("\t\\N\t\\N\t\\N\t\\N\t0\tACTIVE")
                        .append("\t\\N\t\\N\t").append(new UUID(9, i)).append('\t').append(now.plusNanos(i * 1000L))
                        .append('\n');
            }
            copy.copyIn("copy billing_account (account_number, esi_id, enrollment_id, customer_name, customer_email,"
                    + " customer_phone, address_line1, address_line2, city, state_code, zip, county, product_code,"
                    + " billing_type, tdsp, bill_cycle, start_date, opened_at, version) from stdin",
                    new StringReader(accounts.toString()));
            copy.copyIn("copy meter_read (id, esi_id, meter_number, document_reference, original_reference, purpose,"
                    + " period_start, period_end, reading_quality, final_read, total_kwh, demand_kw, interval_start,"
                    + " interval_minutes, interval_kwh, interval_count, status, superseded_by, edi_transaction_id,"
                    + " event_id, received_at) from stdin", new StringReader(reads.toString()));
        }
    }

    private static void analyze(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("analyze billing_account");
            sql.execute("analyze meter_read");
        }
    }

    // ------------------------------------------------------------------------------------------------ raw inserts

    /** The same rows the bill run writes per account, with plain batched JDBC; prints accounts/s and the ratio. */
    private void rawInserts(Connection db, int accounts, LocalDate periodStart, LocalDate periodEnd, LocalDate today)
            throws Exception {
        int from = 10_000_000;
        load(db, from, accounts, periodStart, periodEnd);
        analyze(db);
        String[][] lines = { { "ENERGY", "ENERGY", "Energy charge", "1000", "CENTS_PER_KWH", "10.000000", "100.00", "REVENUE" },
                { "BASE_CHARGE", "BASE_CHARGE", "Base charge", "1", "DOLLARS_PER_CYCLE", "5.000000", "5.00", "REVENUE" },
                { "TDU_CUSTOMER_CHARGE", "TDU_CUSTOMER_CHARGE", "TDU customer charge", "1", "DOLLARS_PER_MONTH", "4.230000",
                        "4.23", "TDU_CHARGES" },
                { "TDU_DELIVERY_CHARGE", "TDU_DELIVERY_CHARGE", "TDU delivery charge", "1000", "CENTS_PER_KWH", "5.600000",
                        "56.00", "TDU_CHARGES" },
                { "TAX", "TAX_GROSS_RECEIPTS", "Gross receipts tax reimbursement", "165.23", "PERCENT", "1.997000",
                        "3.30", "TAXES" },
                { "TAX", "TAX_PUC_ASSESSMENT", "PUC assessment", "165.23", "PERCENT", "0.166700", "0.28", "TAXES" } };
        BigDecimal total = new BigDecimal("168.81");
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement bill = db.prepareStatement("""
                insert into bill (id, account_number, esi_id, meter_read_id, product_code, period_start, period_end, days,
                    total_kwh, reading_quality, charges_total, tax_total, amount_due, status, validation, run_date,
                    drafted_at, issue_date, due_date, posted_at, ledger_posting_id, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTUAL', ?, ?, ?, 'POSTED', ?::jsonb, ?, ?, ?, ?, ?, ?, 0)""");
                PreparedStatement line = db.prepareStatement("""
                        insert into bill_line (id, bill_id, line_no, kind, code, description, quantity, unit, rate,
                            amount, ledger_account) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement action = db.prepareStatement(
                        "insert into bill_action (bill_id, action, actor, note, at) values (?, ?, 'system', null, ?)");
                PreparedStatement posting = db.prepareStatement("""
                        insert into ledger_posting (id, account_number, esi_id, kind, posting_key, reference,
                            description, actor, source, source_id, effective_date, posted_at)
                        values (?, ?, ?, 'CHARGE', ?, ?, ?, 'system', 'bill-run', ?, ?, ?)""");
                PreparedStatement entry = db.prepareStatement("""
                        insert into ledger_entry (posting_id, line, account_number, ledger_account, debit, credit)
                        values (?, ?, ?, ?, ?, ?)""");
                PreparedStatement outbox = db.prepareStatement("""
                        insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at,
                            correlation_id, causation_id, payload, published_at)
                        values (?, ?, ?, ?, 'billing-service', ?, ?, ?, ?, ?, now())""")) {
            String validation = "[{\"rule\":\"AMOUNT_ABOVE_MAXIMUM\",\"passed\":true,\"detail\":\"168.81\"}]";
            for (int i = from; i < from + accounts; i++) {
                UUID billId = UUID.randomUUID();
                UUID postingId = UUID.randomUUID();
                String account = accountNumber(i);
                String esiId = esiId(i);
                Timestamp now = Timestamp.from(Instant.now());
                LocalDate due = today.plusDays(16);
                int p = 0;
                bill.setObject(++p, billId);
                bill.setString(++p, account);
                bill.setString(++p, esiId);
                bill.setObject(++p, new UUID(8, i));
                bill.setString(++p, PRODUCT);
                bill.setObject(++p, periodStart);
                bill.setObject(++p, periodEnd);
                bill.setInt(++p, 31);
                bill.setBigDecimal(++p, new BigDecimal(1000));
                bill.setBigDecimal(++p, new BigDecimal("165.23"));
                bill.setBigDecimal(++p, new BigDecimal("3.58"));
                bill.setBigDecimal(++p, total);
                bill.setString(++p, validation);
                bill.setObject(++p, today);
                bill.setTimestamp(++p, now);
                bill.setObject(++p, today);
                bill.setObject(++p, due);
                bill.setTimestamp(++p, now);
                bill.setObject(++p, postingId);
                bill.addBatch();
                for (int n = 0; n < lines.length; n++) {
                    String[] l = lines[n];
                    line.setObject(1, UUID.randomUUID());
                    line.setObject(2, billId);
                    line.setInt(3, n + 1);
                    line.setString(4, l[0]);
                    line.setString(5, l[1]);
                    line.setString(6, l[2]);
                    line.setBigDecimal(7, new BigDecimal(l[3]));
                    line.setString(8, l[4]);
                    line.setBigDecimal(9, new BigDecimal(l[5]));
                    line.setBigDecimal(10, new BigDecimal(l[6]));
                    line.setString(11, l[7]);
                    line.addBatch();
                }
                for (String what : new String[] { "DRAFTED", "POSTED" }) {
                    action.setObject(1, billId);
                    action.setString(2, what);
                    action.setTimestamp(3, now);
                    action.addBatch();
                }
                posting.setObject(1, postingId);
                posting.setString(2, account);
                posting.setString(3, esiId);
                posting.setString(4, "CHARGE:" + account + ":" + billId);
                posting.setString(5, billId.toString());
                posting.setString(6, "Bill " + periodStart + " – " + periodEnd);
                posting.setString(7, billId.toString());
                posting.setObject(8, today);
                posting.setTimestamp(9, now);
                posting.addBatch();
                String[][] entries = { { "RECEIVABLE", "168.81", "0.00" }, { "REVENUE", "0.00", "105.00" },
                        { "TAXES", "0.00", "3.58" }, { "TDU_CHARGES", "0.00", "60.23" } };
                for (int n = 0; n < entries.length; n++) {
                    entry.setObject(1, postingId);
                    entry.setInt(2, n);
                    entry.setString(3, account);
                    entry.setString(4, entries[n][0]);
                    entry.setBigDecimal(5, new BigDecimal(entries[n][1]));
                    entry.setBigDecimal(6, new BigDecimal(entries[n][2]));
                    entry.addBatch();
                }
                UUID eventId = UUID.randomUUID();
                outbox.setObject(1, eventId);
                outbox.setString(2, Topics.BILLING);
                outbox.setString(3, esiId);
                outbox.setString(4, BillPosted.TYPE);
                outbox.setString(5, esiId);
                outbox.setTimestamp(6, now);
                outbox.setObject(7, eventId);
                outbox.setObject(8, new UUID(9, i));
                outbox.setBytes(9, TestJson.MAPPER.writeValueAsBytes(new BillPosted(billId, account, esiId,
                        periodStart, periodEnd, today, due, total, new BigDecimal(1000),
                        java.util.Arrays.stream(lines).map(l -> new BillPosted.Line(l[1], l[2], new BigDecimal(l[6])))
                                .toList())));
                outbox.addBatch();
                if ((i - from + 1) % RAW_CHUNK == 0 || i == from + accounts - 1) {
                    bill.executeBatch();
                    line.executeBatch();
                    action.executeBatch();
                    posting.executeBatch();
                    entry.executeBatch();
                    outbox.executeBatch();
                    db.commit();
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rawRate = accounts / seconds;
        say("%nload average after the raw inserts: %s%n", ProcessCpu.loadAverage());
        say("%n## Raw PostgreSQL insert speed of the same rows%n%n%,d accounts × (bill, 6 lines, 2 actions, ledger "
                + "posting + 4 entries, outbox row), plain batched JDBC, one connection, a transaction per %d "
                + "accounts: %.1f s, **%.0f accounts/s**; the bill run reached **%.0f %%** of it%n", accounts, RAW_CHUNK,
                seconds, rawRate, 100 * runRate / rawRate);
    }

    // ------------------------------------------------------------------------------------------------ observing

    private Thread progressPrinter(AtomicBoolean running, LocalDate today) {
        Thread thread = new Thread(() -> {
            try (Connection db = connect()) {
                long start = System.nanoTime();
                while (running.get()) {
                    Thread.sleep(5000);
                    System.out.printf("  %5.0f s: %,d bills, %,d outbox rows unpublished%n",
                            (System.nanoTime() - start) / 1e9,
                            single(db, "select count(*) from bill where run_date = ?", today),
                            single(db, "select count(*) from outbox_event where published_at is null"));
                }
            } catch (Exception e) {
                System.out.println("progress printer stopped: " + e);
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Map<String, Long> cpu() {
        return ProcessCpu.ticks(platform);
    }

    private long topicEnd() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.BILLING, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private com.fasterxml.jackson.databind.JsonNode status() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(platform.url(PlatformService.BILLING) + "/status"))
                .header("Authorization", Bench.basic(Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        return TestJson.MAPPER.readTree(response.body());
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(platform.pid(PlatformService.BILLING).orElseThrow()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(String.join(" ", command) + ": " + output.trim());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(PlatformService.BILLING), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static long held(Connection db, LocalDate date) throws SQLException {
        return single(db, "select count(*) from bill where run_date = ? and status = 'HELD_FOR_REVIEW'", date);
    }

    private static long single(Connection db, String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Ten digits, unique per account (the Luhn check digit does not matter to the bill run). */
    private static String accountNumber(int i) {
        return String.format("9%09d", i);
    }

    private static String esiId(int i) {
        return String.format("10443720%09d", i);
    }

    private static String abbreviate(String body) {
        int at = body.indexOf("\"run\"");
        String run = at < 0 ? body : body.substring(at);
        return run.length() > 200 ? run.substring(0, 200) + "…" : run;
    }

    private void say(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }
}
