package org.metertocash.dunning.collections.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps a policy is written with, by the name used in configuration ({@code dunning.policy.postpay.steps},
 * {@code dunning.policy.prepay.steps}). The configured order is the order they are tried in: the first that matches
 * the account's snapshot decides its state.
 */
public enum Step {
    /** Pre-pay: a critical-care or chronic-condition customer is moved to postpaid, never disconnected (§25.498). */
    PREPAY_CONVERSION("prepay-conversion", false, true),
    /** The premise is disconnected: reconnect as soon as the cause is cured (§25.483(n)), else stay. */
    DISCONNECTED("disconnected", true, true),
    /** A reconnect is on its way; overdue after {@code dunning.policy.reconnect.overdue-after}. */
    RECONNECT_REQUESTED("reconnect-requested", true, true),
    /** A disconnect order is on its way: withdrawn (cancel sent) when the cause is cured. */
    DISCONNECT_REQUESTED("disconnect-requested", true, true),
    /** A deferred payment plan is kept: no disconnection (§25.480(j)). */
    PAYMENT_PLAN("payment-plan", true, false),
    /** The notice's date has passed: the gates are checked and the disconnect requested (§25.483). */
    DISCONNECT("disconnect", true, false),
    /** The notice's disconnect date has come: disconnection is due from the day after. */
    DISCONNECT_PENDING("disconnect-pending", true, false),
    /** Issue the disconnect notice once the arrears are past due long enough (§25.483). */
    DISCONNECT_NOTICE("disconnect-notice", true, false),
    /** A bill unpaid after its due date (§25.480(b)); its late fee with it (§25.480(c)). */
    PAST_DUE("past-due", true, false),
    /** Pre-pay: below the disconnection balance and warned long enough ago: the gates, then the disconnect. */
    PREPAY_DISCONNECT("prepay-disconnect", false, true),
    /** Pre-pay: below the disconnection balance (§25.498): warn the customer. */
    PREPAY_DISCONNECT_WARNING("prepay-disconnect-warning", false, true),
    /** Pre-pay: below the low-balance threshold: low-balance message by text and email. */
    PREPAY_LOW_BALANCE("prepay-low-balance", false, true),
    /** Nothing else matched. */
    CURRENT("current", true, true);

    private final String configName;
    private final boolean postpay;
    private final boolean prepay;

    Step(String configName, boolean postpay, boolean prepay) {
        this.configName = configName;
        this.postpay = postpay;
        this.prepay = prepay;
    }

    public String configName() {
        return configName;
    }

    public boolean allowedIn(boolean prepayPolicy) {
        return prepayPolicy ? prepay : postpay;
    }

    public static Optional<Step> ofConfigName(String name) {
        return Arrays.stream(values()).filter(s -> s.configName.equals(name == null ? null : name.trim()))
                .findFirst();
    }
}
