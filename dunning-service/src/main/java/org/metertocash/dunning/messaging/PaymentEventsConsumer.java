package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.dunning.collections.Collections;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Payments posted clear dunning holds; payments returned put the account back where the rules say. */
@ApplicationScoped
public class PaymentEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Collections collections;

    private volatile EventRoutes routes;

    @Override
    public String topic() {
        return Topics.PAYMENT;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(PaymentPosted.class, collections::paymentPosted, collections::paymentsPosted) // runs in bulk
                    .on(PaymentReturned.class, collections::paymentReturned)
                    .build();
        }
        return routes;
    }

    @Incoming("payment-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes()); // the channel is in batch mode: one transaction per poll
    }
}
