package org.metertocash.edi.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.files.EdiFiles;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiInterchange;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Writer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends each submitted enrollment to ERCOT: allocates the control numbers, writes the 814, stores the file and the
 * transaction and publishes MarketEnrollmentRequestSent — all in the inbox transaction. The file reaches the
 * outbound folder after commit.
 */
@ApplicationScoped
public class EnrollmentRequestSender implements TopicConsumer {

    static final String ERCOT = "ERCOT";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Inject
    Inbox inbox;

    @Inject
    EdiConfig config;

    @Inject
    ControlNumbers controlNumbers;

    @Inject
    X12Writer writer;

    @Inject
    EdiFiles files;

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
        LocalDateTime now = LocalDateTime.now(clock);
        ControlNumbers.Allocated numbers = controlNumbers.next(ERCOT);
        String reference = now.toLocalDate().format(Enrollment814.CCYYMMDD) + numbers.isa13();
        String set = Enrollment814.transactionSet(event.requestType());
        List<Segment> body = Enrollment814.request(event, reference, LocalDate.now(clock), config.self().duns(),
                config.self().name());
        OutboundInterchange interchange = new OutboundInterchange("01", config.self().duns(), "01",
                config.ercotDuns(), now, numbers.isa13(), config.usageIndicator(),
                List.of(new OutboundInterchange.Group("GE", config.self().duns(), config.ercotDuns(), numbers.gs06(),
                        List.of(new OutboundInterchange.Transaction("814", "0001", body)))));
        byte[] content = writer.write(interchange);
        String fileName = config.outboundFileName().replace("{partner}", ERCOT).replace("{set}", set)
                .replace("{isa13}", numbers.isa13()).replace("{timestamp}", now.format(STAMP));

        EdiFile file = files.queueOutbound(content, fileName, ERCOT);
        EdiInterchange logged = log.interchange(file.id, Direction.OUTBOUND, config.self().duns(), config.ercotDuns(),
                numbers.isa13(), config.usageIndicator(), TransactionStatus.QUEUED, null);
        List<Segment> stored = new java.util.ArrayList<>();
        stored.add(new Segment("ST", List.of("814", "0001"), 1));
        for (int i = 0; i < body.size(); i++) {
            stored.add(new Segment(body.get(i).tag(), body.get(i).elements(), i + 2));
        }
        stored.add(new Segment("SE", List.of(Integer.toString(body.size() + 2), "0001"), body.size() + 2));
        EdiTransaction transaction = log.transaction(logged, numbers.gs06(),
                new TransactionSet("814", "0001", stored, List.of()), org.metertocash.x12.Delimiters.STANDARD, set,
                TransactionStatus.QUEUED);
        transaction.enrollmentId = event.enrollmentId();
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = Cause.of(envelope).correlationId();
        log.details(transaction, Map.of("requestType", event.requestType().name(), "requestedStartDate",
                event.requestedStartDate().toString(), "tdsp", event.tdsp()));
        transaction.producedEventId = outbox.publish(new MarketEnrollmentRequestSent(event.enrollmentId(),
                event.esiId(), set, reference, numbers.isa13(), fileName), Cause.of(envelope));
    }
}
