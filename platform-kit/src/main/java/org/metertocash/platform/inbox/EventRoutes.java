package org.metertocash.platform.inbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.events.PoisonRecordException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a consumer does with each event type it cares about. Types without a route are skipped (a topic carries
 * more than any one consumer needs).
 * <p>
 * A route may also say how to handle several events of its type together ({@link Builder#on(Class, Handler,
 * BatchHandler)}): when a poll is consumed as a batch, each run of consecutive new events of that type is handed
 * over at once, so that the handler can read and write for all of them with a few statements instead of a few per
 * event. The single-event handler stays the reference: it is what a record consumed on its own (a failed batch
 * consumed again record by record, a replayed dead letter) goes through, and the batch handler must have exactly
 * its effect, as if the run's events had been handled one after another in order.
 */
public final class EventRoutes {

    @FunctionalInterface
    public interface Handler<E extends DomainEvent> {
        void handle(E event, ConsumedEvent envelope);
    }

    /**
     * Handles a run of consecutive events of one type, in the order they were read, with the same effect as its
     * route's {@link Handler} called for each of them in turn.
     */
    @FunctionalInterface
    public interface BatchHandler<E extends DomainEvent> {
        void handle(List<Delivery<E>> deliveries);
    }

    /** One event of a run handed to a {@link BatchHandler}: the event read and its envelope. */
    public record Delivery<E extends DomainEvent>(E event, ConsumedEvent envelope) {
    }

    private record Route<E extends DomainEvent>(Class<E> type, Handler<E> handler, BatchHandler<E> together) {
        void dispatch(ConsumedEvent envelope, ObjectMapper json) {
            read(envelope, json).handle();
        }

        Read<E> read(ConsumedEvent envelope, ObjectMapper json) {
            E event;
            try {
                event = json.readValue(envelope.payload(), type);
            } catch (IOException e) {
                throw new PoisonRecordException("body is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
                        e);
            }
            return new Read<>(this, new Delivery<>(event, envelope));
        }
    }

    /**
     * An event read ahead of handling it, as a batch reads its poll before its transaction starts: {@link #handle}
     * runs its route's handler; events whose {@link #batchKey} is not null and equal may be handed over together
     * with {@link #handleTogether}.
     */
    static final class Read<E extends DomainEvent> {
        private final Route<E> route;
        private final Delivery<E> delivery;

        private Read(Route<E> route, Delivery<E> delivery) {
            this.route = route;
            this.delivery = delivery;
        }

        void handle() {
            route.handler().handle(delivery.event(), delivery.envelope());
        }

        /** The route, when it takes several events at once; null otherwise. */
        Object batchKey() {
            return route.together() == null ? null : route;
        }

        /** Hands the reads, all of this one's route, to the route's batch handler in one call. */
        @SuppressWarnings("unchecked")
        static void handleTogether(List<Read<?>> reads) {
            if (reads.size() == 1) {
                reads.get(0).handle();
                return;
            }
            Route<DomainEvent> route = (Route<DomainEvent>) reads.get(0).route;
            List<Delivery<DomainEvent>> deliveries = reads.stream().map(r -> {
                if (r.route != route) {
                    throw new IllegalArgumentException("events of different routes cannot be handled together");
                }
                return (Delivery<DomainEvent>) r.delivery;
            }).toList();
            route.together().handle(deliveries);
        }
    }

    private final Map<String, Route<?>> routes;

    private EventRoutes(Map<String, Route<?>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean handles(String type) {
        return routes.containsKey(type);
    }

    public Set<String> types() {
        return routes.keySet();
    }

    void dispatch(ConsumedEvent envelope, ObjectMapper json) {
        Route<?> route = routes.get(envelope.type());
        if (route != null) {
            route.dispatch(envelope, json);
        }
    }

    /**
     * Reads the body of a routed event ahead of handling it, as a batch does before its transaction starts. A body
     * that cannot be read is a {@link PoisonRecordException}.
     */
    Read<?> read(ConsumedEvent envelope, ObjectMapper json) {
        Route<?> route = routes.get(envelope.type());
        if (route == null) {
            throw new IllegalArgumentException("no route for " + envelope.type());
        }
        return route.read(envelope, json);
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        public <E extends DomainEvent> Builder on(Class<E> type, Handler<E> handler) {
            routes.put(EventCatalog.typeOf(type), new Route<>(type, handler, null));
            return this;
        }

        /**
         * A route whose consecutive events in a batch are handled together by {@code together}; one event on its
         * own (and every event of a failed batch consumed again) goes through {@code handler}. Both must have the
         * same effect: see {@link BatchHandler}.
         */
        public <E extends DomainEvent> Builder on(Class<E> type, Handler<E> handler, BatchHandler<E> together) {
            if (together == null) {
                throw new IllegalArgumentException("a batch handler is required; use on(type, handler) without one");
            }
            routes.put(EventCatalog.typeOf(type), new Route<>(type, handler, together));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
