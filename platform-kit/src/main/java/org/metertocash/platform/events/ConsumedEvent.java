package org.metertocash.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.metertocash.contracts.CloudEvents;

/**
 * An event read from a topic: its CloudEvents envelope, where it was read, and the raw JSON body. The body is
 * read into an event record by {@link org.metertocash.platform.inbox.EventRoutes}.
 */
public record ConsumedEvent(
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        UUID correlationId,
        UUID causationId,
        String topic,
        int partition,
        long offset,
        String key,
        byte[] payload,
        Map<String, String> headers) {

    /** Reads the envelope of a record; a record without a usable envelope is a poison record. */
    public static ConsumedEvent from(ConsumerRecord<String, byte[]> record) {
        return from(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                headersOf(record));
    }

    public static ConsumedEvent from(String topic, int partition, long offset, String key, byte[] payload,
            Map<String, String> headers) {
        String id = headers.get(CloudEvents.ID);
        String type = headers.get(CloudEvents.TYPE);
        if (id == null || id.isBlank()) {
            throw new PoisonRecordException("missing " + CloudEvents.ID + " header");
        }
        if (type == null || type.isBlank()) {
            throw new PoisonRecordException("missing " + CloudEvents.TYPE + " header");
        }
        if (payload == null || payload.length == 0) {
            throw new PoisonRecordException("empty body");
        }
        return new ConsumedEvent(uuid(CloudEvents.ID, id), type, headers.get(CloudEvents.SOURCE),
                headers.get(CloudEvents.SUBJECT), instant(headers.get(CloudEvents.TIME)),
                optionalUuid(CloudEvents.CORRELATION_ID, headers.get(CloudEvents.CORRELATION_ID)),
                optionalUuid(CloudEvents.CAUSATION_ID, headers.get(CloudEvents.CAUSATION_ID)),
                topic, partition, offset, key, payload, headers);
    }

    public static Map<String, String> headersOf(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(name + " is not a UUID: " + value);
        }
    }

    private static UUID optionalUuid(String name, String value) {
        return value == null || value.isBlank() ? null : uuid(name, value);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException(CloudEvents.TIME + " is not an RFC 3339 timestamp: " + value);
        }
    }
}
