package org.metertocash.dunning.collections;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;

/**
 * Why an account is evaluated: the event (or day turn, or change) that caused it, carried onto the transition row and
 * the events the step publishes.
 *
 * @param on           the business day to evaluate for; null for today by the clock
 * @param cause        correlation and causation of the events published
 * @param causeEventId the consumed event, recorded on the transition row; null for a day turn or a change
 * @param paymentId    the payment that caused it, carried on DunningHoldCleared; null otherwise
 */
public record Trigger(LocalDate on, Cause cause, UUID causeEventId, UUID paymentId) {

    /** A consumed event. */
    public static Trigger of(ConsumedEvent envelope) {
        return new Trigger(null, Cause.of(envelope), envelope.id(), null);
    }

    /** A consumed payment event. */
    public static Trigger payment(ConsumedEvent envelope, UUID paymentId) {
        return new Trigger(null, Cause.of(envelope), envelope.id(), paymentId);
    }

    /** The day turn for a day. */
    public static Trigger dayTurn(LocalDate on) {
        return new Trigger(on, Cause.newFlow(), null, null);
    }

    /** A change outside the account's events (a designation, a plan, a released order). */
    public static Trigger change() {
        return new Trigger(null, Cause.newFlow(), null, null);
    }
}
