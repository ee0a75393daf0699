package org.metertocash.billing.prepay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.rating.Usage;

/** The pure parts of pre-pay: splitting a read into days, and when a balance crosses a threshold. */
class DailyUsageAndThresholdsTest {

    private static final BalanceThresholds THRESHOLDS = new BalanceThresholds(new BigDecimal("30.00"),
            new BigDecimal("10.00"), new BigDecimal("50.00"));

    @Test
    void interval_usage_is_split_by_the_local_day_and_the_23_hour_day_of_dst_has_23_hours() {
        // 7 to 9 March 2026 in Texas; clocks spring forward on Sunday 8 March at 2:00 (23-hour day)
        ServicePeriod period = new ServicePeriod(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9));
        Instant midnight = LocalDate.of(2026, 3, 7).atStartOfDay(RatingRequest.ERCOT_ZONE).toInstant();
        List<BigDecimal> hourly = Collections.nCopies(24 + 23 + 5, new BigDecimal("1.5"));
        List<DailyUsage.Day> days = DailyUsage.ofIntervals(period, midnight, 60, hourly, RatingRequest.ERCOT_ZONE);
        assertThat(days).extracting(DailyUsage.Day::date).containsExactly(LocalDate.of(2026, 3, 7),
                LocalDate.of(2026, 3, 8)); // the 5 hours of 9 March are outside the period
        assertThat(days.get(0).usage().totalKwh()).isEqualByComparingTo("36.0");
        assertThat(days.get(1).usage().totalKwh()).isEqualByComparingTo("34.5");
        assertThat(((Usage.Interval) days.get(1).usage()).start())
                .isEqualTo(LocalDate.of(2026, 3, 8).atStartOfDay(RatingRequest.ERCOT_ZONE).toInstant());
    }

    @Test
    void a_monthly_total_is_spread_evenly_and_the_days_add_up_to_it_exactly() {
        ServicePeriod period = new ServicePeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4));
        List<DailyUsage.Day> days = DailyUsage.ofTotal(period, new BigDecimal("100"));
        assertThat(days).extracting(DailyUsage.Day::date).containsExactly(LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3));
        assertThat(days).extracting(d -> d.usage().totalKwh()).containsExactly(new BigDecimal("33.3333"),
                new BigDecimal("33.3333"), new BigDecimal("33.3334"));
    }

    @Test
    void each_threshold_is_announced_once_per_crossing() {
        var state = BalanceThresholds.State.CLEAR;
        var above = THRESHOLDS.assess(state, new BigDecimal("30.00")); // at the threshold is not below it
        assertThat(above.announces()).isFalse();

        var low = THRESHOLDS.assess(above.state(), new BigDecimal("29.99"));
        assertThat(low.low()).isTrue();
        assertThat(low.belowDisconnection()).isFalse();
        assertThat(THRESHOLDS.assess(low.state(), new BigDecimal("20.00")).announces()).isFalse();

        var disconnection = THRESHOLDS.assess(low.state(), new BigDecimal("9.99"));
        assertThat(disconnection.belowDisconnection()).isTrue();
        assertThat(disconnection.low()).isFalse();
        // a payment short of the connection balance: nothing, and no second crossing when it falls again
        var partPaid = THRESHOLDS.assess(disconnection.state(), new BigDecimal("49.99"));
        assertThat(partPaid.announces()).isFalse();
        assertThat(partPaid.state().belowLow()).isFalse();
        var fallsAgain = THRESHOLDS.assess(partPaid.state(), new BigDecimal("5.00"));
        assertThat(fallsAgain.low()).isTrue();
        assertThat(fallsAgain.belowDisconnection()).isFalse();

        var reconnect = THRESHOLDS.assess(fallsAgain.state(), new BigDecimal("50.00"));
        assertThat(reconnect.reconnectEligible()).isTrue();
        assertThat(reconnect.state()).isEqualTo(BalanceThresholds.State.CLEAR);
        assertThat(THRESHOLDS.assess(reconnect.state(), new BigDecimal("60.00")).announces()).isFalse();
    }

    @Test
    void one_charge_can_cross_both_thresholds_at_once() {
        var both = THRESHOLDS.assess(BalanceThresholds.State.CLEAR, new BigDecimal("-1.00"));
        assertThat(both.low()).isTrue();
        assertThat(both.belowDisconnection()).isTrue();
    }
}
