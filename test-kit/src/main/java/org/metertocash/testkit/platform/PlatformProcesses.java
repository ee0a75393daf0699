package org.metertocash.testkit.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.metertocash.testkit.EmbeddedPostgresServer;
import org.metertocash.testkit.KafkaBrokerMain;

/**
 * The whole platform as a deployment runs it: PostgreSQL (a database per service), Kafka in its own JVM, and the
 * five packaged services as separate JVMs, each logging to its own file. Used by the local runner, the e2e
 * suite and the benchmarks. {@link #close()} (or the JVM's shutdown hook, e.g. on Ctrl-C) stops every process.
 */
public final class PlatformProcesses implements AutoCloseable {

    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private final Path root;
    private final Path workDir;
    private final PlatformPorts ports;
    private final EmbeddedPostgresServer postgres;
    private final Map<PlatformService, Process> services = new EnumMap<>(PlatformService.class);
    private Process kafka;
    private String kafkaBootstrapServers;
    private Duration readyAfter;
    private final Thread shutdownHook = new Thread(this::stopAll, "platform-shutdown");
    private boolean stopped;

    private PlatformProcesses(Path root, Path workDir, PlatformPorts ports, EmbeddedPostgresServer postgres) {
        this.root = root;
        this.workDir = workDir;
        this.ports = ports;
        this.postgres = postgres;
    }

    /**
     * Starts everything and returns once every service answers {@code /q/health/ready}.
     *
     * @param root    the repository root (services are found at {@code <root>/<module>/target/quarkus-app})
     * @param workDir where logs, EDI folders and the PostgreSQL data go (emptied of old logs)
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
        Files.createDirectories(workDir.resolve("logs"));
        deleteRecursively(workDir.resolve("postgres")); // a fresh database each run, even after a hard kill
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(ports.postgres(), workDir.resolve("postgres"));
        PlatformProcesses platform = new PlatformProcesses(root, workDir, ports, postgres);
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            for (PlatformService service : PlatformService.values()) {
                postgres.createDatabase(service.database());
            }
            platform.startKafka(timeout);
            for (PlatformService service : PlatformService.values()) {
                platform.startService(service);
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
        throw new IllegalStateException("cannot find the repository root; set -Dplatform.root");
    }

    public String url(PlatformService service) {
        return "http://127.0.0.1:" + ports.http(service);
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

    public Path ediOutbound() {
        return workDir.resolve("edi/outbound");
    }

    public Path ediInbound() {
        return workDir.resolve("edi/inbound");
    }

    public Path log(PlatformService service) {
        return workDir.resolve("logs").resolve(service.module() + ".log");
    }

    public Path logs() {
        return workDir.resolve("logs");
    }

    /** How long it took from the first process started to every service ready. */
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

    private static Path jarOf(Path root, PlatformService service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void startKafka(Duration timeout) throws IOException, InterruptedException {
        Path log = workDir.resolve("logs/kafka.log");
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
                Integer.toString(ports.kafka()));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        kafka = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited (" + kafka.exitValue() + "):\n" + tail(log));
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(KafkaBrokerMain.READY)) {
                    kafkaBootstrapServers = line.substring(KafkaBrokerMain.READY.length()).trim();
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Kafka not ready within " + timeout + ":\n" + tail(log));
    }

    private void startService(PlatformService service) throws IOException {
        Path log = log(service);
        Files.deleteIfExists(log);
        Path dir = workDir.resolve(service.module());
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(SERVICE_JVM);
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + ports.http(service));
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()));
        command.add("-Dquarkus.datasource.username=" + EmbeddedPostgresServer.USER);
        command.add("-Dquarkus.datasource.password=" + EmbeddedPostgresServer.PASSWORD);
        command.add("-Dkafka.bootstrap.servers=" + kafkaBootstrapServers);
        command.add("-Dedi.folders.outbound=" + ediOutbound());
        command.add("-Dedi.folders.inbound=" + ediInbound());
        command.add("-Dedi.delivery-sweep=1s");
        command.add("-jar");
        command.add(jarOf(root, service).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        services.put(service, builder.start());
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PlatformService> waiting = new ArrayList<>(List.of(PlatformService.values()));
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                PlatformService service = it.next();
                Process process = services.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited (" + process.exitValue() + "):\n"
                            + tail(log(service)));
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create(url(service) + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        it.remove();
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("not ready within " + timeout + ": " + waiting);
                for (PlatformService service : waiting) {
                    message.append("\n--- ").append(service.module()).append(":\n").append(tail(log(service)));
                }
                throw new IllegalStateException(message.toString());
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
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

    @Override
    public synchronized void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<Process> running = new ArrayList<>(services.values());
        running.forEach(Process::destroy);
        running.forEach(PlatformProcesses::awaitExit);
        if (kafka != null) {
            kafka.destroy();
            awaitExit(kafka);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
