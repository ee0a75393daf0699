package org.metertocash.billing.ledger;

import java.util.UUID;

import org.metertocash.platform.events.ConsumedEvent;

/**
 * Who or what made a posting: the actor (a user, or {@code system}), the source (an event type, a REST operation,
 * a billing job) and the id of the thing within it (event id, Idempotency-Key, bill id), and the business flow's
 * correlation id. Stored on the posting itself: the ledger is its own audit trail.
 */
public record Origin(String actor, String source, String sourceId, UUID correlationId) {

    public static final String SYSTEM = "system";

    /** Billing's own work (a bill run, a fee rule). */
    public static Origin system(String source, String sourceId) {
        return new Origin(SYSTEM, source, sourceId, null);
    }

    /** A consumed event: its type and id, its correlation. */
    public static Origin of(ConsumedEvent event) {
        return new Origin(SYSTEM, event.type(), event.id().toString(),
                event.correlationId() != null ? event.correlationId() : event.id());
    }

    /** A person acting through the API. */
    public static Origin user(String actor, String source, String sourceId) {
        return new Origin(actor, source, sourceId, null);
    }
}
