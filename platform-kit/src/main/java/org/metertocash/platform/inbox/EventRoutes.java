package org.metertocash.platform.inbox;

import java.io.IOException;
import java.util.LinkedHashMap;
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
 */
public final class EventRoutes {

    @FunctionalInterface
    public interface Handler<E extends DomainEvent> {
        void handle(E event, ConsumedEvent envelope);
    }

    private record Route<E extends DomainEvent>(Class<E> type, Handler<E> handler) {
        void dispatch(ConsumedEvent envelope, ObjectMapper json) {
            read(envelope, json).run();
        }

        Runnable read(ConsumedEvent envelope, ObjectMapper json) {
            E event;
            try {
                event = json.readValue(envelope.payload(), type);
            } catch (IOException e) {
                throw new PoisonRecordException("body is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
                        e);
            }
            return () -> handler.handle(event, envelope);
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
     * Reads the body of a routed event ahead of handling it, as a batch does before its transaction starts: the
     * returned action runs the handler. A body that cannot be read is a {@link PoisonRecordException}.
     */
    Runnable read(ConsumedEvent envelope, ObjectMapper json) {
        Route<?> route = routes.get(envelope.type());
        if (route == null) {
            throw new IllegalArgumentException("no route for " + envelope.type());
        }
        return route.read(envelope, json);
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        public <E extends DomainEvent> Builder on(Class<E> type, Handler<E> handler) {
            routes.put(EventCatalog.typeOf(type), new Route<>(type, handler));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
