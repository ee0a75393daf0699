package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.dunning.collections.Collections;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Billing's accounts (and later bills, balances and prepay warnings) drive collections. */
@ApplicationScoped
public class BillingEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Collections collections;

    private EventRoutes routes;

    @Override
    public String topic() {
        return Topics.BILLING;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder().on(BillingAccountOpened.class, collections::accountOpened).build();
        }
        return routes;
    }

    @Incoming("billing-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes()); // the channel is in batch mode: one transaction per poll
    }
}
