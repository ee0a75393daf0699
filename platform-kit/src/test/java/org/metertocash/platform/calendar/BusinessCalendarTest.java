package org.metertocash.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class BusinessCalendarTest {

    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** The calendar exactly as a service gets it: the kit's shipped properties through the config mapping. */
    private static final BusinessCalendar SHIPPED = shipped(Map.of());

    private static BusinessCalendar shipped(Map<String, String> serviceOverrides) {
        URL defaults = BusinessCalendarTest.class.getClassLoader()
                .getResource("META-INF/microprofile-config.properties");
        SmallRyeConfig config;
        try {
            config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(defaults, 100))
                    .withSources(new PropertiesConfigSource(serviceOverrides, "service", 250))
                    .withMapping(CalendarConfig.class)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new BusinessCalendarProducer().calendar(config.getConfigMapping(CalendarConfig.class));
    }

    private static BusinessCalendar calendar(Map<String, String> holidays) {
        return BusinessCalendar.of(WEEKEND, holidays);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> observed(BusinessCalendar calendar, int year) {
        return calendar.holidaysIn(year).stream().map(BusinessCalendar.Holiday::observedOn).toList();
    }

    @Test
    void the_shipped_default_is_the_federal_reserve_holiday_schedule() {
        // the Federal Reserve's published schedule for 2026: 4 July is a Saturday, so the Banks open on Friday 3 July
        assertThat(observed(SHIPPED, 2026)).containsExactly(date("2026-01-01"), date("2026-01-19"),
                date("2026-02-16"), date("2026-05-25"), date("2026-06-19"), date("2026-09-07"), date("2026-10-12"),
                date("2026-11-11"), date("2026-11-26"), date("2026-12-25"));
        // 2027: 19 June and 25 December are Saturdays (not observed); 4 July is a Sunday (observed Monday 5 July)
        assertThat(observed(SHIPPED, 2027)).containsExactly(date("2027-01-01"), date("2027-01-18"),
                date("2027-02-15"), date("2027-05-31"), date("2027-07-05"), date("2027-09-06"), date("2027-10-11"),
                date("2027-11-11"), date("2027-11-25"));
        assertThat(SHIPPED.isBusinessDay(date("2026-07-03"))).isTrue();
        assertThat(SHIPPED.holidayOn(date("2027-07-05"))).get()
                .isEqualTo(new BusinessCalendar.Holiday("independence-day", date("2027-07-04"), date("2027-07-05")));
    }

    @Test
    void juneteenth_is_a_bank_holiday_from_2022_on() {
        assertThat(SHIPPED.isBusinessDay(date("2021-06-18"))).isTrue();
        assertThat(SHIPPED.isBusinessDay(date("2021-06-21"))).isTrue();
        // 19 June 2022 was a Sunday: observed Monday 20 June
        assertThat(SHIPPED.isHoliday(date("2022-06-20"))).isTrue();
        assertThat(SHIPPED.isHoliday(date("2025-06-19"))).isTrue();
    }

    @Test
    void weekends_and_observed_holidays_are_not_business_days() {
        assertThat(SHIPPED.isBusinessDay(date("2026-03-06"))).as("a Friday").isTrue();
        assertThat(SHIPPED.isBusinessDay(date("2026-03-07"))).as("a Saturday").isFalse();
        assertThat(SHIPPED.isBusinessDay(date("2026-03-08"))).as("a Sunday").isFalse();
        assertThat(SHIPPED.isBusinessDay(date("2026-11-26"))).as("Thanksgiving").isFalse();
        assertThat(SHIPPED.isBusinessDay(date("2026-11-27"))).as("the day after Thanksgiving").isTrue();
        // Christmas 2022 was a Sunday: the Monday after is the holiday, the Sunday is a weekend day anyway
        assertThat(SHIPPED.isHoliday(date("2022-12-26"))).isTrue();
        assertThat(SHIPPED.isHoliday(date("2022-12-25"))).isFalse();
        assertThat(SHIPPED.isBusinessDay(date("2022-12-25"))).isFalse();
    }

    @Test
    void nth_weekday_rules_land_on_that_weekday_in_the_right_week_every_year() {
        for (int year = 2000; year <= 2060; year++) {
            LocalDate thanksgiving = SHIPPED.holidaysIn(year).stream()
                    .filter(h -> h.name().equals("thanksgiving-day")).findFirst().orElseThrow().observedOn();
            assertThat(thanksgiving.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(thanksgiving.getMonth()).isEqualTo(Month.NOVEMBER);
            assertThat(thanksgiving.getDayOfMonth()).isBetween(22, 28);
            LocalDate memorial = SHIPPED.holidaysIn(year).stream().filter(h -> h.name().equals("memorial-day"))
                    .findFirst().orElseThrow().observedOn();
            assertThat(memorial.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(memorial.getMonth()).isEqualTo(Month.MAY);
            assertThat(memorial.plusWeeks(1).getMonth()).as("the last Monday of May").isEqualTo(Month.JUNE);
        }
        BusinessCalendar leapFriday = calendar(Map.of("fifth-friday", "fifth friday of february"));
        assertThat(leapFriday.holidaysIn(2026)).as("February 2026 has four Fridays").isEmpty();
        assertThat(observed(leapFriday, 2036)).containsExactly(date("2036-02-29"));
    }

    @Test
    void the_next_business_day_crosses_the_year_boundary_and_an_observed_new_year() {
        // 1 January 2023 was a Sunday: observed Monday 2 January
        assertThat(SHIPPED.nextBusinessDay(date("2022-12-31"))).isEqualTo(date("2023-01-03"));
        assertThat(SHIPPED.nextBusinessDay(date("2022-12-30"))).isEqualTo(date("2022-12-30"));
        assertThat(SHIPPED.plusBusinessDays(date("2022-12-30"), 1)).isEqualTo(date("2023-01-03"));
        assertThat(SHIPPED.plusBusinessDays(date("2023-01-03"), -1)).isEqualTo(date("2022-12-30"));
        assertThat(SHIPPED.previousBusinessDay(date("2023-01-02"))).isEqualTo(date("2022-12-30"));
        assertThat(SHIPPED.businessDaysBetween(date("2022-12-29"), date("2023-01-04"))).isEqualTo(3);
    }

    @Test
    void a_saturday_holiday_closes_the_friday_before_only_under_the_federal_government_rule() {
        BusinessCalendar federal = calendar(Map.of("new-years-day", "01-01 nearest-weekday",
                "independence-day", "07-04 nearest-weekday"));
        // 1 January 2022 was a Saturday: the federal government observed it on Friday 31 December 2021
        assertThat(federal.isHoliday(date("2021-12-31"))).isTrue();
        assertThat(federal.holidayOn(date("2021-12-31"))).get()
                .isEqualTo(new BusinessCalendar.Holiday("new-years-day", date("2022-01-01"), date("2021-12-31")));
        assertThat(federal.holidaysIn(2022)).extracting(BusinessCalendar.Holiday::observedOn)
                .doesNotContain(date("2022-01-01"), date("2021-12-31"));
        assertThat(federal.nextBusinessDay(date("2021-12-31"))).isEqualTo(date("2022-01-03"));
        assertThat(federal.isHoliday(date("2026-07-03"))).isTrue();
        // the Federal Reserve opens on those Fridays
        assertThat(SHIPPED.isBusinessDay(date("2021-12-31"))).isTrue();
        assertThat(SHIPPED.isBusinessDay(date("2026-07-03"))).isTrue();
        assertThat(calendar(Map.of("independence-day", "07-04")).isHoliday(date("2026-07-03"))).isFalse();
    }

    @Test
    void n_business_days_on_skip_weekends_and_holidays_both_ways() {
        LocalDate wednesdayBeforeThanksgiving = date("2026-11-25");
        assertThat(SHIPPED.plusBusinessDays(wednesdayBeforeThanksgiving, 1)).isEqualTo(date("2026-11-27"));
        assertThat(SHIPPED.plusBusinessDays(wednesdayBeforeThanksgiving, 2)).isEqualTo(date("2026-11-30"));
        assertThat(SHIPPED.plusBusinessDays(date("2026-11-30"), -2)).isEqualTo(wednesdayBeforeThanksgiving);
        assertThat(SHIPPED.plusBusinessDays(date("2026-03-07"), 1)).as("Saturday plus one").isEqualTo(date("2026-03-09"));
        assertThat(SHIPPED.plusBusinessDays(date("2026-03-07"), 0)).isEqualTo(date("2026-03-07"));
        LocalDate friday = date("2026-12-18"); // a business day, two weeks before Christmas and New Year
        for (int n = -30; n <= 30; n++) {
            LocalDate day = SHIPPED.plusBusinessDays(friday, n);
            assertThat(SHIPPED.isBusinessDay(day)).as("%d business days on", n).isTrue();
            assertThat(SHIPPED.plusBusinessDays(day, -n)).as("and back").isEqualTo(friday);
            assertThat(n >= 0 ? SHIPPED.businessDaysBetween(friday, day) : SHIPPED.businessDaysBetween(day, friday))
                    .isEqualTo(Math.abs(n));
        }
    }

    @Test
    void a_due_date_is_sixteen_days_on_moved_to_the_next_business_day() {
        // §25.480(b): at least 16 days after issuance; a weekend or holiday due date moves to the next business day
        assertThat(SHIPPED.dueDate(date("2026-03-02"), 16)).as("lands on a Wednesday").isEqualTo(date("2026-03-18"));
        assertThat(SHIPPED.dueDate(date("2026-03-05"), 16)).as("lands on a Saturday").isEqualTo(date("2026-03-23"));
        assertThat(SHIPPED.dueDate(date("2026-05-09"), 16)).as("lands on Memorial Day").isEqualTo(date("2026-05-26"));
        assertThat(SHIPPED.dueDate(date("2026-12-09"), 16)).as("lands on Christmas, a Friday")
                .isEqualTo(date("2026-12-28"));
        assertThat(SHIPPED.dueDate(date("2022-12-16"), 16)).as("lands on 1 January 2023, a Sunday")
                .isEqualTo(date("2023-01-03"));
        for (LocalDate issued = date("2026-01-01"); issued.getYear() == 2026; issued = issued.plusDays(1)) {
            LocalDate due = SHIPPED.dueDate(issued, 16);
            assertThat(ChronoUnit.DAYS.between(issued, due)).isGreaterThanOrEqualTo(16);
            assertThat(SHIPPED.isBusinessDay(due)).isTrue();
            assertThat(SHIPPED.isBusinessDay(due.minusDays(1)) && due.minusDays(1).isAfter(issued.plusDays(15)))
                    .as("no earlier business day on or after day 16 for %s", issued).isFalse();
        }
        assertThatThrownBy(() -> SHIPPED.dueDate(date("2026-03-02"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_service_adds_a_holiday_and_switches_a_default_off_in_its_own_properties() {
        BusinessCalendar service = shipped(Map.of(
                "platform.calendar.holidays.columbus-day", "none",
                "platform.calendar.holidays.day-of-mourning", "2025-01-09",
                "platform.calendar.holidays.texas-independence-day", "03-02 until 2026"));
        assertThat(SHIPPED.isHoliday(date("2026-10-12"))).isTrue();
        assertThat(service.isBusinessDay(date("2026-10-12"))).isTrue();
        assertThat(service.isHoliday(date("2025-01-09"))).isTrue();
        assertThat(service.isHoliday(date("2026-01-09"))).isFalse();
        assertThat(service.isHoliday(date("2026-03-02"))).isTrue();
        assertThat(service.isHoliday(date("2027-03-02"))).isFalse();
        assertThat(service.isHoliday(date("2026-11-26"))).as("the other defaults stay").isTrue();
    }

    @Test
    void the_weekend_is_configuration() {
        BusinessCalendar sixDays = BusinessCalendar.of(EnumSet.of(DayOfWeek.SUNDAY), Map.of());
        assertThat(sixDays.isBusinessDay(date("2026-03-07"))).isTrue();
        assertThat(sixDays.nextBusinessDay(date("2026-03-08"))).isEqualTo(date("2026-03-09"));
        BusinessCalendar viaConfig = shipped(Map.of("platform.calendar.weekend", "FRIDAY,SATURDAY"));
        assertThat(viaConfig.weekend()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        assertThat(viaConfig.isBusinessDay(date("2026-03-08"))).as("a Sunday").isTrue();
        assertThatThrownBy(() -> BusinessCalendar.of(EnumSet.allOf(DayOfWeek.class), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rules_that_cannot_be_read_are_refused_naming_the_holiday() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("harvest-day", "fifth friday of febtember");
        assertThatThrownBy(() -> calendar(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform.calendar.holidays.harvest-day");
        for (String rule : List.of("", "13-45", "02-30 sunday-to-monday", "07-04 someday", "third monday",
                "sixth monday of may", "2026-02-30", "07-04 from 20x6", "07-04 from 2030 until 2020", "from 2022")) {
            assertThatThrownBy(() -> HolidayRule.parse(rule)).as(rule).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HolidayRule.parse("06-19 Sunday-To-Monday from 2022 until 2030"))
                .isEqualTo(new HolidayRule.FixedDate(java.time.MonthDay.of(6, 19),
                        HolidayRule.Observance.SUNDAY_TO_MONDAY, 2022, 2030));
        assertThat(HolidayRule.parse("last Monday of May"))
                .isEqualTo(new HolidayRule.NthWeekday(-1, DayOfWeek.MONDAY, Month.MAY, null, null));
    }
}
