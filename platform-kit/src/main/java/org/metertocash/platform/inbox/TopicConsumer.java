package org.metertocash.platform.inbox;

/**
 * A service's consumer of one topic. Implementations declare which event types they handle; their
 * {@code @Incoming} method, on a channel in batch mode ({@code mp.messaging.incoming.<channel>.batch=true}), hands
 * each poll to {@link Inbox#consumeBatch}. The kit uses the same routes to replay dead letters and lists the
 * topics on the status endpoint.
 */
public interface TopicConsumer {

    String topic();

    EventRoutes routes();
}
