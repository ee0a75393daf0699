package org.metertocash.platform.inbox;

/**
 * A service's consumer of one topic. Implementations declare which event types they handle; their
 * {@code @Incoming} method hands each record to {@link Inbox#consume}. The kit uses the same routes to replay
 * dead letters and lists the topics on the status endpoint.
 */
public interface TopicConsumer {

    String topic();

    EventRoutes routes();
}
