package org.metertocash.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * {@code ./mvnw -Prun -DskipTests package}: starts the platform on its fixed local ports with its data under
 * {@code <root>/.local/}, runs the demonstration, prints where everything is, and keeps running until Ctrl-C,
 * which stops every process it started.
 */
public final class LocalPlatform {

    /** The X12 library reports its schema housekeeping on java.util.logging; held so the level sticks. */
    private static final Logger X12_LIBRARY = Logger.getLogger("io.xlate");

    public static void main(String[] args) throws Exception {
        X12_LIBRARY.setLevel(Level.WARNING);
        stopWithParent();

        Path root = PlatformProcesses.repositoryRoot();
        Path work = root.resolve(".local");
        say("Starting PostgreSQL (%d), Kafka (%d) and the five services (%d-%d); logs in %s",
                PlatformPorts.LOCAL_POSTGRES, PlatformPorts.LOCAL_KAFKA, PlatformService.ENROLLMENT.localPort(),
                PlatformService.EDI_GATEWAY.localPort(), work.resolve("logs"));
        PlatformProcesses platform;
        try {
            platform = PlatformProcesses.start(root, work, PlatformPorts.local(), Duration.ofMinutes(5));
        } catch (IllegalStateException e) {
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka and PostgreSQL...");
            platform.close();
            System.out.println(platform.leftOver().isEmpty() ? "Stopped: nothing is left running."
                    : "Stopped; had to kill " + platform.leftOver().size() + " process(es) that did not stop in time.");
            stopped.countDown();
        }, "local-platform-shutdown"));
        say("All five services ready in %.1f s%n", platform.readyAfter().toMillis() / 1000.0);

        try {
            new Demonstration(platform).run();
        } catch (Exception e) {
            say("%nThe demonstration stopped: %s%nThe platform is still running; the logs are in %s", e.getMessage(),
                    platform.logs());
        }
        printWhereEverythingIs(platform);
        stopped.await();
    }

    private static void printWhereEverythingIs(PlatformProcesses platform) {
        say("%nThe platform is running.");
        say("  users                %s/%s (upstream systems), %s/%s (operations), %s/%s (admin)",
                Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD, Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD,
                Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        for (PlatformService service : PlatformService.values()) {
            String url = platform.url(service);
            say("  %-20s %s/q/swagger-ui   %s/status   %s/exceptions", service.module(), url, url, url);
        }
        say("  Kafka                %s", platform.kafkaBootstrapServers());
        say("  PostgreSQL           jdbc:postgresql://127.0.0.1:%d/{enrollment,billing,payment,dunning,edi} (postgres/postgres)",
                platform.postgresPort());
        say("  EDI outbound folder  %s", platform.ediOutbound());
        say("  EDI inbound folder   %s  (market files dropped here are picked up)", platform.ediInbound());
        say("  payment files in     %s  (CSV, BAI2, NACHA returns dropped here are posted)", platform.paymentsInbound());
        say("  payment files out    %s  (NACHA PPD auto-draft debits)", platform.paymentsOutbound());
        say("  notices out          %s  (each day's print batch: PDFs and manifest.csv)", platform.noticesOutbound());
        say("  logs                 %s", platform.logs());
        say("Try:  curl -u %s:%s %s/status", Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD,
                platform.url(PlatformService.BILLING));
        say("Press Ctrl-C to stop everything.");
    }

    /**
     * When Maven (or whatever started this JVM) goes away without passing the signal on — it runs this JVM
     * synchronously and does not destroy it on its own shutdown — the platform must not stay behind.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("\nThe process that started the platform is gone.");
            System.exit(0);
        }));
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private LocalPlatform() {
    }
}
