package org.metertocash.enrollment.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an enrollment is in its life: PENDING_TPV (stored, waiting for the third-party verification its product
 * requires; not yet announced) → SUBMITTED → SENT → ACCEPTED (scheduled start date) → ACTIVE → DROPPED (loss
 * notice) / MOVED_OUT (move-out completed); or REJECTED by the market; or CANCELLED before its start date. Which
 * trigger may move which state is {@link TransitionTable}.
 */
public enum EnrollmentState {
    PENDING_TPV, SUBMITTED, SENT, ACCEPTED, ACTIVE, DROPPED, MOVED_OUT, REJECTED, CANCELLED;

    /** States in which the premise is taken by this enrollment: no second enrollment may be opened for it. */
    public static final Set<EnrollmentState> OPEN = EnumSet.of(PENDING_TPV, SUBMITTED, SENT, ACCEPTED, ACTIVE);

    /** States whose request went to the market (the gateway has it) but has not been answered. */
    public boolean awaitsMarketResponse() {
        return this == SUBMITTED || this == SENT;
    }
}
