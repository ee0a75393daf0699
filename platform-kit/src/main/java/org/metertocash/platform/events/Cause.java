package org.metertocash.platform.events;

import java.util.UUID;

/**
 * Where an event comes from: the correlation id shared by the whole business flow and the id of the event or
 * request that caused it.
 */
public record Cause(UUID correlationId, UUID causationId) {

    /** The first event of a flow (for example one started by a REST call): a fresh correlation id. */
    public static Cause newFlow() {
        return new Cause(UUID.randomUUID(), null);
    }

    /** Continues a flow started elsewhere, e.g. with a caller's {@code X-Correlation-Id}. */
    public static Cause correlatedWith(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            return newFlow();
        }
        try {
            return new Cause(UUID.fromString(correlationId.trim()), null);
        } catch (IllegalArgumentException notUuid) {
            return new Cause(UUID.nameUUIDFromBytes(correlationId.trim().getBytes()), null);
        }
    }

    /** An event caused by a consumed event: same correlation, caused by that event. */
    public static Cause of(ConsumedEvent event) {
        UUID correlation = event.correlationId() != null ? event.correlationId() : event.id();
        return new Cause(correlation, event.id());
    }
}
