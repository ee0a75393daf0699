package org.metertocash.enrollment.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** The market's answers to our enrollment requests, as relayed by the EDI gateway on {@code edi.events}. */
@ApplicationScoped
public class MarketResponseConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    EnrollmentLifecycle lifecycle;

    private EventRoutes routes;

    @Override
    public String topic() {
        return Topics.EDI;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(MarketEnrollmentRequestSent.class, lifecycle::sent)
                    .on(MarketEnrollmentAccepted.class, lifecycle::accepted)
                    .on(MarketEnrollmentRejected.class, lifecycle::rejected)
                    .build();
        }
        return routes;
    }

    @Incoming("edi-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, routes());
    }
}
