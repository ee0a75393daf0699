package org.metertocash.dunning.collections;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code dunning.policy.*}: the collection policy as data. Each policy lists its steps in the order they are tried
 * (first match wins; see {@link org.metertocash.dunning.collections.policy.Step} for the names) and each step's
 * parameters sit under its own prefix. Checked at start against the Texas limits: a policy that breaks one refuses
 * to start, naming the key ({@link org.metertocash.dunning.collections.policy.PolicySettings#problems()}).
 */
@ConfigMapping(prefix = "dunning.policy")
public interface PolicyConfig {

    Postpay postpay();

    Prepay prepay();

    Reconnect reconnect();

    /** The post-pay policy. */
    interface Postpay {
        /** Step names in order, ending with {@code current}. */
        List<String> steps();

        PastDue pastDue();

        LateFee lateFee();

        DisconnectNotice disconnectNotice();

        Disconnect disconnect();
    }

    /** {@code past-due.*} */
    interface PastDue {
        /** A bill is past due this many days after its due date: 1, the day after (16 TAC §25.480(b)). */
        @WithDefault("1")
        int daysAfterDue();
    }

    /** {@code late-fee.*}: 16 TAC §25.480(c). */
    interface LateFee {
        @WithDefault("true")
        boolean enabled();

        /** Percent of the bill's past-due balance; at most 5. */
        @WithDefault("5")
        BigDecimal percent();
    }

    /** {@code disconnect-notice.*}: 16 TAC §25.483. */
    interface DisconnectNotice {
        /** The notice is issued this many days after the due date (at least 1), on a business day. */
        @WithDefault("5")
        int daysAfterDue();

        /** The disconnect date printed on the notice is this many days after it is issued (at least 10). */
        @WithDefault("10")
        int disconnectDaysAfterNotice();
    }

    /** {@code disconnect.*} */
    interface Disconnect {
        /** No notice and no disconnection unless the past-due amount is above this, dollars. */
        @WithDefault("0.00")
        BigDecimal threshold();

        /** Whether disconnect dates and disconnections may fall on weekends and holidays (§25.483). */
        @WithDefault("false")
        boolean onWeekendsAndHolidays();

        /** 650 rejection reasons after which the disconnect is retried on the next eligible day. */
        @WithDefault("WTM")
        Set<String> retryRejections();
    }

    /** The pre-pay policy (16 TAC §25.498). */
    interface Prepay {
        /** Step names in order, ending with {@code current}. */
        List<String> steps();

        PrepayDisconnect disconnect();
    }

    /** {@code prepay.disconnect.*} */
    interface PrepayDisconnect {
        /** Disconnection may follow this many days after the disconnect warning (at least 1). */
        @WithDefault("1")
        int daysAfterWarning();

        /** Whether a pre-pay disconnection may happen on a weekend or holiday (when payments may not be taken). */
        @WithDefault("false")
        boolean onWeekendsAndHolidays();

        @WithDefault("WTM")
        Set<String> retryRejections();
    }

    /** {@code reconnect.*} */
    interface Reconnect {
        /** A reconnect not completed within this time raises RECONNECT_OVERDUE. */
        @WithDefault("PT48H")
        Duration overdueAfter();
    }
}
