package org.metertocash.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.metertocash.contracts.CloudEvents;

import com.fasterxml.jackson.databind.JsonNode;

/** A record read back from a topic by a {@link TopicProbe}. */
public record ReceivedEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
        byte[] value) {

    public String type() {
        return headers.get(CloudEvents.TYPE);
    }

    public String id() {
        return headers.get(CloudEvents.ID);
    }

    public String subject() {
        return headers.get(CloudEvents.SUBJECT);
    }

    public String correlationId() {
        return headers.get(CloudEvents.CORRELATION_ID);
    }

    public String causationId() {
        return headers.get(CloudEvents.CAUSATION_ID);
    }

    public String body() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return TestJson.MAPPER.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body(), e);
        }
    }

    public <T> T as(Class<T> type) {
        try {
            return TestJson.MAPPER.readValue(value, type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + body() + " as " + type.getSimpleName(), e);
        }
    }
}
