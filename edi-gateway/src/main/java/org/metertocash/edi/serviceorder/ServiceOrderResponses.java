package org.metertocash.edi.serviceorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.edi.enrollment.MarketResponses;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * The wires utilities' answers to our service orders (650_02), matched to our 650_01 by BGN06 (our BGN02): DTM*198
 * completes the order on that date (ServiceOrderCompleted); REF*7G rejects it and REF*G7 reports it completed
 * unexecutable, both ServiceOrderRejected with the reason and an {@value #REJECTED} work item. Our 650_01 is marked
 * ANSWERED by the 650_02, so timeliness monitoring sees the response. An answer that matches no order of ours, or
 * that cannot be applied to the one it names, is FAILED with a work item; nothing is published for it.
 * <p>
 * Cancels ({@link ServiceOrderCancels}): a 650_02 answering an order we cancelled (CANCEL_SENT) is logged against it
 * and publishes nothing, since collections withdrew the order; if it says the disconnect was done all the same, an
 * {@value ServiceOrderCancels#TOO_LATE} work item asks for the reconnect. A 650_02 quoting our cancel's BGN02
 * answers the cancel: a confirmation closes the order's wait for an answer too, a refusal raises an
 * {@value #REJECTED} work item (the disconnect may still be carried out).
 */
@ApplicationScoped
public class ServiceOrderResponses implements InboundHandler {

    public static final String REJECTED = "EDI_SERVICE_ORDER_REJECTED";

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Override
    public String transactionSet() {
        return ServiceOrder650.SET_ID;
    }

    /** What the utility says it did with the order. */
    private sealed interface Outcome permits Completed, Refused {
    }

    private record Completed(LocalDate on) implements Outcome {
    }

    private record Refused(String code, String text, boolean unexecutable) implements Outcome {
    }

    /** Applies a syntactically valid inbound 650; leaves it PROCESSED or FAILED (with a work item). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        Segment bgn = set.first("BGN").orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", bgn.element(1));
        set.ref(ServiceOrder650.PURPOSE).ifPresent(code -> details.put("purposeCode", code));
        log.details(inbound, details);
        if (!ServiceOrder650.RESPONSE_PURPOSE.equals(bgn.element(1))) {
            fail(inbound, "BGN01 " + bgn.element(1)
                    + " is not a response (11): only 650_02 answers to our service orders are expected");
            return;
        }
        inbound.transactionSet = ServiceOrder650.RESPONSE;
        Optional<ServiceOrderCancel> cancel = inbound.originalReference == null ? Optional.empty()
                : ServiceOrderCancel.byReference(inbound.originalReference);
        if (cancel.isPresent()) {
            answerToCancel(inbound, set, details, cancel.get());
            return;
        }
        Optional<ServiceOrder> matched = inbound.originalReference == null ? Optional.empty()
                : ServiceOrder.byReference(inbound.originalReference);
        if (matched.isEmpty()) {
            log.fail(inbound, TransactionStatus.FAILED, "UNMATCHED",
                    "no 650_01 of ours with BGN02 " + inbound.originalReference);
            workQueue.raise(MarketResponses.UNMATCHED, inbound.esiId, inbound.id.toString(),
                    "650_02 " + inbound.bgnReference + " (BGN06 " + inbound.originalReference
                            + ") matches no service order we sent",
                    Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
            return;
        }
        ServiceOrder order = matched.get();
        if (!order.esiId.equals(inbound.esiId)) {
            fail(inbound, "REF*Q5 " + inbound.esiId + " is not the premise of service order " + order.bgnReference
                    + " (" + order.esiId + ")");
            return;
        }
        if (order.status == ServiceOrderStatus.CANCEL_SENT && order.responseTransactionId == null) {
            answerToCancelledOrder(inbound, set, details, order);
            return;
        }
        if (order.status != ServiceOrderStatus.SENT) {
            fail(inbound, "service order " + order.bgnReference + " was already answered (" + order.status
                    + " by transaction " + order.responseTransactionId + ")");
            return;
        }
        Optional<Outcome> outcome = readOutcome(set);
        if (outcome.isEmpty()) {
            fail(inbound, "a 650_02 needs the completion date (DTM*198) or the reason the order was not done "
                    + "(REF*7G rejected, REF*G7 completed unexecutable)");
            return;
        }

        EdiTransaction ours = EdiTransaction.findById(order.outboundTransactionId);
        Cause cause = new Cause(ours.correlationId, ours.producedEventId);
        if (outcome.get() instanceof Completed completed) {
            order.status = ServiceOrderStatus.COMPLETED;
            order.completedOn = completed.on();
            details.put("completedOn", completed.on().toString());
            inbound.producedEventId = outbox.publish(new ServiceOrderCompleted(order.requestId, order.esiId,
                    order.orderType.name(), order.bgnReference, completed.on(), inbound.id), cause);
        } else if (outcome.get() instanceof Refused refused) {
            order.status = ServiceOrderStatus.REJECTED;
            order.rejectCode = refused.code();
            order.rejectText = refused.text();
            details.put(refused.unexecutable() ? "unexecutableCode" : "reasonCode", refused.code());
            if (refused.text() != null) {
                details.put("reasonText", refused.text());
            }
            inbound.producedEventId = outbox.publish(new ServiceOrderRejected(order.requestId, order.esiId,
                    order.orderType.name(), order.bgnReference, refused.code(), refused.text(), inbound.id), cause);
            raiseRejected(order, refused, inbound);
        }
        log.details(inbound, details);
        order.responseTransactionId = inbound.id;
        order.updatedAt = clock.instant();
        inbound.correlationId = ours.correlationId;
        inbound.status = TransactionStatus.PROCESSED;
        inbound.updatedAt = order.updatedAt;
        ours.status = TransactionStatus.ANSWERED;
        ours.answeredBy = inbound.id;
        ours.updatedAt = order.updatedAt;
    }

    /**
     * An answer to an order collections withdrew after it went out, logged against the order. A rejection publishes
     * nothing (collections no longer wants the disconnect). A completion means the premise was disconnected although
     * the customer had cured the arrears: ServiceOrderCompleted is published as for any completion, so collections
     * orders the reconnect as quickly as possible (16 TAC §25.483(n)), and operations get an
     * {@value ServiceOrderCancels#TOO_LATE} work item to watch it.
     */
    private void answerToCancelledOrder(EdiTransaction inbound, TransactionSet set, Map<String, Object> details,
            ServiceOrder order) {
        Optional<Outcome> outcome = readOutcome(set);
        if (outcome.isEmpty()) {
            fail(inbound, "a 650_02 needs the completion date (DTM*198) or the reason the order was not done "
                    + "(REF*7G rejected, REF*G7 completed unexecutable)");
            return;
        }
        Optional<ServiceOrderCancel> cancel = ServiceOrderCancel.<ServiceOrderCancel> find("serviceOrderId", order.id)
                .firstResultOptional();
        details.put("answersCancelledOrder", order.bgnReference);
        cancel.ifPresent(c -> details.put("cancelledBy", String.valueOf(c.bgnReference)));
        if (outcome.get() instanceof Completed completed) {
            order.completedOn = completed.on();
            details.put("completedOn", completed.on().toString());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requestId", order.requestId.toString());
            item.put("orderReference", order.bgnReference);
            item.put("cancelReference", cancel.map(c -> String.valueOf(c.bgnReference)).orElse(""));
            item.put("completedOn", completed.on().toString());
            item.put("tdspDuns", order.tdspDuns);
            item.put("accountNumber", String.valueOf(order.accountNumber));
            item.put("transactionId", inbound.id.toString());
            // the premise is off whatever we asked: collections hears it as it hears any completion, and orders
            // the reconnect itself when the arrears are cured; operations watch it through the work item
            EdiTransaction ours = EdiTransaction.findById(order.outboundTransactionId);
            inbound.producedEventId = outbox.publish(new ServiceOrderCompleted(order.requestId, order.esiId,
                    order.orderType.name(), order.bgnReference, completed.on(), inbound.id),
                    new Cause(ours.correlationId, ours.producedEventId));
            workQueue.raise(ServiceOrderCancels.TOO_LATE, order.esiId, order.bgnReference, "Disconnect order "
                    + order.bgnReference + " for " + order.esiId + " was completed on " + completed.on()
                    + " although collections had cancelled it: the premise is off; collections was told and orders "
                    + "the reconnect at once (16 TAC §25.483(n)) — check it goes out", item);
        } else if (outcome.get() instanceof Refused refused) {
            order.rejectCode = refused.code();
            order.rejectText = refused.text();
            details.put(refused.unexecutable() ? "unexecutableCode" : "reasonCode", refused.code());
            if (refused.text() != null) {
                details.put("reasonText", refused.text());
            }
        }
        log.details(inbound, details);
        EdiTransaction ours = EdiTransaction.findById(order.outboundTransactionId);
        order.responseTransactionId = inbound.id;
        order.updatedAt = clock.instant();
        processed(inbound, ours, order.updatedAt);
    }

    /**
     * The utility's answer to our cancel (its BGN06 quotes the cancel's BGN02). Confirmed: the order is closed, so its
     * own 650_01 waits for no answer any more. Refused (REF*7G / REF*G7): the disconnect may still be carried out,
     * an {@value #REJECTED} work item for operations.
     */
    private void answerToCancel(EdiTransaction inbound, TransactionSet set, Map<String, Object> details,
            ServiceOrderCancel cancel) {
        if (cancel.esiId != null && !cancel.esiId.equals(inbound.esiId)) {
            fail(inbound, "REF*Q5 " + inbound.esiId + " is not the premise of cancel " + cancel.bgnReference + " ("
                    + cancel.esiId + ")");
            return;
        }
        if (cancel.responseTransactionId != null) {
            fail(inbound, "cancel " + cancel.bgnReference + " was already answered (" + cancel.answer
                    + " by transaction " + cancel.responseTransactionId + ")");
            return;
        }
        Optional<Outcome> outcome = readOutcome(set);
        if (outcome.isEmpty()) {
            fail(inbound, "a 650_02 answering a cancel needs the date it was done (DTM*198) or the reason it was not "
                    + "(REF*7G rejected, REF*G7 completed unexecutable)");
            return;
        }
        ServiceOrder order = ServiceOrder.findById(cancel.serviceOrderId);
        details.put("answersCancel", cancel.bgnReference);
        details.put("cancelOf", order.bgnReference);
        Instant now = clock.instant();
        if (outcome.get() instanceof Refused refused) {
            cancel.answer = ServiceOrderCancel.Answer.REFUSED;
            cancel.answerCode = refused.code();
            cancel.answerText = refused.text();
            details.put(refused.unexecutable() ? "unexecutableCode" : "reasonCode", refused.code());
            if (refused.text() != null) {
                details.put("reasonText", refused.text());
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("cancelRequestId", cancel.requestId.toString());
            item.put("requestId", order.requestId.toString());
            item.put("cancelReference", cancel.bgnReference);
            item.put("orderReference", order.bgnReference);
            item.put("reasonCode", refused.code());
            item.put("reasonText", refused.text() == null ? "" : refused.text());
            item.put("transactionId", inbound.id.toString());
            workQueue.raise(REJECTED, order.esiId, cancel.bgnReference, "Cancel " + cancel.bgnReference
                    + " of disconnect order " + order.bgnReference + " for " + order.esiId + " refused ("
                    + refused.code() + (refused.text() == null ? "" : " " + refused.text())
                    + "): the disconnect may still be carried out although collections withdrew it", item);
        } else {
            cancel.answer = ServiceOrderCancel.Answer.CONFIRMED;
            if (outcome.get() instanceof Completed completed) {
                details.put("completedOn", completed.on().toString());
            }
            EdiTransaction orderSent = EdiTransaction.findById(order.outboundTransactionId);
            if (orderSent.answeredBy == null) {
                orderSent.status = TransactionStatus.ANSWERED;
                orderSent.answeredBy = inbound.id;
                orderSent.updatedAt = now;
            }
        }
        log.details(inbound, details);
        cancel.responseTransactionId = inbound.id;
        cancel.updatedAt = now;
        processed(inbound, EdiTransaction.findById(cancel.outboundTransactionId), now);
    }

    /** The inbound answer applied, our transaction it answers ANSWERED. */
    private static void processed(EdiTransaction inbound, EdiTransaction ours, Instant now) {
        inbound.correlationId = ours.correlationId;
        inbound.status = TransactionStatus.PROCESSED;
        inbound.updatedAt = now;
        ours.status = TransactionStatus.ANSWERED;
        ours.answeredBy = inbound.id;
        ours.updatedAt = now;
    }

    private static Optional<Outcome> readOutcome(TransactionSet set) {
        try {
            return outcome(set);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A refusal first (REF*7G, then REF*G7), else the completion date; empty when the 650_02 says neither. */
    private static Optional<Outcome> outcome(TransactionSet set) {
        Optional<Segment> rejected = reason(set, ServiceOrder650.REJECT_REASON);
        if (rejected.isPresent()) {
            return Optional.of(refusal(rejected.get(), false));
        }
        Optional<Segment> unexecutable = reason(set, ServiceOrder650.UNEXECUTABLE_REASON);
        if (unexecutable.isPresent()) {
            return Optional.of(refusal(unexecutable.get(), true));
        }
        return set.dtm(ServiceOrder650.COMPLETED_DATE).filter(d -> !d.isBlank())
                .map(d -> new Completed(LocalDate.parse(d, ServiceOrder650.CCYYMMDD)));
    }

    private static Optional<Segment> reason(TransactionSet set, String qualifier) {
        return set.all("REF").filter(r -> r.element(1).equals(qualifier)).findFirst();
    }

    private static Outcome refusal(Segment reason, boolean unexecutable) {
        String code = reason.element(2).isBlank() ? "UNSPECIFIED" : reason.element(2);
        String text = reason.element(3).isBlank() ? null : reason.element(3);
        return new Refused(code, text, unexecutable);
    }

    /**
     * Operations must act on every refused order: a disconnect refused for a weather moratorium (WTM, 16 TAC
     * §25.483(j)) waits until the emergency is over, and a refused reconnect must be sent again at once, since
     * service is to be restored as quickly as possible once the customer has cured the cause (§25.483(n)).
     */
    private void raiseRejected(ServiceOrder order, Refused refused, EdiTransaction inbound) {
        String what = order.orderType == ServiceOrderType.RECONNECT ? "Reconnect" : "Disconnect";
        String how = refused.unexecutable() ? " completed unexecutable (" : " rejected (";
        String urgency = order.orderType == ServiceOrderType.RECONNECT
                ? ": service is still off, order the reconnect again as soon as the cause is cleared" : "";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", order.requestId.toString());
        details.put("orderType", order.orderType.name());
        details.put("orderReference", order.bgnReference);
        details.put("tdspDuns", order.tdspDuns);
        details.put("reasonCode", refused.code());
        details.put("reasonText", refused.text() == null ? "" : refused.text());
        details.put("completedUnexecutable", refused.unexecutable());
        details.put("transactionId", inbound.id.toString());
        workQueue.raise(REJECTED, order.esiId, order.bgnReference,
                what + " order " + order.bgnReference + " for " + order.esiId + how + refused.code()
                        + (refused.text() == null ? "" : " " + refused.text()) + ")" + urgency,
                details);
    }

    private void fail(EdiTransaction inbound, String reason) {
        log.fail(inbound, TransactionStatus.FAILED, "NOT_APPLICABLE", reason);
        workQueue.raise(MarketResponses.NOT_APPLICABLE, inbound.esiId, inbound.id.toString(),
                "650 " + inbound.bgnReference + " could not be applied: " + reason,
                Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
    }
}
