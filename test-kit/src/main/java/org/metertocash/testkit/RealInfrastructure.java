package org.metertocash.testkit;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real PostgreSQL (one database per service, named by the {@code database} argument)
 * and a real Kafka broker, both started once per test JVM on free loopback ports and stopped when it exits.
 *
 * <pre>{@code @QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "billing"))}</pre>
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static KafkaBroker kafka;

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startShared();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }

    /** The broker of this test JVM, for probes and producers in tests. */
    public static synchronized String kafkaBootstrapServers() {
        startShared();
        return kafka.bootstrapServers();
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        startShared();
        return postgres;
    }

    private static synchronized void startShared() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgresServer.start(0, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
        kafka = KafkaBroker.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }, "test-infrastructure-shutdown"));
    }
}
