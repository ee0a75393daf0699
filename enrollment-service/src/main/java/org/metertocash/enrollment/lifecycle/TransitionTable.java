package org.metertocash.enrollment.lifecycle;

import static org.metertocash.enrollment.lifecycle.EnrollmentState.ACCEPTED;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.ACTIVE;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.CANCELLED;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.DROPPED;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.MOVED_OUT;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.PENDING_TPV;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.REJECTED;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.SENT;
import static org.metertocash.enrollment.lifecycle.EnrollmentState.SUBMITTED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of allowed transitions: for each trigger, the states it may act on and the state it leads to.
 * A trigger whose target is the state it came from is an action that changes no state but is recorded in the
 * history (a move-out request, a resubmission noted on the rejected enrollment). Anything not in the table is
 * refused: a REST operation answers 409, a market transaction lands in the work queue.
 */
public final class TransitionTable {

    private static final Map<Trigger, Map<EnrollmentState, EnrollmentState>> TABLE = new EnumMap<>(Trigger.class);

    static {
        allow(Trigger.TPV_RECORDED, SUBMITTED, PENDING_TPV);
        allow(Trigger.REQUEST_SENT, SENT, SUBMITTED);
        allow(Trigger.MARKET_ACCEPTED, ACCEPTED, SUBMITTED, SENT);
        allow(Trigger.MARKET_REJECTED, REJECTED, SUBMITTED, SENT);
        allow(Trigger.TRANSACTION_REJECTED, REJECTED, SUBMITTED, SENT);
        allow(Trigger.MARKET_COMPLETED, ACTIVE, ACCEPTED);
        allow(Trigger.START_DATE_REACHED, ACTIVE, ACCEPTED);
        // before the start date only: EnrollmentCancellation checks the date
        allow(Trigger.CANCEL, CANCELLED, PENDING_TPV, SUBMITTED, SENT, ACCEPTED);
        stay(Trigger.CANCEL_SENT, CANCELLED);
        stay(Trigger.RESUBMIT, REJECTED);
        stay(Trigger.MOVE_OUT_REQUESTED, ACTIVE);
        stay(Trigger.MOVE_OUT_SENT, ACTIVE);
        stay(Trigger.MOVE_OUT_REJECTED, ACTIVE);
        allow(Trigger.MOVE_OUT_COMPLETED, MOVED_OUT, ACTIVE);
        allow(Trigger.LOSS_NOTICE, DROPPED, ACTIVE);
    }

    private TransitionTable() {
    }

    /** The state {@code trigger} leads to from {@code from}, or empty when the table does not allow it. */
    public static Optional<EnrollmentState> target(EnrollmentState from, Trigger trigger) {
        return Optional.ofNullable(TABLE.getOrDefault(trigger, Map.of()).get(from));
    }

    public static boolean allows(EnrollmentState from, Trigger trigger) {
        return target(from, trigger).isPresent();
    }

    /** The states a trigger may act on, for messages and documentation. */
    public static Set<EnrollmentState> sources(Trigger trigger) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(trigger, Map.of()).keySet());
    }

    private static void allow(Trigger trigger, EnrollmentState to, EnrollmentState... from) {
        Map<EnrollmentState, EnrollmentState> row = TABLE.computeIfAbsent(trigger, t -> new EnumMap<>(EnrollmentState.class));
        for (EnrollmentState state : from) {
            row.put(state, to);
        }
    }

    private static void stay(Trigger trigger, EnrollmentState state) {
        allow(trigger, state, state);
    }
}
