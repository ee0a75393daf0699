package org.metertocash.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The calendar a service injects is the one its configuration describes (here: the kit's defaults). */
@QuarkusTest
class BusinessCalendarInjectionTest {

    @Inject
    BusinessCalendar calendar;

    @Test
    void a_service_injects_the_configured_calendar() {
        assertThat(calendar.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.holidaysIn(2026)).extracting(BusinessCalendar.Holiday::name)
                .contains("thanksgiving-day", "juneteenth", "new-years-day");
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26))).isFalse();
        assertThat(calendar.dueDate(LocalDate.of(2026, 11, 10), 16)).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
