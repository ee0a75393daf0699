package org.metertocash.dunning.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.dunning.collections.Collections;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Accepted enrollments: the customer notices go to and the county moratoriums are decided for. */
@ApplicationScoped
public class EnrollmentEventsConsumer implements TopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Collections collections;

    private volatile EventRoutes routes;

    @Override
    public String topic() {
        return Topics.ENROLLMENT;
    }

    @Override
    public EventRoutes routes() {
        if (routes == null) {
            routes = EventRoutes.builder().on(EnrollmentAccepted.class, collections::enrollmentAccepted).build();
        }
        return routes;
    }

    @Incoming("enrollment-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes()); // the channel is in batch mode: one transaction per poll
    }
}
