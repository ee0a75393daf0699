package org.metertocash.billing.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.billing.ledger.PaymentApplications;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Payments posted are applied to the receivables ledger; payments returned are reversed on it. */
@ApplicationScoped
public class PaymentEventsConsumer implements TopicConsumer {

    private EventRoutes routes;

    @Inject
    Inbox inbox;

    @Inject
    PaymentApplications payments;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.builder()
                .on(PaymentPosted.class, payments::posted, payments::postedAll) // a run of payments in bulk
                .on(PaymentReturned.class, payments::returned)
                .build();
    }

    @Override
    public String topic() {
        return Topics.PAYMENT;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("payment-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes); // the channel is in batch mode: one transaction per poll
    }
}
