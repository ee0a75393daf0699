package org.metertocash.platform.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.platform.events.Cause;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes events to the outbox in the caller's transaction: the event exists if and only if the state change
 * committed. Nothing here talks to Kafka; {@link OutboxRelay} publishes after commit and is woken by it.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Records a domain event; its topic and type come from its {@code @EventType}, its key from its subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event, Cause cause) {
        Class<? extends DomainEvent> type = event.getClass();
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + type.getName(), e);
        }
        return write(EventCatalog.topicOf(type), event.subject(), EventCatalog.typeOf(type), event.subject(),
                payload, null, cause);
    }

    /**
     * Records a record that is not a domain event of ours (a dead letter copied to its topic, say), with
     * extra headers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishRaw(String topic, String key, String type, byte[] payload, Map<String, String> extraHeaders,
            Cause cause) {
        String headers;
        try {
            headers = extraHeaders == null || extraHeaders.isEmpty() ? null : json.writeValueAsString(extraHeaders);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return write(topic, key, type, key, payload, headers, cause);
    }

    private UUID write(String topic, String key, String type, String subject, byte[] payload, String extraHeaders,
            Cause cause) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an event needs a key (ESI ID or account number): " + type);
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = topic;
        row.eventKey = key;
        row.eventType = type;
        row.source = source;
        row.subject = subject;
        row.occurredAt = clock.instant();
        Cause effective = cause == null ? Cause.newFlow() : cause;
        row.correlationId = effective.correlationId() != null ? effective.correlationId() : row.eventId;
        row.causationId = effective.causationId();
        row.payload = payload;
        row.extraHeaders = extraHeaders;
        em.persist(row);
        wakeRelayAfterCommit();
        return row.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
