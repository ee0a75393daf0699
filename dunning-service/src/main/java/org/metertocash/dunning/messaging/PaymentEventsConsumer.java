package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Payments posted clear dunning holds here (routes arrive with collections). */
@ApplicationScoped
public class PaymentEventsConsumer implements TopicConsumer {

    private static final EventRoutes ROUTES = EventRoutes.builder().build();

    @Inject
    Inbox inbox;

    @Override
    public String topic() {
        return Topics.PAYMENT;
    }

    @Override
    public EventRoutes routes() {
        return ROUTES;
    }

    @Incoming("payment-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, ROUTES); // the channel is in batch mode: one transaction per poll
    }
}
