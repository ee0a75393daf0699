package org.metertocash.payment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.payment.accounts.PayableAccounts;
import org.metertocash.payment.autopay.AutopayBills;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Billing's accounts, and its bills posted and cancelled (auto-draft debits are scheduled and cancelled by them). */
@ApplicationScoped
public class BillingEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PayableAccounts accounts;

    @Inject
    AutopayBills autopay;

    private EventRoutes routes;

    @Override
    public String topic() {
        return Topics.BILLING;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(BillingAccountOpened.class, accounts::opened)
                    .on(BillPosted.class, autopay::posted)
                    .on(BillCancelled.class, autopay::cancelled)
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
