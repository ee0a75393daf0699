package org.metertocash.platform.workqueue;

/**
 * Re-runs what failed for one type of work item (replay a dead letter, re-parse a file...). A work item whose
 * type has no retry can only be resolved or dismissed.
 */
public interface WorkItemRetry {

    String type();

    /** Tries again; returns a description of the outcome. Throws if it failed again. */
    RetryOutcome retry(WorkItem item, String actor);

    record RetryOutcome(boolean succeeded, String description) {
    }
}
