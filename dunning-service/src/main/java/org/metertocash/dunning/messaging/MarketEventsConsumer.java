package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.dunning.collections.Collections;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** The wires utility's answers to our 650_01 service orders (sent, completed, rejected), via edi-gateway. */
@ApplicationScoped
public class MarketEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Collections collections;

    private volatile EventRoutes routes;

    @Override
    public String topic() {
        return Topics.EDI;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(ServiceOrderSent.class, collections::serviceOrderSent)
                    .on(ServiceOrderCompleted.class, collections::serviceOrderCompleted)
                    .on(ServiceOrderRejected.class, collections::serviceOrderRejected)
                    .build();
        }
        return routes;
    }

    @Incoming("edi-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes()); // the channel is in batch mode: one transaction per poll
    }
}
