package org.metertocash.platform.deadletter;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkItemRetry;

/** Retrying a DEAD_LETTER exception replays the dead letter. */
@ApplicationScoped
public class DeadLetterRetry implements WorkItemRetry {

    @Inject
    DeadLetters deadLetters;

    @Override
    public String type() {
        return DeadLetters.WORK_ITEM_TYPE;
    }

    @Override
    public RetryOutcome retry(WorkItem item, String actor) {
        DeadLetters.ReplayResult result = deadLetters.replay(UUID.fromString(item.reference), actor);
        return new RetryOutcome(result.status() == DeadLetter.Status.REPLAYED, result.outcome());
    }
}
