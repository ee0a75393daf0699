package org.metertocash.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * One platform for the whole suite: PostgreSQL, Kafka and the five packaged services as separate processes on free
 * ports, started before the first test class that uses this extension and stopped when the test run ends (it
 * lives in JUnit's root store, which closes it). A platform that failed to start is not tried again by every
 * class: they all report the same failure.
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningPlatform.class);

    /** The started platform, or why it is not there; closed by JUnit at the end of the run. */
    private record Started(PlatformProcesses platform, RuntimeException failure) implements AutoCloseable {

        PlatformProcesses get() {
            if (failure != null) {
                throw failure;
            }
            return platform;
        }

        @Override
        public void close() {
            if (platform != null) {
                platform.close();
                System.out.println("Platform stopped; processes that had to be killed: " + platform.leftOver());
            }
        }
    }

    private static volatile Started started;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> start(), Started.class);
        started.get();
    }

    private static Started start() {
        try {
            Path work = Path.of(System.getProperty("platform.work", "target/platform"));
            PlatformProcesses platform = PlatformProcesses.start(PlatformProcesses.repositoryRoot(), work,
                    PlatformPorts.free(), Duration.ofMinutes(3));
            System.out.printf("Platform ready in %d ms (logs in %s)%n", platform.readyAfter().toMillis(),
                    platform.logs());
            return new Started(platform, null);
        } catch (Exception e) {
            return new Started(null, new IllegalStateException("the platform did not start", e));
        }
    }

    /** The running platform (for a class extended with {@code @ExtendWith(RunningPlatform.class)}). */
    static PlatformProcesses get() {
        if (started == null) {
            throw new IllegalStateException("extend the test class with @ExtendWith(RunningPlatform.class)");
        }
        return started.get();
    }

    /** A request to one service, as a given user. */
    static RequestSpecification as(PlatformService service, RequestSpecification user) {
        return user.baseUri(get().url(service));
    }
}
