package org.metertocash.dunning.serviceorders;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.dunning.collections.Evaluations;
import org.metertocash.dunning.collections.Trigger;
import org.metertocash.dunning.collections.policy.WorkItemTypes;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Retrying a SERVICE_ORDER_REJECTED work item ({@code POST /exceptions/{id}/retry}): operations dealt with the cause
 * the wires utility gave, so the rejected order is released and the account evaluated at once — the rules send the
 * order again if it is still due (the gates are checked anew).
 */
@ApplicationScoped
public class RejectedOrderRetry implements WorkItemRetry {

    @Inject
    ServiceOrders serviceOrders;

    @Inject
    Evaluations evaluations;

    @Override
    public String type() {
        return WorkItemTypes.SERVICE_ORDER_REJECTED;
    }

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        UUID requestId = UUID.fromString(item.reference);
        return QuarkusTransaction.requiringNew().call(() -> {
            ServiceOrder order = serviceOrders.release(requestId, actor).orElseThrow(() -> new IllegalStateException(
                    "order " + requestId + " is not a rejected order of collections"));
            String outcome = evaluations.evaluate(order.accountNumber, Trigger.change())
                    .map(d -> "released; account " + order.accountNumber + " is " + d.state() + " (" + d.rule() + ")")
                    .orElse("released; account " + order.accountNumber + " is not in collections");
            return new RetryOutcome(true, outcome);
        });
    }
}
