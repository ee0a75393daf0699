package org.metertocash.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metertocash.contracts.CloudEvents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox rows to Kafka in sequence order and marks them sent.
 *
 * <p>One relay publishes at a time, whatever the number of replicas: each pass takes a transaction-scoped
 * PostgreSQL advisory lock, so the order of events per key (and per topic partition) is the order they were
 * committed to the outbox. The producer is idempotent with {@code acks=all}. The relay is woken right after a
 * transaction that wrote to the outbox commits and otherwise polls, so rows left by a crashed replica are
 * published too.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every replica of a service (they share the database). */
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    @Inject
    DataSource dataSource;

    @Inject
    OutboxProducer producer;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "platform.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "platform.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "platform.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicReference<Instant> lastPublished = new AtomicReference<>();
    private volatile boolean running;
    private ExecutorService loop;
    private Timer commitToAck;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent startup) {
        commitToAck = Timer.builder("outbox.commit.to.ack")
                .description("Time from the outbox insert to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(metrics);
        published = Counter.builder("outbox.published").register(metrics);
        failures = Counter.builder("outbox.publish.failures").register(metrics);
        if (!enabled) {
            LOG.info("Outbox relay disabled (platform.outbox.enabled=false)");
            return;
        }
        running = true;
        loop = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        loop.submit(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake.release();
        if (loop != null) {
            loop.shutdown();
            try {
                loop.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that wrote to the outbox. */
    public void wake() {
        wake.release();
    }

    public Instant lastPublishedAt() {
        return lastPublished.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int relayed = relayOnce();
                backoff = Duration.ofMillis(200);
                if (relayed < batchSize) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Outbox relay pass failed, retrying in %s ms: %s", backoff.toMillis(), e.toString());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                            : backoff.multipliedBy(2);
                }
            }
        }
    }

    /** One pass: publish up to a batch of unpublished rows. Returns how many were published. */
    int relayOnce() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = nextBatch(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    sends.add(producer.send(toRecord(row)));
                }
                List<Long> sent = new ArrayList<>(rows.size());
                Row failed = null;
                String error = null;
                for (int i = 0; i < rows.size(); i++) {
                    try {
                        sends.get(i).get(30, TimeUnit.SECONDS);
                        sent.add(rows.get(i).seq);
                        commitToAck.record(Duration.between(rows.get(i).createdAt, Instant.now()));
                    } catch (ExecutionException | TimeoutException e) {
                        // Stop at the first failure: later rows wait, so per-key order is kept on the retry.
                        failed = rows.get(i);
                        error = e.getCause() != null ? e.getCause().toString() : e.toString();
                        break;
                    }
                }
                markPublished(connection, sent);
                if (failed != null) {
                    markFailed(connection, failed.seq, error);
                    failures.increment();
                }
                connection.commit();
                published.increment(sent.size());
                if (!sent.isEmpty()) {
                    lastPublished.set(Instant.now());
                }
                if (failed != null) {
                    throw new IllegalStateException("publishing outbox row " + failed.seq + " failed: " + error);
                }
                return sent.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> nextBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, event_id, topic, event_key, event_type, source, subject, occurred_at,
                       correlation_id, causation_id, payload, extra_headers, created_at
                from outbox_event where published_at is null
                order by seq limit ? for update skip locked""")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getBytes(11),
                            rs.getString(12), rs.getTimestamp(13).toInstant()));
                }
            }
        }
        return rows;
    }

    private void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp(), publish_attempts = publish_attempts + 1,"
                        + " last_error = null where seq = any(?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void markFailed(Connection connection, long seq, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set publish_attempts = publish_attempts + 1, last_error = ? where seq = ?")) {
            update.setString(1, error);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        header(headers, CloudEvents.ID, row.eventId.toString());
        header(headers, CloudEvents.SOURCE, row.source);
        header(headers, CloudEvents.TYPE, row.eventType);
        header(headers, CloudEvents.SUBJECT, row.subject);
        header(headers, CloudEvents.TIME, row.occurredAt.toString());
        header(headers, CloudEvents.CORRELATION_ID, row.correlationId == null ? null : row.correlationId.toString());
        header(headers, CloudEvents.CAUSATION_ID, row.causationId == null ? null : row.causationId.toString());
        header(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        if (row.extraHeaders != null) {
            try {
                Map<String, String> extra = json.readValue(row.extraHeaders, new TypeReference<Map<String, String>>() {
                });
                extra.forEach((name, value) -> {
                    headers.remove(name);
                    header(headers, name, value);
                });
            } catch (Exception e) {
                throw new IllegalStateException("unreadable extra headers on outbox row " + row.seq, e);
            }
        }
        return new ProducerRecord<>(row.topic, null, row.eventKey, row.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(long seq, UUID eventId, String topic, String eventKey, String eventType, String source,
            String subject, Instant occurredAt, UUID correlationId, UUID causationId, byte[] payload,
            String extraHeaders, Instant createdAt) {
    }

}
