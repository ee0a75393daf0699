package org.metertocash.testkit.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.metertocash.testkit.EmbeddedPostgresServer;

/**
 * The whole platform as a deployment runs it: PostgreSQL (a database per service), Kafka in its own JVM, and the
 * five packaged services as separate JVMs, each logging to its own file. The broker runs from this JVM's own
 * class path ({@link BrokerProcess}); the services from their packaged {@code quarkus-run.jar}. Used by the local
 * runner, the e2e suite and the benchmarks.
 *
 * <p>{@link #close()} — or the JVM's shutdown hook, e.g. on Ctrl-C — stops the services first (so they stop
 * consuming and publishing while the broker and the database are still there), then Kafka, then PostgreSQL, and
 * checks that none of the processes it started is left.
 */
public final class PlatformProcesses implements AutoCloseable {

    /**
     * The services' JVM options: a small heap each (five of them share the machine with Kafka and PostgreSQL), the
     * serial collector and C1 only, because on a two-core machine start-up time is what the platform waits on.
     * A measurement of steady-state throughput wants the full JIT: {@code -Dplatform.service-jvm-options="..."}
     * (space-separated) replaces these.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");
    static final List<String> KAFKA_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    /** How long a process may take to stop after SIGTERM before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Path root;
    private final Path workDir;
    private final PlatformPorts ports;
    private final Thread shutdownHook = new Thread(this::stopAll, "platform-shutdown");
    private final Map<PlatformService, Process> services = new EnumMap<>(PlatformService.class);
    private final List<Process> replicas = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private Process kafka;
    private String kafkaBootstrapServers;
    private Duration readyAfter;
    private boolean stopped;
    private List<ProcessHandle> leftOver = List.of();

    private PlatformProcesses(Path root, Path workDir, PlatformPorts ports) {
        this.root = root;
        this.workDir = workDir;
        this.ports = ports;
    }

    /**
     * Starts everything and returns once every service answers {@code /q/health/ready} with 200.
     *
     * @param root    the repository root (services are found at {@code <root>/<module>/target/quarkus-app})
     * @param workDir where logs, EDI folders, the services' working folders and the PostgreSQL data go; all of it
     *                is started afresh (a new database means old files and logs describe nothing that exists)
     * @param ports   {@link PlatformPorts#local()} or {@link PlatformPorts#free()}
     * @param timeout for Kafka to come up, and then for every service to become ready
     * @throws IllegalStateException when a jar is missing, a port is taken, or something does not become ready
     *                               (with the tail of its log); everything already started is stopped again
     */
    public static PlatformProcesses start(Path root, Path workDir, PlatformPorts ports, Duration timeout)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (PlatformService service : PlatformService.values()) {
            Path jar = jarOf(root, service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -DskipTests package)");
            }
        }
        requireFree(ports);
        PlatformProcesses platform = new PlatformProcesses(root.toAbsolutePath(), workDir.toAbsolutePath(), ports);
        platform.prepareWorkDir();
        // registered before anything starts, so that Ctrl-C during start-up leaves nothing behind either
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.launchKafka(); // the broker's JVM boots while PostgreSQL starts here
            platform.startPostgres();
            platform.awaitKafka(timeout);
            for (PlatformService service : PlatformService.values()) {
                platform.startService(service); // all five start at once; each runs its own Flyway migrations
            }
            platform.awaitReady(timeout);
            platform.readyAfter = Duration.ofNanos(System.nanoTime() - started);
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Finds the repository root: {@code -Dplatform.root}, or the nearest folder above holding mvnw. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("platform.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding mvnw); set -Dplatform.root");
    }

    /** The base URL of a service, e.g. {@code http://127.0.0.1:8081}. */
    public String url(PlatformService service) {
        return "http://127.0.0.1:" + ports.http(service);
    }

    /** Every service's base URL, in start order. */
    public Map<PlatformService, String> urls() {
        Map<PlatformService, String> urls = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            urls.put(service, url(service));
        }
        return urls;
    }

    public PlatformPorts ports() {
        return ports;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String jdbcUrl(PlatformService service) {
        return postgres.jdbcUrl(service.database());
    }

    /** Where edi-gateway delivers the files it sends to the market. */
    public Path ediOutbound() {
        return workDir.resolve("edi/outbound");
    }

    /** The folder edi-gateway watches for files from the market. */
    public Path ediInbound() {
        return workDir.resolve("edi/inbound");
    }

    /** The folder payment-service watches for payment files (CSV, BAI2, NACHA returns). */
    public Path paymentsInbound() {
        return workDir.resolve("payments/inbound");
    }

    /** Where payment-service writes its NACHA PPD origination files for the bank. */
    public Path paymentsOutbound() {
        return workDir.resolve("payments/outbound");
    }

    /** Where dunning-service writes each day's print batch of notices (PDFs and a manifest) for the print vendor. */
    public Path noticesOutbound() {
        return workDir.resolve("notices/outbound");
    }

    public Path workDir() {
        return workDir;
    }

    public Path logs() {
        return workDir.resolve("logs");
    }

    public Path log(PlatformService service) {
        return logs().resolve(service.module() + ".log");
    }

    public Path kafkaLog() {
        return logs().resolve("kafka.log");
    }

    /** From the call to {@link #start} until every service answered ready. */
    public Duration readyAfter() {
        return readyAfter;
    }

    public Optional<Long> pid(PlatformService service) {
        Process process = services.get(service);
        return process == null ? Optional.empty() : Optional.of(process.pid());
    }

    public Optional<Long> kafkaPid() {
        return kafka == null ? Optional.empty() : Optional.of(kafka.pid());
    }

    /**
     * After {@link #close()}: the processes started here (or by them) that did not stop within the grace period
     * and were killed. Empty when the platform stopped cleanly; either way nothing of it runs any more.
     */
    public synchronized List<ProcessHandle> leftOver() {
        return leftOver;
    }

    private static Path jarOf(Path root, PlatformService service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void prepareWorkDir() throws IOException {
        deleteRecursively(workDir.resolve("postgres"));
        deleteRecursively(workDir.resolve("edi"));
        deleteRecursively(workDir.resolve("payments"));
        deleteRecursively(logs());
        for (PlatformService service : PlatformService.values()) {
            deleteRecursively(workDir.resolve(service.module()));
            Files.createDirectories(workDir.resolve(service.module()));
        }
        Files.createDirectories(logs());
        Files.createDirectories(ediOutbound());
        Files.createDirectories(ediInbound());
        Files.createDirectories(paymentsInbound());
        Files.createDirectories(paymentsOutbound());
        Files.createDirectories(noticesOutbound());
    }

    private void startPostgres() throws IOException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(ports.postgres(), workDir.resolve("postgres"));
        synchronized (this) {
            postgres = server;
            if (stopped) { // the shutdown hook ran while PostgreSQL was starting
                stopPostgres();
                throw new IllegalStateException("stopped while starting");
            }
        }
        postmaster().ifPresent(this::guard);
        for (PlatformService service : PlatformService.values()) {
            server.createDatabase(service.database());
        }
    }

    private void launchKafka() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(KAFKA_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                Integer.toString(ports.kafka())));
        synchronized (this) {
            kafka = launch(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(kafkaLog().toFile()));
        }
    }

    private void awaitKafka(Duration timeout) throws IOException, InterruptedException {
        Path log = kafkaLog();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(BrokerProcess.READY)) {
                    kafkaBootstrapServers = line.substring(BrokerProcess.READY.length()).trim();
                    return;
                }
            }
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited (" + kafka.exitValue() + "); " + log + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Kafka not ready within " + timeout + "; " + log + ":\n" + tail(log));
    }

    private void startService(PlatformService service) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(serviceJvmOptions());
        systemProperties(service).forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jarOf(root, service).toString());
        Process process;
        synchronized (this) {
            process = launch(new ProcessBuilder(command).directory(workDir.resolve(service.module()).toFile())
                    .redirectErrorStream(true).redirectOutput(log(service).toFile()));
            services.put(service, process);
        }
        guard(process.toHandle());
    }

    /** A second instance of a service: same database, same consumer group, its own port and profile. */
    public record Replica(PlatformService service, String url, String profile, Path log, long pid) {
    }

    /**
     * Starts another instance of a service beside the running one, as a deployment with several replicas runs it
     * (sharing its database and consumer group), in the given profile and with extra system properties, and waits
     * until it is ready. It is stopped with the platform.
     */
    public Replica startReplica(PlatformService service, String profile, Map<String, String> extraProperties,
            Duration timeout) throws IOException, InterruptedException {
        int port = PlatformPorts.freePort();
        Map<String, String> properties = systemProperties(service);
        properties.put("quarkus.profile", profile);
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.putAll(extraProperties);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(serviceJvmOptions());
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jarOf(root, service).toString());
        Path log = logs().resolve(service.module() + "-replica-" + port + ".log");
        Process process;
        synchronized (this) {
            process = launch(new ProcessBuilder(command).directory(workDir.resolve(service.module()).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()));
            replicas.add(process);
        }
        guard(process.toHandle());
        Replica replica = new Replica(service, "http://127.0.0.1:" + port, profile, log, process.pid());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " replica exited (" + process.exitValue() + "); "
                        + log + ":\n" + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return replica;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " replica not ready within " + timeout + ":\n"
                        + tail(log));
            }
            Thread.sleep(250);
        }
    }

    private static List<String> serviceJvmOptions() {
        String configured = System.getProperty("platform.service-jvm-options");
        return configured == null || configured.isBlank() ? SERVICE_JVM : List.of(configured.trim().split("\\s+"));
    }

    /** What a deployment would set through the environment: where the service listens and what it talks to. */
    Map<String, String> systemProperties(PlatformService service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.profile", "local");
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(ports.http(service)));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        properties.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        properties.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        properties.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        if (service == PlatformService.EDI_GATEWAY) {
            // edi-gateway's application.properties: edi.folders.*, edi.delivery-sweep
            properties.put("edi.folders.outbound", ediOutbound().toString());
            properties.put("edi.folders.inbound", ediInbound().toString());
            properties.put("edi.delivery-sweep", "1s");
        }
        if (service == PlatformService.PAYMENT) {
            // payment-service's application.properties: payment.files.inbound, payment.autopay.outbound
            properties.put("payment.files.inbound", paymentsInbound().toString());
            properties.put("payment.autopay.outbound", paymentsOutbound().toString());
        }
        if (service == PlatformService.DUNNING) {
            // dunning-service's application.properties: dunning.notices.outbound
            properties.put("dunning.notices.outbound", noticesOutbound().toString());
        }
        return properties;
    }

    /** Tells the broker's process to stop this one should this JVM die without running its shutdown hook. */
    private void guard(ProcessHandle process) {
        if (kafka == null) {
            return;
        }
        try {
            OutputStream orders = kafka.getOutputStream();
            orders.write((BrokerProcess.GUARD + process.pid() + "\n").getBytes(StandardCharsets.US_ASCII));
            orders.flush();
        } catch (IOException brokerGone) {
            // nothing to guard with; the start-up fails on the broker's absence anyway
        }
    }

    /** Starts a process unless the platform is already stopping (Ctrl-C during start-up). */
    private synchronized Process launch(ProcessBuilder builder) throws IOException {
        if (stopped) {
            throw new IllegalStateException("stopped while starting");
        }
        return builder.start();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PlatformService> waiting = new ArrayList<>(List.of(PlatformService.values()));
        while (true) {
            for (var it = waiting.iterator(); it.hasNext();) {
                PlatformService service = it.next();
                Process process = services.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited (" + process.exitValue() + "); "
                            + log(service) + ":\n" + tail(log(service)));
                }
                if (ready(http, service)) {
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("not ready within " + timeout + ": " + waiting);
                for (PlatformService service : waiting) {
                    message.append("\n--- ").append(log(service)).append(":\n").append(tail(log(service)));
                }
                throw new IllegalStateException(message.toString());
            }
            Thread.sleep(250);
        }
    }

    private boolean ready(HttpClient http, PlatformService service) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static void requireFree(PlatformPorts ports) {
        List<Integer> wanted = new ArrayList<>(List.of(ports.postgres(), ports.kafka()));
        wanted.addAll(ports.http().values());
        for (int port : wanted) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is in use (is the platform already running?)");
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops everything (idempotent); see {@link #leftOver()} for what had to be killed. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook is running or has run
        }
    }

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        // everything we started and whatever those started, taken now: an orphan is no descendant any more
        List<ProcessHandle> ours = new ArrayList<>();
        List<ProcessHandle> forced = new ArrayList<>();
        List<ProcessHandle> running = new ArrayList<>(services.values().stream().map(Process::toHandle).toList());
        replicas.forEach(replica -> running.add(replica.toHandle()));
        running.forEach(p -> family(p, ours));
        running.forEach(ProcessHandle::destroy); // SIGTERM: Quarkus stops gracefully, committing consumer offsets
        running.forEach(p -> awaitExit(p, forced));
        if (kafka != null) {
            family(kafka.toHandle(), ours);
            kafka.destroy();
            awaitExit(kafka.toHandle(), forced);
        }
        // pg_ctl detaches the postmaster from us, so it is no descendant: follow it by its pid file
        Optional<ProcessHandle> postmaster = postmaster();
        postmaster.ifPresent(p -> family(p, ours));
        stopPostgres();
        postmaster.ifPresent(p -> awaitExit(p, forced));
        List<ProcessHandle> killed = new ArrayList<>(forced);
        killed.addAll(killAlive(ours));
        leftOver = List.copyOf(killed);
        if (!leftOver.isEmpty()) {
            System.err.println("platform: killed processes that did not stop in time: "
                    + leftOver.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
        }
    }

    private static void family(ProcessHandle process, List<ProcessHandle> into) {
        into.add(process);
        process.descendants().forEach(into::add);
    }

    private void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("platform: PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = workDir.resolve("postgres/postmaster.pid");
            if (postgres == null || !Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Kills whatever of these is still alive and returns it. */
    private static List<ProcessHandle> killAlive(List<ProcessHandle> processes) {
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        alive.forEach(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> p).join());
        return alive;
    }

    /** Waits for a stopping process; kills it (and its children) when it outstays {@link #GRACE}. */
    private static void awaitExit(ProcessHandle process, List<ProcessHandle> forced) {
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            if (notStopped instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            forced.add(process);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> process).join();
        }
    }
}
