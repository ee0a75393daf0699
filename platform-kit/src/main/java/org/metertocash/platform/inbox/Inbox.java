package org.metertocash.platform.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.metertocash.platform.deadletter.DeadLetters;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.events.PoisonRecordException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The idempotent consumer. For each record: the event id is recorded in the inbox in the same transaction as
 * the handler's effect, so a redelivered event has no second effect (it is counted instead). A failing handler
 * is retried; a record that still fails, or cannot be read at all, goes to the dead letters and the partition
 * moves on.
 *
 * <p>Consumers take a whole poll at a time ({@link #consumeBatch}): one transaction and one inbox statement for
 * all its records instead of a transaction, an inbox insert and a commit per event. If anything in that
 * transaction fails, it is rolled back and the poll is consumed again one record at a time ({@link #consume}), so
 * a failing record is isolated, retried and dead-lettered on its own while the others are applied — each exactly
 * once.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "platform.inbox.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "platform.inbox.retry-backoff", defaultValue = "PT0.2S")
    Duration retryBackoff;

    /** Outcome of handling one event. */
    public enum Outcome {
        PROCESSED, DUPLICATE, SKIPPED, DEAD_LETTERED
    }

    /**
     * What became of a batch: how many of its records had each outcome, and whether the batch transaction failed
     * so that its records were consumed one at a time instead.
     */
    public record BatchOutcome(Map<Outcome, Integer> counts, boolean consumedOneByOne) {

        public BatchOutcome {
            counts = Map.copyOf(counts);
        }

        public int count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }
    }

    /** A routed record whose envelope and body could be read: what the batch transaction handles. */
    private record Readable(ConsumerRecord<String, byte[]> record, ConsumedEvent event, EventRoutes.Read<?> read) {
    }

    /**
     * Consumes one record in a transaction of its own; never throws, so the consumer's partition never stalls.
     * Also how a failed batch is consumed again.
     */
    public Outcome consume(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        ConsumedEvent event;
        try {
            event = ConsumedEvent.from(record);
        } catch (PoisonRecordException e) {
            deadLetters.record(record, e.getMessage(), 1);
            count(record.topic(), Outcome.DEAD_LETTERED);
            return Outcome.DEAD_LETTERED;
        }
        if (!routes.handles(event.type())) {
            count(record.topic(), Outcome.SKIPPED);
            return Outcome.SKIPPED;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                Outcome outcome = handleOnce(event, routes);
                count(record.topic(), outcome);
                return outcome;
            } catch (PoisonRecordException e) {
                last = e;
                break;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("Handling %s %s failed (attempt %d of %d): %s", event.type(), event.id(), attempt,
                        maxAttempts, e.toString());
                sleep(retryBackoff.multipliedBy(attempt));
            }
        }
        deadLetters.record(record, reasonOf(last), maxAttempts);
        count(record.topic(), Outcome.DEAD_LETTERED);
        return Outcome.DEAD_LETTERED;
    }

    /** Consumes a poll: see {@link #consumeBatch(List, EventRoutes)}. */
    public BatchOutcome consumeBatch(ConsumerRecords<String, byte[]> records, EventRoutes routes) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return consumeBatch(list, routes);
    }

    /**
     * Consumes the records of one poll (each partition's records in offset order) in one transaction; never
     * throws, so the consumer's partitions never stall.
     * <ol>
     * <li>Every envelope and body is read first: a record that cannot be read goes to the dead letters at once,
     * the others go on; records of types without a route are skipped.</li>
     * <li>One transaction: one statement inserts the inbox rows of all the rest and returns which event ids are
     * new; the others are duplicates (a redelivery, or the same event twice in the poll) and are counted; the new
     * ones are handed to their handlers in the order they were read. A run of consecutive new events whose route
     * has a batch handler ({@link EventRoutes.Builder#on(Class, EventRoutes.Handler, EventRoutes.BatchHandler)})
     * is handed to it in one call. After each handler call the persistence context is flushed and cleared, so the
     * next event sees the database as the previous one left it (as it would have in a transaction of its own) and
     * the context does not grow with the batch.</li>
     * <li>If anything fails — a handler, a constraint at commit — the whole transaction is rolled back and the
     * batch's records are consumed one at a time by {@link #consume} (its retries and dead letters unchanged), so
     * the others are applied once and the failing one is isolated.</li>
     * </ol>
     */
    public BatchOutcome consumeBatch(List<ConsumerRecord<String, byte[]>> records, EventRoutes routes) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<Readable> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            ConsumedEvent event;
            try {
                event = ConsumedEvent.from(record);
            } catch (PoisonRecordException e) {
                deadLetters.record(record, e.getMessage(), 1);
                tally(counts, record.topic(), Outcome.DEAD_LETTERED);
                continue;
            }
            if (!routes.handles(event.type())) {
                tally(counts, record.topic(), Outcome.SKIPPED);
                continue;
            }
            try {
                readable.add(new Readable(record, event, routes.read(event, json)));
            } catch (PoisonRecordException e) {
                deadLetters.record(record, e.getMessage(), 1);
                tally(counts, record.topic(), Outcome.DEAD_LETTERED);
            }
        }
        if (readable.isEmpty()) {
            return new BatchOutcome(counts, false);
        }
        List<Outcome> outcomes;
        long start = System.nanoTime();
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> handleBatch(readable));
        } catch (RuntimeException e) {
            LOG.warnf("A batch of %d %s events failed (%s); consuming its records one at a time", readable.size(),
                    readable.get(0).event().topic(), reasonOf(e));
            for (Readable each : readable) {
                Outcome outcome = consume(each.record(), routes);
                counts.merge(outcome, 1, Integer::sum);
            }
            return new BatchOutcome(counts, true);
        }
        for (int i = 0; i < readable.size(); i++) {
            tally(counts, readable.get(i).event().topic(), outcomes.get(i));
        }
        LOG.debugf("Consumed %d %s events in one transaction in %d ms", Integer.valueOf(readable.size()),
                readable.get(0).event().topic(), Long.valueOf((System.nanoTime() - start) / 1_000_000));
        return new BatchOutcome(counts, false);
    }

    /** Inside the batch transaction: inbox rows first, then the handlers of the new events, in order. */
    private List<Outcome> handleBatch(List<Readable> batch) {
        Set<Key> inserted = insertInboxRows(batch);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Key> duplicates = new ArrayList<>();
        Set<Key> handled = new HashSet<>();
        List<EventRoutes.Read<?>> run = new ArrayList<>();
        for (Readable each : batch) {
            Key key = new Key(each.event().topic(), each.event().id());
            if (!inserted.contains(key) || !handled.add(key)) {
                duplicates.add(key);
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            Object batchKey = each.read().batchKey();
            if (!run.isEmpty() && (batchKey == null || batchKey != run.get(0).batchKey())) {
                handleTogether(run);
            }
            if (batchKey != null) {
                run.add(each.read()); // handled with the next events of its route, in order
            } else {
                each.read().handle();
                flushAndClear();
            }
            outcomes.add(Outcome.PROCESSED);
        }
        if (!run.isEmpty()) {
            handleTogether(run);
        }
        if (!duplicates.isEmpty()) {
            countDuplicates(duplicates);
            LOG.debugf("%d duplicate deliveries ignored in a batch of %d", duplicates.size(), batch.size());
        }
        return outcomes;
    }

    private void handleTogether(List<EventRoutes.Read<?>> run) {
        EventRoutes.Read.handleTogether(List.copyOf(run));
        run.clear();
        flushAndClear();
    }

    /** The next event reads what the last one wrote (native queries included), as it would after a commit. */
    private void flushAndClear() {
        em.flush();
        em.clear();
    }

    private record Key(String consumer, UUID eventId) {
    }

    /** One statement for the whole batch; returns the (consumer, event id) pairs that were not there yet. */
    private Set<Key> insertInboxRows(List<Readable> batch) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int size = batch.size();
            String[] consumers = new String[size];
            UUID[] ids = new UUID[size];
            String[] types = new String[size];
            Integer[] partitions = new Integer[size];
            Long[] offsets = new Long[size];
            for (int i = 0; i < size; i++) {
                ConsumedEvent event = batch.get(i).event();
                consumers[i] = event.topic();
                ids[i] = event.id();
                types[i] = event.type();
                partitions[i] = event.partition();
                offsets[i] = event.offset();
            }
            Set<Key> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (consumer, event_id, event_type, kafka_partition, kafka_offset)
                    select * from unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::integer[], ?::bigint[])
                    on conflict do nothing
                    returning consumer, event_id""")) {
                insert.setArray(1, array(connection, "varchar", consumers));
                insert.setArray(2, array(connection, "uuid", ids));
                insert.setArray(3, array(connection, "varchar", types));
                insert.setArray(4, array(connection, "int4", partitions));
                insert.setArray(5, array(connection, "int8", offsets));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(new Key(rows.getString(1), rows.getObject(2, UUID.class)));
                    }
                }
            }
            return inserted;
        });
    }

    /** Counts redeliveries on their inbox rows (several of one event in a batch count several times). */
    private void countDuplicates(List<Key> duplicates) {
        em.unwrap(Session.class).doWork(connection -> {
            String[] consumers = duplicates.stream().map(Key::consumer).toArray(String[]::new);
            UUID[] ids = duplicates.stream().map(Key::eventId).toArray(UUID[]::new);
            try (PreparedStatement update = connection.prepareStatement("""
                    update inbox_event i set duplicate_deliveries = i.duplicate_deliveries + d.deliveries
                    from (select consumer, event_id, count(*) as deliveries
                          from unnest(?::varchar[], ?::uuid[]) as t(consumer, event_id)
                          group by consumer, event_id) d
                    where i.consumer = d.consumer and i.event_id = d.event_id""")) {
                update.setArray(1, array(connection, "varchar", consumers));
                update.setArray(2, array(connection, "uuid", ids));
                update.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** Handles an event once, in one transaction with its inbox entry. Used by consumption and by replay. */
    public Outcome handleOnce(ConsumedEvent event, EventRoutes routes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("""
                    insert into inbox_event (consumer, event_id, event_type, kafka_partition, kafka_offset)
                    values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, event.topic())
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .setParameter(4, event.partition())
                    .setParameter(5, event.offset())
                    .executeUpdate();
            if (inserted == 0) {
                em.createNativeQuery("""
                        update inbox_event set duplicate_deliveries = duplicate_deliveries + 1
                        where consumer = ?1 and event_id = ?2""")
                        .setParameter(1, event.topic())
                        .setParameter(2, event.id())
                        .executeUpdate();
                LOG.debugf("Duplicate delivery of %s %s ignored", event.type(), event.id());
                return Outcome.DUPLICATE;
            }
            routes.dispatch(event, json);
            return Outcome.PROCESSED;
        });
    }

    private void count(String topic, Outcome outcome) {
        metrics.counter("inbox.events", "topic", topic, "outcome", outcome.name().toLowerCase()).increment();
    }

    private void tally(Map<Outcome, Integer> counts, String topic, Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
        count(topic, outcome);
    }

    private static String reasonOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            reason += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return reason;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
