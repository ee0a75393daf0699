package org.metertocash.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private final Clock fixed = Clock.fixed(Instant.parse("2026-03-01T18:00:00Z"), ZoneId.of("America/Chicago"));

    @Test
    void reads_the_base_clock_until_moved() {
        AdjustableClock clock = new AdjustableClock(fixed);
        assertThat(clock.instant()).isEqualTo(fixed.instant());
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void advancing_crosses_days_in_the_market_zone_and_reset_returns_to_real_time() {
        AdjustableClock clock = new AdjustableClock(fixed);
        // 18:00Z is noon in Chicago; seven hours on it is 01:00Z on 2 March, but still 1 March in the market
        clock.advance(Duration.ofHours(7));
        assertThat(LocalDate.now(clock.withZone(ZoneId.of("UTC")))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 1));
        clock.advance(Duration.ofHours(6));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 2));
        clock.setTo(Instant.parse("2026-12-31T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-31T12:00:00Z"));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(fixed.instant());
        assertThat(clock.offset()).isZero();
    }
}
