package org.metertocash.billing.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.billing.collections.LateFees;
import org.metertocash.billing.collections.PrepayConversions;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * What collections asks of billing: late fees assessed are charged to the ledger once per fee; pre-pay customers
 * designated critical care or chronic condition are moved to post-pay (16 TAC §25.498).
 */
@ApplicationScoped
public class DunningEventsConsumer implements TopicConsumer {

    private EventRoutes routes;

    @Inject
    Inbox inbox;

    @Inject
    LateFees lateFees;

    @Inject
    PrepayConversions conversions;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.builder()
                .on(LateFeeAssessed.class, lateFees::assessed)
                .on(PrepayConversionRequested.class, conversions::requested)
                .build();
    }

    @Override
    public String topic() {
        return Topics.DUNNING;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("dunning-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes); // the channel is in batch mode: one transaction per poll
    }
}
