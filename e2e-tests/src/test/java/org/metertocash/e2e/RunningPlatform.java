package org.metertocash.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.metertocash.testkit.platform.PlatformPorts;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * One platform for the whole suite: PostgreSQL, Kafka and the five packaged services, started on free ports the
 * first time a test asks for it and stopped when the test JVM exits.
 */
final class RunningPlatform {

    private static PlatformProcesses platform;

    static synchronized PlatformProcesses get() {
        if (platform == null) {
            try {
                Path work = Path.of(System.getProperty("platform.work", "target/platform"));
                platform = PlatformProcesses.start(PlatformProcesses.repositoryRoot(), work, PlatformPorts.free(),
                        Duration.ofMinutes(3));
                System.out.printf("Platform ready in %d ms%n", platform.readyAfter().toMillis());
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start", e);
            }
        }
        return platform;
    }

    /** A request to one service, as a given user. */
    static RequestSpecification as(PlatformService service, RequestSpecification user) {
        return user.baseUri(get().url(service));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private RunningPlatform() {
    }
}
