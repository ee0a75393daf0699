package org.metertocash.edi.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentCancelled;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.contracts.enrollment.MoveOutRequested;
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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Inject
    ObjectMapper json;

    private final EventRoutes routes = EventRoutes.builder()
            .on(EnrollmentSubmitted.class, this::send)
            .on(EnrollmentCancelled.class, this::cancel)
            .on(MoveOutRequested.class, this::moveOut)
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
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes); // the channel is in batch mode: one transaction per poll
    }

    void send(EnrollmentSubmitted event, ConsumedEvent envelope) {
        if (request(event.enrollmentId()).isPresent()) {
            return; // already sent (the same enrollment announced under another event id)
        }
        // a corrected resubmission quotes the rejected request (REF*TN)
        String replaces = event.previousEnrollmentId() == null ? null
                : request(event.previousEnrollmentId()).map(previous -> previous.bgnReference).orElse(null);
        ControlNumbers.Allocated numbers = sender.reserve(ERCOT);
        String reference = sender.reference(numbers);
        String set = Enrollment814.transactionSet(event.requestType());
        List<Segment> body = Enrollment814.request(event, reference, LocalDate.now(clock), config.self().duns(),
                config.self().name(), replaces);
        OutboundSender.Sent sent = sender.send(
                new OutboundSender.Outgoing(ERCOT, config.ercotDuns(), "GE", "814", set, body), numbers);
        EdiTransaction transaction = sent.transaction();
        transaction.enrollmentId = event.enrollmentId();
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = Cause.of(envelope).correlationId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestType", event.requestType().name());
        details.put("requestedStartDate", event.requestedStartDate().toString());
        details.put("tdsp", event.tdsp());
        details.put("tdspDuns", event.tdspDuns());
        if (replaces != null) {
            details.put("replacesReference", replaces);
        }
        log.details(transaction, details);
        transaction.producedEventId = outbox.publish(new MarketEnrollmentRequestSent(event.enrollmentId(),
                event.esiId(), set, reference, numbers.isa13(), sent.fileName()), Cause.of(envelope));
    }

    /**
     * An enrollment cancelled after its request reached the market: an 814_08 quoting the request. Nothing is sent
     * when the market never had it, or when the cancel was already sent.
     */
    void cancel(EnrollmentCancelled event, ConsumedEvent envelope) {
        Optional<EdiTransaction> request = request(event.enrollmentId());
        if (!event.marketNotified() || request.isEmpty() || sentFor(event.enrollmentId(), "814_08")) {
            return;
        }
        EdiTransaction ours = request.get();
        Map<String, Object> original = detailsOf(ours);
        ControlNumbers.Allocated numbers = sender.reserve(ERCOT);
        String reference = sender.reference(numbers);
        String lineKind = "814_16".equals(ours.transactionSet) ? Enrollment814.lineKind(RequestType.MOVE_IN)
                : Enrollment814.lineKind(RequestType.SWITCH);
        List<Segment> body = Enrollment814.cancel(reference, ours.bgnReference, LocalDate.now(clock), event.esiId(),
                String.valueOf(original.getOrDefault("tdsp", "TDSP")), tdspDuns(ours, original), config.self().duns(),
                config.self().name(), lineKind);
        EdiTransaction transaction = sender.send(
                new OutboundSender.Outgoing(ERCOT, config.ercotDuns(), "GE", "814", "814_08", body), numbers)
                .transaction();
        link(transaction, event.enrollmentId(), envelope);
        log.details(transaction, Map.of("cancels", ours.bgnReference, "reason", event.reason()));
        transaction.producedEventId = outbox.publish(new MarketCancelSent(event.enrollmentId(), event.esiId(),
                reference, ours.bgnReference, transaction.id), Cause.of(envelope));
    }

    /** A move-out: an 814_24 ending our service on the date asked for. Sent once per enrollment. */
    void moveOut(MoveOutRequested event, ConsumedEvent envelope) {
        if (sentFor(event.enrollmentId(), "814_24")) {
            return;
        }
        ControlNumbers.Allocated numbers = sender.reserve(ERCOT);
        String reference = sender.reference(numbers);
        List<Segment> body = Enrollment814.moveOut(reference, LocalDate.now(clock), event.esiId(), event.tdspDuns(),
                event.moveOutDate(), config.self().duns(), config.self().name());
        EdiTransaction transaction = sender.send(
                new OutboundSender.Outgoing(ERCOT, config.ercotDuns(), "GE", "814", "814_24", body), numbers)
                .transaction();
        link(transaction, event.enrollmentId(), envelope);
        log.details(transaction, Map.of("moveOutDate", event.moveOutDate().toString()));
        transaction.producedEventId = outbox.publish(new MoveOutRequestSent(event.enrollmentId(), event.esiId(),
                reference, transaction.id), Cause.of(envelope));
    }

    private Map<String, Object> detailsOf(EdiTransaction transaction) {
        if (transaction.details == null) {
            return Map.of();
        }
        try {
            return json.readValue(transaction.details, new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static Optional<EdiTransaction> request(java.util.UUID enrollmentId) {
        return EdiTransaction.<EdiTransaction> find(
                "enrollmentId = ?1 and direction = ?2 and transactionSet in ('814_01', '814_16')", enrollmentId,
                Direction.OUTBOUND).firstResultOptional();
    }

    private static boolean sentFor(java.util.UUID enrollmentId, String transactionSet) {
        return EdiTransaction.count("enrollmentId = ?1 and direction = ?2 and transactionSet = ?3", enrollmentId,
                Direction.OUTBOUND, transactionSet) > 0;
    }

    private static String tdspDuns(EdiTransaction request, Map<String, Object> details) {
        Object duns = details.get("tdspDuns");
        if (duns != null) {
            return duns.toString();
        }
        // requests sent before the DUNS was kept in the details: it is in their N1*8S
        for (String segment : request.rawSegments.split("~")) {
            String[] elements = segment.strip().split("\\*");
            if (elements.length > 4 && elements[0].equals("N1") && elements[1].equals("8S")) {
                return elements[4];
            }
        }
        return "";
    }

    private static void link(EdiTransaction transaction, java.util.UUID enrollmentId, ConsumedEvent envelope) {
        transaction.enrollmentId = enrollmentId;
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = Cause.of(envelope).correlationId();
    }
}
