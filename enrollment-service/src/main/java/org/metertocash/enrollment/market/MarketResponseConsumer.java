package org.metertocash.enrollment.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.enrollment.premise.SwitchHolds;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * What the EDI gateway relays from the market on {@code edi.events} that concerns enrollments: answers to our
 * requests, service start and end, and switch holds on premises. Other types on the topic are skipped.
 */
@ApplicationScoped
public class MarketResponseConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    EnrollmentResponses responses;

    @Inject
    ServiceEndings endings;

    @Inject
    SwitchHolds switchHolds;

    private EventRoutes routes;

    @Override
    public String topic() {
        return Topics.EDI;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder()
                    .on(MarketEnrollmentRequestSent.class, responses::sent)
                    .on(MarketEnrollmentAccepted.class, responses::accepted)
                    .on(MarketEnrollmentRejected.class, responses::rejected)
                    .on(TransactionRejected.class, responses::transactionRejected)
                    .on(MarketEnrollmentCompleted.class, responses::completed)
                    .on(MarketCancelSent.class, responses::cancelSent)
                    .on(LossNoticeReceived.class, endings::lossNotice)
                    .on(MoveOutRequestSent.class, endings::moveOutSent)
                    .on(MoveOutCompleted.class, endings::moveOutCompleted)
                    .on(MoveOutRejected.class, endings::moveOutRejected)
                    .on(SwitchHoldAdded.class, switchHolds::added)
                    .on(SwitchHoldRemoved.class, switchHolds::removed)
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
