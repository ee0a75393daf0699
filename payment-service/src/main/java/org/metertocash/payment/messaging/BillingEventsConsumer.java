package org.metertocash.payment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.payment.accounts.PayableAccounts;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Billing's accounts (and later its bills due and auto-draft triggers). */
@ApplicationScoped
public class BillingEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PayableAccounts accounts;

    private EventRoutes routes;

    @Override
    public String topic() {
        return Topics.BILLING;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder().on(BillingAccountOpened.class, accounts::opened).build();
        }
        return routes;
    }

    @Incoming("billing-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, routes());
    }
}
