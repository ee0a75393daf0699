package org.metertocash.dunning.serviceorders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.dunning.collections.policy.Snapshot;
import org.metertocash.dunning.collections.policy.Snapshot.OrderKind;
import org.metertocash.dunning.collections.policy.Snapshot.OrderStatus;
import org.metertocash.dunning.collections.policy.WorkItemTypes;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.panache.common.Sort;

/**
 * Publishes the orders collections decides on (through the outbox, with the order recorded in the same transaction)
 * and applies the market's answers to them, each once. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ServiceOrders {

    private static final Logger LOG = Logger.getLogger(ServiceOrders.class);

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Inject
    ServiceOrdersConfig config;

    /** Whose premise an order is for. */
    public record Premise(String accountNumber, String esiId, String tdsp) {
    }

    /** A 650 answer applied to its order: the account to re-evaluate. */
    public record Answered(ServiceOrder order, boolean changed) {
    }

    public UUID requestDisconnect(Premise premise, LocalDate date, Cause cause, UUID causeEventId) {
        ServiceOrder order = order(premise, ServiceOrder.Kind.DISCONNECT, date, causeEventId);
        outbox.publish(new DisconnectRequested(order.requestId, premise.esiId(), order.tdspDuns,
                premise.accountNumber(), date), cause);
        return order.requestId;
    }

    /** §25.483(n): a reconnect is asked for at once, for the same day. */
    public UUID requestReconnect(Premise premise, LocalDate date, Cause cause, UUID causeEventId) {
        ServiceOrder order = order(premise, ServiceOrder.Kind.RECONNECT, date, causeEventId);
        outbox.publish(new ReconnectRequested(order.requestId, premise.esiId(), order.tdspDuns,
                premise.accountNumber(), date), cause);
        return order.requestId;
    }

    /**
     * Withdraws a disconnect order that was published: edi-gateway drops it if it has not written it yet, else sends
     * a 650_01 cancelling it.
     */
    public Optional<UUID> cancelDisconnect(Premise premise, UUID originalRequestId, LocalDate date, Cause cause,
            UUID causeEventId) {
        ServiceOrder original = ServiceOrder.findById(originalRequestId);
        if (original == null || !original.status.inFlight()) {
            return Optional.empty();
        }
        original.status = OrderStatus.CANCELLED;
        ServiceOrder cancel = order(premise, ServiceOrder.Kind.CANCEL, date, causeEventId);
        cancel.originalRequestId = originalRequestId;
        outbox.publish(new DisconnectCancelRequested(cancel.requestId, originalRequestId, premise.esiId(),
                cancel.tdspDuns, premise.accountNumber(), date), cause);
        return Optional.of(cancel.requestId);
    }

    private ServiceOrder order(Premise premise, ServiceOrder.Kind kind, LocalDate date, UUID causeEventId) {
        ServiceOrder order = new ServiceOrder();
        order.requestId = UUID.randomUUID();
        order.accountNumber = premise.accountNumber();
        order.esiId = premise.esiId();
        order.kind = kind;
        order.tdspDuns = duns(premise.tdsp());
        order.status = OrderStatus.REQUESTED;
        order.requestedOn = date;
        order.requestedAt = clock.instant();
        order.causeEventId = causeEventId;
        order.persist();
        return order;
    }

    /** The wires utility's DUNS for its code; null (edi-gateway then holds the order for operations) if unknown. */
    String duns(String tdsp) {
        if (tdsp == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : config.tdspDuns().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(tdsp.trim())) {
                return entry.getValue();
            }
        }
        LOG.warnf("No DUNS configured for wires utility %s (dunning.service-orders.tdsp-duns)", tdsp);
        return null;
    }

    // ---------------------------------------------------------------------------------------- the answers

    /** edi-gateway wrote the 650_01. */
    public Optional<ServiceOrder> sent(ServiceOrderSent event) {
        ServiceOrder order = event.requestId() == null ? null : ServiceOrder.findById(event.requestId());
        if (order == null) {
            return Optional.empty();
        }
        if (order.sentAt == null) {
            order.sentAt = clock.instant();
            order.bgnReference = event.bgnReference();
        }
        if (order.status == OrderStatus.REQUESTED) {
            order.status = OrderStatus.SENT;
        }
        return Optional.of(order);
    }

    /**
     * A 650_02 completion: applied once (a second delivery finds the order completed and changes nothing). A
     * disconnect completed after collections withdrew it still happened: the premise is off, and the rules reconnect
     * it.
     */
    public Optional<Answered> completed(ServiceOrderCompleted event) {
        Optional<ServiceOrder> found = match(event.requestId(), event.esiId(), event.orderType());
        if (found.isEmpty()) {
            unmatched(event.esiId(), event.orderType(), event.orderReference(), "completion", event.requestId());
            return Optional.empty();
        }
        ServiceOrder order = found.get();
        if (order.status == OrderStatus.COMPLETED) {
            return Optional.of(new Answered(order, false));
        }
        order.status = OrderStatus.COMPLETED;
        order.completedOn = event.completedOn() != null ? event.completedOn() : LocalDate.now(clock);
        return Optional.of(new Answered(order, true));
    }

    /** A 650_02 rejection: recorded once, with a SERVICE_ORDER_REJECTED work item for operations. */
    public Optional<Answered> rejected(ServiceOrderRejected event) {
        Optional<ServiceOrder> found = match(event.requestId(), event.esiId(), event.orderType());
        if (found.isEmpty()) {
            unmatched(event.esiId(), event.orderType(), event.orderReference(), "rejection", event.requestId());
            return Optional.empty();
        }
        ServiceOrder order = found.get();
        if (order.status == OrderStatus.REJECTED || order.status == OrderStatus.COMPLETED) {
            return Optional.of(new Answered(order, false));
        }
        order.status = OrderStatus.REJECTED;
        order.rejectedOn = LocalDate.now(clock);
        order.reasonCode = event.reasonCode();
        order.reasonText = event.reasonText();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reasonCode", event.reasonCode());
        details.put("reasonText", event.reasonText());
        details.put("orderType", order.kind.name());
        details.put("requestId", order.requestId.toString());
        details.put("accountNumber", order.accountNumber);
        details.put("orderReference", event.orderReference());
        workQueue.raise(WorkItemTypes.SERVICE_ORDER_REJECTED, order.esiId, order.requestId.toString(),
                order.kind.name().charAt(0) + order.kind.name().substring(1).toLowerCase() + " order rejected by the"
                        + " wires utility: " + event.reasonCode() + (event.reasonText() == null ? ""
                                : " " + event.reasonText()),
                details);
        return Optional.of(new Answered(order, true));
    }

    /** Operations asked for a rejected order to be tried again (the work item's retry). */
    public Optional<ServiceOrder> release(UUID requestId, String actor) {
        ServiceOrder order = ServiceOrder.findById(requestId);
        if (order == null || order.status != OrderStatus.REJECTED) {
            return Optional.empty();
        }
        if (order.releasedAt == null) {
            order.releasedAt = clock.instant();
            order.releasedBy = actor;
        }
        return Optional.of(order);
    }

    private Optional<ServiceOrder> match(UUID requestId, String esiId, String orderType) {
        if (requestId != null) {
            Optional<ServiceOrder> byId = ServiceOrder.findByIdOptional(requestId);
            if (byId.isPresent()) {
                return byId;
            }
        }
        ServiceOrder.Kind kind;
        try {
            kind = ServiceOrder.Kind.valueOf(String.valueOf(orderType));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ServiceOrder.<ServiceOrder> find("esiId = ?1 and kind = ?2 and status in ?3",
                Sort.descending("requestedAt"), esiId, kind,
                List.of(OrderStatus.REQUESTED, OrderStatus.SENT, OrderStatus.CANCELLED)).firstResultOptional();
    }

    private void unmatched(String esiId, String orderType, String orderReference, String what, UUID requestId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderType", orderType);
        details.put("orderReference", orderReference);
        details.put("requestId", requestId == null ? null : requestId.toString());
        workQueue.raise(WorkItemTypes.SERVICE_ORDER_UNMATCHED, esiId,
                orderReference != null ? orderReference : String.valueOf(requestId),
                "A 650_02 " + what + " for " + esiId + " (" + orderType + ") matches no order of collections",
                details);
    }

    // ------------------------------------------------------------------------------------- for the snapshot

    /** The premise's orders as the policy sees them; an order a cancel was sent for counts as withdrawn. */
    public Snapshot.Orders facts(String accountNumber) {
        List<ServiceOrder> all = ServiceOrder.<ServiceOrder> list("accountNumber", Sort.by("requestedAt")
                .and("requestId"), accountNumber);
        Set<UUID> withdrawn = new HashSet<>();
        List<ServiceOrder> orders = new ArrayList<>();
        for (ServiceOrder order : all) {
            if (order.kind == ServiceOrder.Kind.CANCEL) {
                withdrawn.add(order.originalRequestId);
            } else {
                orders.add(order);
            }
        }
        ServiceOrder lastCompleted = null;
        for (ServiceOrder order : orders) {
            if (order.status == OrderStatus.COMPLETED && (lastCompleted == null
                    || !order.completedOn.isBefore(lastCompleted.completedOn))) {
                lastCompleted = order;
            }
        }
        boolean disconnected = lastCompleted != null && lastCompleted.kind == ServiceOrder.Kind.DISCONNECT;
        Optional<Snapshot.Order> latest = orders.isEmpty() ? Optional.empty()
                : Optional.of(toFact(orders.get(orders.size() - 1), withdrawn));
        return new Snapshot.Orders(disconnected, latest);
    }

    /** The latest rejected order of the account, if its latest order is one. */
    public Optional<ServiceOrder> latestRejected(String accountNumber) {
        return ServiceOrder.<ServiceOrder> find("accountNumber = ?1 and kind <> ?2",
                Sort.descending("requestedAt").and("requestId"), accountNumber, ServiceOrder.Kind.CANCEL)
                .firstResultOptional().filter(o -> o.status == OrderStatus.REJECTED);
    }

    private static Snapshot.Order toFact(ServiceOrder order, Set<UUID> withdrawn) {
        return new Snapshot.Order(order.requestId,
                order.kind == ServiceOrder.Kind.DISCONNECT ? OrderKind.DISCONNECT : OrderKind.RECONNECT,
                order.status, order.requestedOn, order.requestedAt, order.rejectedOn, order.reasonCode,
                order.releasedAt != null, withdrawn.contains(order.requestId));
    }
}
