package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.dunning.collections.Collections;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Billing's accounts, bills, cancellations and pre-pay balances drive collections. */
@ApplicationScoped
public class BillingEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Collections collections;

    private volatile EventRoutes routes;

    @Override
    public String topic() {
        return Topics.BILLING;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(BillingAccountOpened.class, collections::accountOpened)
                    .on(BillPosted.class, collections::billPosted)
                    .on(BillCancelled.class, collections::billCancelled)
                    .on(PrepayDailyBalance.class, collections::prepayDailyBalance)
                    .on(PrepayBalanceLow.class, collections::prepayBalanceLow)
                    .on(PrepayBalanceBelowDisconnection.class, collections::prepayBelowDisconnection)
                    .on(PrepayReconnectEligible.class, collections::prepayReconnectEligible)
                    .build();
        }
        return routes;
    }

    @Incoming("billing-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes()); // the channel is in batch mode: one transaction per poll
    }
}
