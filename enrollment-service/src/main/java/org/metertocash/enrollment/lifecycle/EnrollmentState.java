package org.metertocash.enrollment.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * SUBMITTED → SENT → ACCEPTED → ACTIVE → DROPPED / MOVED_OUT; or REJECTED; or CANCELLED. A state changes only
 * on the events and requests listed in {@link EnrollmentLifecycle}.
 */
public enum EnrollmentState {
    SUBMITTED, SENT, ACCEPTED, ACTIVE, DROPPED, MOVED_OUT, REJECTED, CANCELLED;

    /** States in which the premise is taken by this enrollment: no second enrollment may be opened for it. */
    public static final Set<EnrollmentState> OPEN = EnumSet.of(SUBMITTED, SENT, ACCEPTED, ACTIVE);

    public boolean awaitsMarketResponse() {
        return this == SUBMITTED || this == SENT;
    }
}
