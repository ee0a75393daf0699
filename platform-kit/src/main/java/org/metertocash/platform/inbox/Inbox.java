package org.metertocash.platform.inbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    /** Consumes one record; never throws, so the consumer's partition never stalls. */
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
