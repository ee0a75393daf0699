package org.metertocash.edi.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.controlnumbers.ControlNumbers;
import org.metertocash.edi.outbound.OutboundSender;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.x12.Segment;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends each submitted enrollment to ERCOT: allocates the control numbers, writes the 814, stores the file and the
 * transaction and publishes MarketEnrollmentRequestSent — all in the inbox transaction. The file reaches the
 * outbound folder after commit.
 */
@ApplicationScoped
public class EnrollmentRequestSender implements TopicConsumer {

    static final String ERCOT = "ERCOT";

    @Inject
    Inbox inbox;

    @Inject
    EdiConfig config;

    @Inject
    OutboundSender sender;

    @Inject
    TransactionLog log;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final EventRoutes routes = EventRoutes.builder()
            .on(EnrollmentSubmitted.class, this::send)
            .build();

    @Override
    public String topic() {
        return Topics.ENROLLMENT;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("enrollment-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, routes);
    }

    void send(EnrollmentSubmitted event, ConsumedEvent envelope) {
        if (EdiTransaction.count("enrollmentId = ?1 and direction = ?2", event.enrollmentId(), Direction.OUTBOUND) > 0) {
            return; // already sent (the same enrollment announced under another event id)
        }
        ControlNumbers.Allocated numbers = sender.reserve(ERCOT);
        String reference = sender.reference(numbers);
        String set = Enrollment814.transactionSet(event.requestType());
        List<Segment> body = Enrollment814.request(event, reference, LocalDate.now(clock), config.self().duns(),
                config.self().name());
        OutboundSender.Sent sent = sender.send(
                new OutboundSender.Outgoing(ERCOT, config.ercotDuns(), "GE", "814", set, body), numbers);
        EdiTransaction transaction = sent.transaction();
        transaction.enrollmentId = event.enrollmentId();
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = Cause.of(envelope).correlationId();
        log.details(transaction, Map.of("requestType", event.requestType().name(), "requestedStartDate",
                event.requestedStartDate().toString(), "tdsp", event.tdsp()));
        transaction.producedEventId = outbox.publish(new MarketEnrollmentRequestSent(event.enrollmentId(),
                event.esiId(), set, reference, numbers.isa13(), sent.fileName()), Cause.of(envelope));
    }
}
