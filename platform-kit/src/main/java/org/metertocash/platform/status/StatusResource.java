package org.metertocash.platform.status;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.inbox.TopicConsumer;
import org.metertocash.platform.security.Roles;
import org.metertocash.platform.workqueue.WorkQueue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /status}: what operations check first. Each part is measured independently, so a database or
 * broker outage shows as unreachable instead of failing the whole report.
 */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class StatusResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusReport(String service, String version, Instant startedAt, Duration uptime, Instant businessTime,
            Reachability database, BrokerProbe.BrokerState broker, OutboxState outbox, List<BrokerProbe.TopicLag> consumers,
            String consumerLagError, InboxState inbox, long openDeadLetters,
            Map<String, Map<String, Long>> entities, Map<String, Long> openExceptions,
            Instant lastEventProducedAt, Instant lastEventConsumedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reachability(boolean reachable, Long latencyMillis, String error) {
    }

    public record OutboxState(long backlog, Duration oldestAge, long published) {
    }

    public record InboxState(long processed, long duplicatesIgnored) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    BrokerProbe broker;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Inject
    Instance<StatusContributor> contributors;

    @Inject
    Instance<TopicConsumer> consumers;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @ConfigProperty(name = "kafka.group.id")
    String group;

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Version, uptime, database and broker reachability, outbox backlog, consumer lag, dead letters, counts by state, open exceptions")
    public StatusReport status() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        Instant startedAt = Instant.ofEpochMilli(runtime.getStartTime());
        Duration uptime = Duration.ofMillis(runtime.getUptime());

        Reachability database;
        OutboxState outbox = null;
        InboxState inbox = null;
        long deadLetters = 0;
        Instant lastProduced = null;
        Instant lastConsumed = null;
        Map<String, Long> exceptions = null;
        Map<String, Map<String, Long>> entities = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("select 1");
            database = new Reachability(true, (System.nanoTime() - start) / 1_000_000, null);
            try (ResultSet rs = sql.executeQuery("""
                    select count(*) filter (where published_at is null),
                           min(created_at) filter (where published_at is null),
                           count(*) filter (where published_at is not null),
                           max(published_at), clock_timestamp()
                    from outbox_event""")) {
                rs.next();
                Instant oldest = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                Instant now = rs.getTimestamp(5).toInstant();
                outbox = new OutboxState(rs.getLong(1), oldest == null ? null : Duration.between(oldest, now),
                        rs.getLong(3));
                lastProduced = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
            }
            try (ResultSet rs = sql.executeQuery(
                    "select count(*), coalesce(sum(duplicate_deliveries), 0), max(processed_at) from inbox_event")) {
                rs.next();
                inbox = new InboxState(rs.getLong(1), rs.getLong(2));
                lastConsumed = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
            }
            try (ResultSet rs = sql.executeQuery("select count(*) from dead_letter where status = 'OPEN'")) {
                rs.next();
                deadLetters = rs.getLong(1);
            }
            exceptions = workQueue.openCountsByType();
            for (StatusContributor contributor : contributors) {
                entities.putAll(contributor.entityCountsByState());
            }
        } catch (Exception e) {
            database = new Reachability(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        BrokerProbe.BrokerState brokerState = broker.state();
        List<BrokerProbe.TopicLag> lags = null;
        String lagError = null;
        List<String> topics = consumers.stream().map(TopicConsumer::topic).distinct().sorted().toList();
        if (brokerState.reachable()) {
            try {
                lags = broker.lag(group, topics);
            } catch (Exception e) {
                lagError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return new StatusReport(service, version, startedAt, uptime, clock.instant(), database, brokerState, outbox,
                lags, lagError, inbox, deadLetters, entities, exceptions, lastProduced, lastConsumed);
    }
}
