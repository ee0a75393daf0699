package org.metertocash.payment.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.metertocash.platform.calendar.BusinessCalendar;

class DraftDatesTest {

    private static final BusinessCalendar FED = BusinessCalendar.of(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Map.of("memorial-day", "last monday of may", "independence-day", "07-04 sunday-to-monday",
                    "thanksgiving-day", "fourth thursday of november"));

    @Test
    void the_draft_date_is_the_due_date_less_the_days_when_that_is_a_business_day() {
        assertThat(DraftDates.draftDate(FED, LocalDate.of(2026, 11, 20), 2)).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(DraftDates.draftDate(FED, LocalDate.of(2026, 11, 20), 0)).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void a_draft_date_on_a_weekend_or_holiday_moves_earlier_never_past_the_due_date() {
        // Tuesday 26 May 2026, one day before: Memorial Day Monday, then the weekend: Friday 22 May
        assertThat(DraftDates.draftDate(FED, LocalDate.of(2026, 5, 26), 1)).isEqualTo(LocalDate.of(2026, 5, 22));
        // Monday 7 July 2025, one day before is Sunday: Thursday 3 July (the 4th is a holiday)
        assertThat(DraftDates.draftDate(FED, LocalDate.of(2025, 7, 7), 1)).isEqualTo(LocalDate.of(2025, 7, 3));
    }

    @Test
    void the_debit_settles_on_the_next_business_day_after_the_file() {
        assertThat(DraftDates.effectiveEntryDate(FED, LocalDate.of(2026, 5, 22))).isEqualTo(LocalDate.of(2026, 5, 26));
        assertThat(DraftDates.effectiveEntryDate(FED, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(DraftDates.effectiveEntryDate(FED, LocalDate.of(2026, 11, 18))).isEqualTo(LocalDate.of(2026, 11, 19));
    }
}
