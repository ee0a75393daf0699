package org.metertocash.billing.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.billing.usage.UsageIntake;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Usage (867) from the wires utility becomes meter reads; TDSP invoices (810) arrive with rating and billing. */
@ApplicationScoped
public class MarketEventsConsumer implements TopicConsumer {

    private EventRoutes routes;

    @Inject
    Inbox inbox;

    @Inject
    UsageIntake usage;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.builder().on(UsageReported.class, usage::record).build();
    }

    @Override
    public String topic() {
        return Topics.EDI;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("edi-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, routes);
    }
}
