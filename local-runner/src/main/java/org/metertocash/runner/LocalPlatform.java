package org.metertocash.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/** Starts the platform locally, runs the demonstration, prints where everything is, and waits for Ctrl-C. */
public final class LocalPlatform {

    /** Held so the level sticks: StAEDI reports unused schema types at INFO while loading a schema. */
    private static final java.util.logging.Logger STAEDI = java.util.logging.Logger.getLogger("io.xlate");

    public static void main(String[] args) throws Exception {
        STAEDI.setLevel(java.util.logging.Level.WARNING);
        Path root = PlatformProcesses.repositoryRoot();
        Path work = root.resolve(".local");
        say("Starting PostgreSQL (%d), Kafka (%d) and the five services (8081-8085); logs in %s",
                PlatformPorts.LOCAL_POSTGRES, PlatformPorts.LOCAL_KAFKA, work.resolve("logs"));
        PlatformProcesses platform = PlatformProcesses.start(root, work, PlatformPorts.local(), Duration.ofMinutes(5));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            platform.close();
            System.out.println("Stopped: nothing is left running.");
            stopped.countDown();
        }, "local-platform-shutdown"));
        say("All five services ready in %.1f s%n", platform.readyAfter().toMillis() / 1000.0);

        try {
            new Demonstration(platform).run();
        } catch (Exception e) {
            say("%nThe demonstration stopped: %s%nThe platform is still running; see the logs.", e.getMessage());
        }

        say("%nThe platform is running. Users: %s/%s (upstream), %s/%s (operations), %s/%s (admin)",
                Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD, Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD,
                Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        for (PlatformService service : PlatformService.values()) {
            say("  %-19s %s   swagger %s/q/swagger-ui   status %s/status", service.module(),
                    platform.url(service), platform.url(service), platform.url(service));
        }
        say("  Kafka               %s", platform.kafkaBootstrapServers());
        say("  PostgreSQL          jdbc:postgresql://127.0.0.1:%d/<enrollment|billing|payment|dunning|edi> (postgres/postgres)",
                platform.postgresPort());
        say("  EDI outbound        %s", platform.ediOutbound());
        say("  Logs                %s", platform.logs());
        say("Try: curl -u ops:ops-secret %s/status", platform.url(PlatformService.ENROLLMENT));
        say("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private LocalPlatform() {
    }
}
