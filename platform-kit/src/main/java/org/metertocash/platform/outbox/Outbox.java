package org.metertocash.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
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
import org.hibernate.Session;
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
     * Records many domain events at once, in the caller's transaction, exactly as {@link #publish} would one after
     * another — same rows, sequence numbers taken in the order of the list, at the moment of the call — but with one
     * statement for all of them instead of a sequence round trip and an insert each (what a payment file's chunk of
     * hundreds of payments needs). Returns the event ids in the order of the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<? extends DomainEvent> events, Cause cause) {
        int n = events.size();
        if (n == 0) {
            return List.of();
        }
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] occurredAt = new String[n];
        UUID[] correlationIds = new UUID[n];
        UUID[] causationIds = new UUID[n];
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            DomainEvent event = events.get(i);
            Class<? extends DomainEvent> type = event.getClass();
            try {
                payloads[i] = json.writeValueAsBytes(event);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise " + type.getName(), e);
            }
            keys[i] = event.subject();
            types[i] = EventCatalog.typeOf(type);
            if (keys[i] == null || keys[i].isBlank()) {
                throw new IllegalArgumentException("an event needs a key (ESI ID or account number): " + types[i]);
            }
            topics[i] = EventCatalog.topicOf(type);
            ids[i] = UUID.randomUUID();
            occurredAt[i] = clock.instant().toString();
            Cause effective = cause == null ? Cause.newFlow() : cause;
            correlationIds[i] = effective.correlationId() != null ? effective.correlationId() : ids[i];
            causationIds[i] = effective.causationId();
        }
        // the sequence's default is taken row by row in the order the arrays are read: the order of the list
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at,
                        correlation_id, causation_id, payload)
                    select event_id, topic, event_key, event_type, ?, event_key, occurred_at::timestamptz,
                        correlation_id, causation_id, payload
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::uuid[], ?::uuid[],
                        ?::bytea[])
                      as t(event_id, topic, event_key, event_type, occurred_at, correlation_id, causation_id, payload)""")) {
                insert.setString(1, source);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("varchar", topics));
                insert.setArray(4, connection.createArrayOf("varchar", keys));
                insert.setArray(5, connection.createArrayOf("varchar", types));
                insert.setArray(6, connection.createArrayOf("text", occurredAt));
                insert.setArray(7, connection.createArrayOf("uuid", correlationIds));
                insert.setArray(8, connection.createArrayOf("uuid", causationIds));
                insert.setArray(9, connection.createArrayOf("bytea", payloads));
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return List.of(ids);
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
