package org.metertocash.dunning.collections;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an account stands in collections. Every account starts CURRENT when billing opens it; the policy
 * ({@link org.metertocash.dunning.collections.policy.CollectionPolicy}) moves it from there, one step at a time.
 */
public enum CollectionState {
    /** Nothing past due (or nothing above what the rules act on). */
    CURRENT,
    /** A bill is unpaid after its due date (16 TAC §25.480(b)). */
    PAST_DUE,
    /** A disconnect notice stands; its disconnect date has not come yet (§25.483). */
    DISCONNECT_NOTICE_ISSUED,
    /** The notice's disconnect date has come: disconnection is due on or after the day after it. */
    DISCONNECT_PENDING,
    /** Disconnection is due but a gate stops it today: moratorium, designation, weekend/holiday, a 650 rejection. */
    DISCONNECT_HELD,
    /** DisconnectRequested published: edi-gateway sends the 650_01, the wires utility completes it. */
    DISCONNECT_REQUESTED,
    /** The wires utility completed the disconnection (650_02). */
    DISCONNECTED,
    /** The cause was cured: ReconnectRequested published, waiting for the 650_02 completion. */
    RECONNECT_REQUESTED,
    /** A reconnect not completed within the configured time: operations chase it. */
    RECONNECT_OVERDUE,
    /** A deferred payment plan is kept: no disconnection while it is (§25.480(j)). */
    PAYMENT_PLAN,
    /** Pre-pay: the prepaid balance fell below the product's low-balance threshold; the customer was warned. */
    PREPAY_LOW_BALANCE,
    /** Pre-pay: the balance fell below the disconnection balance (§25.498); warned, disconnection may follow. */
    PREPAY_DISCONNECT_PENDING,
    /** Pre-pay customer designated critical care or chronic condition: moved to postpaid, no fee (§25.498). */
    PREPAY_CONVERTED;

    /**
     * The states in which a collections hold stands against the customer: a notice, a pending, held or requested
     * disconnect, or a disconnection. Leaving one for a state outside it (money or a plan cured the cause) is a
     * cleared hold.
     */
    public static final Set<CollectionState> HOLDS = EnumSet.of(DISCONNECT_NOTICE_ISSUED, DISCONNECT_PENDING,
            DISCONNECT_HELD, DISCONNECT_REQUESTED, DISCONNECTED, PREPAY_DISCONNECT_PENDING);

    public boolean isHold() {
        return HOLDS.contains(this);
    }
}
