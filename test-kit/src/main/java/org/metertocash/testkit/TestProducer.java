package org.metertocash.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventCatalog;

/**
 * Publishes records the way the services do (CloudEvents headers, JSON body, keyed by subject), plus the
 * malformed records a consumer must survive. For tests that feed a consumer directly.
 */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** Publishes an event with a new id; returns the id. */
    public UUID publish(DomainEvent event) {
        return publish(event, UUID.randomUUID());
    }

    /**
     * Publishes many events without waiting for each acknowledgement (for loading a benchmark), then waits until
     * every one is acknowledged.
     */
    public void publishAll(Iterable<? extends DomainEvent> events) {
        List<Future<?>> sent = new ArrayList<>();
        for (DomainEvent event : events) {
            sent.add(producer.send(record(event, UUID.randomUUID())));
        }
        producer.flush();
        for (Future<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish", e);
            }
        }
    }

    /** Publishes an event with the given id: publishing twice with one id is a redelivery. */
    public UUID publish(DomainEvent event, UUID eventId) {
        ProducerRecord<String, byte[]> record = record(event, eventId);
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
        return eventId;
    }

    private static ProducerRecord<String, byte[]> record(DomainEvent event, UUID eventId) {
        byte[] body;
        try {
            body = TestJson.MAPPER.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        Map<String, String> headers = Map.of(
                CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0,
                CloudEvents.ID, eventId.toString(),
                CloudEvents.SOURCE, "test",
                CloudEvents.TYPE, EventCatalog.typeOf(event.getClass()),
                CloudEvents.SUBJECT, event.subject(),
                CloudEvents.TIME, Instant.now().toString(),
                CloudEvents.CORRELATION_ID, UUID.randomUUID().toString(),
                CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(EventCatalog.topicOf(event.getClass()), null, event.subject(), body,
                recordHeaders);
    }

    /** Publishes any record: for poison messages (no envelope, a body that is not JSON...). */
    public void send(String topic, String key, byte[] body, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(topic, null, key, body, recordHeaders)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
