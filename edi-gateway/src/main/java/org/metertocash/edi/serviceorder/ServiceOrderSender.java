package org.metertocash.edi.serviceorder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.controlnumbers.ControlNumbers;
import org.metertocash.edi.outbound.OutboundSender;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends dunning's disconnect and reconnect requests to the premise's wires utility as 650_01 service orders: the
 * control numbers for that utility, the file, the logged transaction, the {@link ServiceOrder} (SENT) and
 * ServiceOrderSent, all in the inbox transaction; the file reaches the outbound folder after commit. A request is
 * sent once, whatever the number of deliveries or event ids it arrives under. A request that cannot become a valid
 * 650 is not sent: it is held as an {@value #NOT_SENT} work item with its content and the reason. Collections'
 * cancels of disconnect orders ({@code DisconnectCancelRequested}) are handled by {@link ServiceOrderCancels}: a
 * disconnect cancelled before it arrived here is never sent.
 */
@ApplicationScoped
public class ServiceOrderSender implements TopicConsumer {

    public static final String NOT_SENT = "EDI_SERVICE_ORDER_NOT_SENT";

    @Inject
    Inbox inbox;

    @Inject
    EdiConfig config;

    @Inject
    OutboundSender sender;

    @Inject
    TdspPartners partners;

    @Inject
    TransactionLog log;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    ServiceOrderCancels cancels;

    @Inject
    Clock clock;

    private final EventRoutes routes = EventRoutes.builder()
            .on(DisconnectRequested.class, (event, envelope) -> send(new Request(event.requestId(), event.esiId(),
                    event.tdspDuns(), event.accountNumber(), event.requestedDate(), ServiceOrderType.DISCONNECT),
                    envelope))
            .on(ReconnectRequested.class, (event, envelope) -> send(new Request(event.requestId(), event.esiId(),
                    event.tdspDuns(), event.accountNumber(), event.requestedDate(), ServiceOrderType.RECONNECT),
                    envelope))
            .on(DisconnectCancelRequested.class, (event, envelope) -> cancels.cancel(event, envelope))
            .build();

    /** A disconnect or reconnect request, whichever event carried it. */
    record Request(UUID requestId, String esiId, String tdspDuns, String accountNumber, LocalDate requestedDate,
            ServiceOrderType type) {
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

    void send(Request request, ConsumedEvent envelope) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            notSent(request, envelope, problems);
            return;
        }
        if (ServiceOrder.byRequest(request.requestId()).isPresent()) {
            return; // already sent (the same request announced again under another event id)
        }
        if (request.type() == ServiceOrderType.DISCONNECT && cancels.withholds(request.requestId(), envelope)) {
            return; // collections cancelled it before it reached us: never sent
        }
        String partner = partners.partnerFor(request.tdspDuns());
        ControlNumbers.Allocated numbers = sender.reserve(partner);
        String reference = sender.reference(numbers);
        ServiceOrder650.Order order = new ServiceOrder650.Order(request.type(), request.esiId(),
                request.accountNumber(), request.requestedDate(), request.tdspDuns(), partner);
        OutboundSender.Sent sent = sender.send(new OutboundSender.Outgoing(partner, request.tdspDuns(),
                ServiceOrder650.FUNCTIONAL_ID, ServiceOrder650.SET_ID, ServiceOrder650.ORDER,
                ServiceOrder650.order(order, reference, LocalDate.now(clock), config.self().duns(),
                        config.self().name())),
                numbers);
        Cause cause = Cause.of(envelope);
        EdiTransaction transaction = sent.transaction();
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = cause.correlationId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", request.requestId().toString());
        details.put("orderType", request.type().name());
        details.put("purposeCode", request.type().purposeCode());
        details.put("requestedDate", request.requestedDate().toString());
        details.put("tdspDuns", request.tdspDuns());
        log.details(transaction, details);

        ServiceOrder serviceOrder = new ServiceOrder();
        serviceOrder.id = UUID.randomUUID();
        serviceOrder.requestId = request.requestId();
        serviceOrder.esiId = request.esiId();
        serviceOrder.orderType = request.type();
        serviceOrder.purposeCode = request.type().purposeCode();
        serviceOrder.tdspDuns = request.tdspDuns();
        serviceOrder.partner = partner;
        serviceOrder.accountNumber = blankToNull(request.accountNumber());
        serviceOrder.requestedDate = request.requestedDate();
        serviceOrder.bgnReference = reference;
        serviceOrder.outboundTransactionId = transaction.id;
        serviceOrder.status = ServiceOrderStatus.SENT;
        serviceOrder.correlationId = cause.correlationId();
        serviceOrder.createdAt = clock.instant();
        serviceOrder.updatedAt = serviceOrder.createdAt;
        serviceOrder.persist();

        transaction.producedEventId = outbox.publish(new ServiceOrderSent(request.requestId(), request.esiId(),
                request.type().name(), reference, transaction.id), cause);
    }

    /** Why the request cannot be a valid 650_01, if it cannot. */
    static List<String> problems(Request request) {
        List<String> problems = new ArrayList<>();
        if (request.requestId() == null) {
            problems.add("requestId is missing");
        }
        // ESI ID: "10" + TDSP code + premise number, 17 digits (Oncor, AEP, TNMP) or 22 (CenterPoint)
        if (request.esiId() == null || !request.esiId().matches("10\\d{15}|10\\d{20}")) {
            problems.add("esiId " + request.esiId() + " is not 17 or 22 digits starting with 10");
        }
        // N1*8S04 and ISA08: a DUNS number (9 digits) or DUNS+4 (13)
        if (request.tdspDuns() == null || !request.tdspDuns().matches("\\d{9}|\\d{13}")) {
            problems.add("tdspDuns " + request.tdspDuns() + " is not a DUNS (9 digits) or DUNS+4 (13 digits)");
        }
        if (request.requestedDate() == null) {
            problems.add("requestedDate is missing");
        }
        // REF*11 carries at most 30 characters and none of the delimiters
        if (request.accountNumber() != null && (request.accountNumber().length() > 30
                || request.accountNumber().matches(".*[~*>^|].*"))) {
            problems.add("accountNumber does not fit REF02 (at most 30 characters, no ~ * > ^ |)");
        }
        return problems;
    }

    private void notSent(Request request, ConsumedEvent envelope, List<String> problems) {
        String reference = request.requestId() != null ? request.requestId().toString() : envelope.id().toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", envelope.id().toString());
        details.put("eventType", envelope.type());
        details.put("orderType", request.type().name());
        details.put("requestId", String.valueOf(request.requestId()));
        details.put("esiId", String.valueOf(request.esiId()));
        details.put("tdspDuns", String.valueOf(request.tdspDuns()));
        details.put("accountNumber", String.valueOf(request.accountNumber()));
        details.put("requestedDate", String.valueOf(request.requestedDate()));
        details.put("problems", problems);
        workQueue.raise(NOT_SENT, request.esiId(), reference,
                request.type().name().toLowerCase() + " request " + reference + " was not sent to the TDSP: "
                        + String.join("; ", problems),
                details);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
