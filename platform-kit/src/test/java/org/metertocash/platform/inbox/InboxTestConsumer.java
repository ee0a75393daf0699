package org.metertocash.platform.inbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * A consumer of a test topic for the inbox tests, with effects that can be counted: every applied event leaves a
 * row in {@code kit_inbox_effect} (so an event applied twice shows twice). It is a {@link TopicConsumer} bean, so
 * its dead letters can be replayed like a service's.
 */
@ApplicationScoped
public class InboxTestConsumer implements TopicConsumer {

    static final String TOPIC = "kit.inbox.test";
    static final String WORK_ITEM_TYPE = "KIT_INBOX_TEST";

    /** What the handler does with an event. */
    enum Action {
        /** leaves an effect row */
        APPLY,
        /** raises (or counts one more occurrence of) the work item of the event's reference */
        RAISE,
        /** records the occurrences of that work item as the database shows them now (a native query) */
        OBSERVE
    }

    /** The test event: an action on a reference. */
    @EventType(value = "kit.inbox-test.v1", topic = TOPIC)
    public record TestEvent(String subject, Action action, String reference) implements DomainEvent {
    }

    /** References whose events the handler refuses, as a handler with a bug or a missing dependency would. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Inject
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    private final EventRoutes routes = EventRoutes.builder().on(TestEvent.class, this::handle).build();

    /** From now on the events of this reference fail. */
    public void refuse(String reference) {
        refused.add(reference);
    }

    /** The cause is fixed: the events of this reference are handled again. */
    public void accept(String reference) {
        refused.remove(reference);
    }

    public void acceptAll() {
        refused.clear();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    private void handle(TestEvent event, ConsumedEvent envelope) {
        if (refused.contains(event.reference())) {
            throw new IllegalStateException("reference " + event.reference() + " is refused");
        }
        Long observed = null;
        switch (event.action()) {
            case APPLY -> {
            }
            case RAISE -> workQueue.raise(WORK_ITEM_TYPE, null, event.reference(), "raised by the inbox test",
                    Map.of());
            case OBSERVE -> observed = ((Number) em.createNativeQuery("""
                    select coalesce(sum(occurrences), 0) from work_item where type = ?1 and reference = ?2""")
                    .setParameter(1, WORK_ITEM_TYPE).setParameter(2, event.reference()).getSingleResult())
                    .longValue();
        }
        em.createNativeQuery("""
                insert into kit_inbox_effect (event_id, reference, kafka_partition, kafka_offset, observed)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, envelope.id()).setParameter(2, event.reference())
                .setParameter(3, envelope.partition()).setParameter(4, envelope.offset())
                .setParameter(5, observed == null ? -1L : observed)
                .executeUpdate();
    }
}
