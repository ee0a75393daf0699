package org.metertocash.edi.serviceorder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.controlnumbers.ControlNumbers;
import org.metertocash.edi.outbound.OutboundSender;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Withdraws a disconnect order when collections asks ({@code DisconnectCancelRequested}: the customer cured the
 * arrears, 16 TAC §25.483). What happens depends on where the order is, found by the original request id:
 * <ul>
 * <li>sent and not yet answered: a 650_01 cancel quoting the order (BGN*01, BGN06 = the order's BGN02) goes to the
 * same wires utility through {@link OutboundSender}, and the order is CANCEL_SENT;</li>
 * <li>not received yet (the cancel overtook it): the cancel is recorded, and the order is never sent when it comes
 * ({@link #withholds});</li>
 * <li>already completed: nothing can be undone by EDI, the premise is off. An {@value #TOO_LATE} work item says so;
 * collections orders the reconnect when it sees the completion (§25.483(n));</li>
 * <li>already rejected by the utility: nothing to cancel, recorded.</li>
 * </ul>
 * Nothing is published: the cancel is logged as an outbound 650_01 with its details. An order is cancelled once
 * however many deliveries or cancel requests name it. A cancel that cannot be acted on (no ids, a premise other than
 * the order's, a reconnect named) is held as a {@link ServiceOrderSender#NOT_SENT} work item.
 */
@ApplicationScoped
public class ServiceOrderCancels {

    /** A cancel that came after the wires utility completed the disconnect. */
    public static final String TOO_LATE = "EDI_SERVICE_ORDER_CANCEL_TOO_LATE";

    private static final Logger LOG = Logger.getLogger(ServiceOrderCancels.class);

    @Inject
    EdiConfig config;

    @Inject
    OutboundSender sender;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(DisconnectCancelRequested request, ConsumedEvent envelope) {
        List<String> problems = new ArrayList<>();
        if (request.requestId() == null) {
            problems.add("requestId is missing");
        }
        if (request.originalRequestId() == null) {
            problems.add("originalRequestId is missing: the cancel names no order");
        }
        if (!problems.isEmpty()) {
            notSent(request, envelope, problems);
            return;
        }
        if (ServiceOrderCancel.byOriginalRequest(request.originalRequestId()).isPresent()
                || ServiceOrderCancel.byRequest(request.requestId()).isPresent()) {
            LOG.debugf("Cancel of order %s already handled", request.originalRequestId());
            return; // the same cancel again, or another cancel of an order already withdrawn: one 650 at most
        }
        Optional<ServiceOrder> found = ServiceOrder.byRequest(request.originalRequestId());
        if (found.isEmpty()) {
            record(request, envelope, ServiceOrderCancel.Outcome.BEFORE_ORDER, null);
            return;
        }
        ServiceOrder order = found.get();
        if (order.orderType != ServiceOrderType.DISCONNECT) {
            notSent(request, envelope, List.of("order " + order.bgnReference + " is a " + order.orderType
                    + ": only disconnect orders are cancelled"));
            return;
        }
        if (request.esiId() != null && !request.esiId().equals(order.esiId)) {
            notSent(request, envelope, List.of("esiId " + request.esiId() + " is not the premise of order "
                    + order.bgnReference + " (" + order.esiId + ")"));
            return;
        }
        switch (order.status) {
            case SENT -> send(request, envelope, order);
            case COMPLETED -> tooLate(request, envelope, order);
            case REJECTED -> record(request, envelope, ServiceOrderCancel.Outcome.NOT_NEEDED, order);
            case CANCEL_SENT -> LOG.debugf("Order %s already cancelled", order.bgnReference);
        }
    }

    /**
     * Whether a disconnect order must not be sent because collections withdrew it before it reached us; notes the
     * withheld order on the cancel.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withholds(UUID requestId, ConsumedEvent envelope) {
        Optional<ServiceOrderCancel> cancel = ServiceOrderCancel.byOriginalRequest(requestId);
        if (cancel.isEmpty()) {
            return false;
        }
        ServiceOrderCancel withdrawn = cancel.get();
        if (withdrawn.withheldEventId == null) {
            withdrawn.withheldEventId = envelope.id();
            withdrawn.withheldAt = clock.instant();
            withdrawn.updatedAt = withdrawn.withheldAt;
        }
        LOG.infof("Disconnect request %s for %s not sent: collections cancelled it (cancel %s) before it arrived",
                requestId, withdrawn.esiId, withdrawn.requestId);
        return true;
    }

    private void send(DisconnectCancelRequested request, ConsumedEvent envelope, ServiceOrder order) {
        ControlNumbers.Allocated numbers = sender.reserve(order.partner);
        String reference = sender.reference(numbers);
        ServiceOrder650.Cancel cancel = new ServiceOrder650.Cancel(order.bgnReference, order.purposeCode,
                order.esiId, order.accountNumber, order.tdspDuns, order.partner);
        OutboundSender.Sent sent = sender.send(new OutboundSender.Outgoing(order.partner, order.tdspDuns,
                ServiceOrder650.FUNCTIONAL_ID, ServiceOrder650.SET_ID, ServiceOrder650.ORDER,
                ServiceOrder650.cancel(cancel, reference, LocalDate.now(clock), config.self().duns(),
                        config.self().name())),
                numbers);
        Cause cause = Cause.of(envelope);
        EdiTransaction transaction = sent.transaction();
        transaction.consumedEventId = envelope.id();
        transaction.correlationId = cause.correlationId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", "CANCEL");
        details.put("requestId", request.requestId().toString());
        details.put("originalRequestId", request.originalRequestId().toString());
        details.put("orderType", order.orderType.name());
        details.put("purposeCode", order.purposeCode);
        details.put("cancels", order.bgnReference);
        details.put("tdspDuns", order.tdspDuns);
        log.details(transaction, details);

        ServiceOrderCancel withdrawn = record(request, envelope, ServiceOrderCancel.Outcome.SENT, order);
        withdrawn.bgnReference = reference;
        withdrawn.outboundTransactionId = transaction.id;
        order.status = ServiceOrderStatus.CANCEL_SENT;
        order.updatedAt = withdrawn.createdAt;
    }

    private void tooLate(DisconnectCancelRequested request, ConsumedEvent envelope, ServiceOrder order) {
        record(request, envelope, ServiceOrderCancel.Outcome.TOO_LATE, order);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cancelRequestId", request.requestId().toString());
        details.put("requestId", order.requestId.toString());
        details.put("orderReference", order.bgnReference);
        details.put("completedOn", String.valueOf(order.completedOn));
        details.put("tdspDuns", order.tdspDuns);
        details.put("accountNumber", String.valueOf(order.accountNumber));
        workQueue.raise(TOO_LATE, order.esiId, order.bgnReference, "Disconnect order " + order.bgnReference + " for "
                + order.esiId + " was completed on " + order.completedOn + " before collections cancelled it: the "
                + "premise is off; no cancel was sent, the reconnect is ordered as soon as the cause is cured "
                + "(16 TAC §25.483(n))", details);
    }

    private ServiceOrderCancel record(DisconnectCancelRequested request, ConsumedEvent envelope,
            ServiceOrderCancel.Outcome outcome, ServiceOrder order) {
        ServiceOrderCancel cancel = new ServiceOrderCancel();
        cancel.id = UUID.randomUUID();
        cancel.requestId = request.requestId();
        cancel.originalRequestId = request.originalRequestId();
        cancel.esiId = order != null ? order.esiId : request.esiId();
        cancel.tdspDuns = order != null ? order.tdspDuns : request.tdspDuns();
        cancel.accountNumber = request.accountNumber();
        cancel.requestedDate = request.requestedDate();
        cancel.outcome = outcome;
        cancel.serviceOrderId = order == null ? null : order.id;
        cancel.consumedEventId = envelope.id();
        cancel.correlationId = Cause.of(envelope).correlationId();
        cancel.createdAt = clock.instant();
        cancel.updatedAt = cancel.createdAt;
        cancel.persist();
        return cancel;
    }

    private void notSent(DisconnectCancelRequested request, ConsumedEvent envelope, List<String> problems) {
        String reference = request.requestId() != null ? request.requestId().toString() : envelope.id().toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", envelope.id().toString());
        details.put("eventType", envelope.type());
        details.put("requestId", String.valueOf(request.requestId()));
        details.put("originalRequestId", String.valueOf(request.originalRequestId()));
        details.put("esiId", String.valueOf(request.esiId()));
        details.put("tdspDuns", String.valueOf(request.tdspDuns()));
        details.put("accountNumber", String.valueOf(request.accountNumber()));
        details.put("problems", problems);
        workQueue.raise(ServiceOrderSender.NOT_SENT, request.esiId(), reference,
                "cancel request " + reference + " was not sent to the TDSP: " + String.join("; ", problems),
                details);
    }
}
