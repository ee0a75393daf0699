package org.metertocash.billing.prepay;

import java.math.BigDecimal;

/**
 * When a pre-pay balance crosses its product's thresholds (16 TAC §25.498). Pure logic over the prepaid balance —
 * what the customer has paid and not yet used, the <b>negative</b> of the receivables ledger balance.
 * <ul>
 * <li>Below the low-balance threshold: a warning, once per crossing; the balance must come back to the threshold
 * or above before the next one.</li>
 * <li>Below the disconnection balance (at most $10 residential): disconnection may begin, once per crossing. The
 * account stays "below disconnection" until payments bring the balance to the connection balance (at most $75):
 * then, and only then, it is eligible to reconnect, and a later fall is a new crossing. A balance between the two
 * (paid some, not enough to reconnect) announces nothing.</li>
 * </ul>
 *
 * @param lowBalance the product's low-balance threshold
 * @param disconnectionBalance the product's disconnection balance
 * @param connectionBalance the product's connection balance
 */
public record BalanceThresholds(BigDecimal lowBalance, BigDecimal disconnectionBalance, BigDecimal connectionBalance) {

    /** Which thresholds the balance was last announced below. */
    public record State(boolean belowLow, boolean belowDisconnection) {
        public static final State CLEAR = new State(false, false);
    }

    /** The new state and what to announce. */
    public record Crossing(State state, boolean low, boolean belowDisconnection, boolean reconnectEligible) {
        public boolean announces() {
            return low || belowDisconnection || reconnectEligible;
        }
    }

    public Crossing assess(State before, BigDecimal prepaid) {
        boolean belowLow = before.belowLow();
        boolean low = false;
        if (!belowLow && prepaid.compareTo(lowBalance) < 0) {
            belowLow = true;
            low = true;
        } else if (belowLow && prepaid.compareTo(lowBalance) >= 0) {
            belowLow = false;
        }
        boolean belowDisconnection = before.belowDisconnection();
        boolean disconnection = false;
        boolean reconnect = false;
        if (!belowDisconnection && prepaid.compareTo(disconnectionBalance) < 0) {
            belowDisconnection = true;
            disconnection = true;
        } else if (belowDisconnection && prepaid.compareTo(connectionBalance) >= 0) {
            belowDisconnection = false;
            reconnect = true;
        }
        return new Crossing(new State(belowLow, belowDisconnection), low, disconnection, reconnect);
    }
}
