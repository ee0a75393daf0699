package org.metertocash.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a published domain event: its versioned type name (carried as the CloudEvents
 * {@code ce_type} header) and the topic it is published on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** Versioned type name, e.g. {@code enrollment.accepted.v1}. */
    String value();

    /** The topic, one of {@link Topics}. */
    String topic();
}
