package org.metertocash.platform.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one holiday falls in a given year, written as operators write it in configuration
 * ({@code platform.calendar.holidays.<name>=<rule>}):
 * <ul>
 * <li>{@code 07-04} — a fixed date (month-day), not moved when it falls on a weekend;</li>
 * <li>{@code 07-04 sunday-to-monday} — moved to Monday when it falls on a Sunday, not observed when it falls on a
 * Saturday (the Federal Reserve's rule: the Reserve Banks, and so ACH settlement, are open the Friday before a
 * Saturday holiday);</li>
 * <li>{@code 07-04 nearest-weekday} — Saturday moves to Friday, Sunday to Monday (the federal government's rule,
 * 5 U.S.C. 6103(b));</li>
 * <li>{@code fourth thursday of november}, {@code last monday of may} — the nth (first … fifth, or last) weekday of
 * a month;</li>
 * <li>{@code 2025-01-09} — a one-off date;</li>
 * <li>{@code none} — no holiday (to switch off a default in a service's own configuration).</li>
 * </ul>
 * A recurring rule may end with {@code from <year>} and/or {@code until <year>} (Juneteenth is a Federal Reserve
 * holiday from 2022).
 */
public sealed interface HolidayRule {

    /** The day the holiday is observed (not worked) for its occurrence in {@code year}; may lie in an adjacent year. */
    Optional<LocalDate> observedFor(int year);

    /** The holiday's own date in {@code year}, before any move to an observed weekday. */
    Optional<LocalDate> actualIn(int year);

    /** How a fixed-date holiday that falls on a weekend is observed. */
    enum Observance {
        /** Not moved: a weekend holiday is simply a weekend day. */
        NONE,
        /** Sunday to the following Monday; a Saturday holiday is not observed (Federal Reserve). */
        SUNDAY_TO_MONDAY,
        /** Saturday to the Friday before, Sunday to the Monday after (US federal government). */
        NEAREST_WEEKDAY;

        LocalDate observe(LocalDate date) {
            DayOfWeek day = date.getDayOfWeek();
            return switch (this) {
                case NONE -> date;
                case SUNDAY_TO_MONDAY -> day == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
                case NEAREST_WEEKDAY -> day == DayOfWeek.SUNDAY ? date.plusDays(1)
                        : day == DayOfWeek.SATURDAY ? date.minusDays(1) : date;
            };
        }
    }

    /** A holiday on the same month and day every year. */
    record FixedDate(MonthDay monthDay, Observance observance, Integer fromYear, Integer untilYear)
            implements HolidayRule {

        @Override
        public Optional<LocalDate> actualIn(int year) {
            if (!inForce(year, fromYear, untilYear) || !monthDay.isValidYear(year)) {
                return Optional.empty();
            }
            return Optional.of(monthDay.atYear(year));
        }

        @Override
        public Optional<LocalDate> observedFor(int year) {
            Optional<LocalDate> actual = actualIn(year);
            if (actual.isEmpty()) {
                return actual;
            }
            if (observance == Observance.SUNDAY_TO_MONDAY && actual.get().getDayOfWeek() == DayOfWeek.SATURDAY) {
                return Optional.empty(); // the Reserve Banks are open the Friday before
            }
            return Optional.of(observance.observe(actual.get()));
        }
    }

    /** The nth weekday of a month ({@code ordinal} 1 to 5), or the last one ({@code ordinal} -1). */
    record NthWeekday(int ordinal, DayOfWeek dayOfWeek, Month month, Integer fromYear, Integer untilYear)
            implements HolidayRule {

        @Override
        public Optional<LocalDate> actualIn(int year) {
            if (!inForce(year, fromYear, untilYear)) {
                return Optional.empty();
            }
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date = ordinal < 0 ? first.with(TemporalAdjusters.lastInMonth(dayOfWeek))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, dayOfWeek));
            // a fifth weekday that does not exist rolls into the next month: no holiday that year
            return date.getMonth() == month ? Optional.of(date) : Optional.empty();
        }

        @Override
        public Optional<LocalDate> observedFor(int year) {
            return actualIn(year); // always a weekday already
        }
    }

    /** A holiday declared for one date only (a national day of mourning, say). */
    record OneOff(LocalDate date) implements HolidayRule {

        @Override
        public Optional<LocalDate> actualIn(int year) {
            return date.getYear() == year ? Optional.of(date) : Optional.empty();
        }

        @Override
        public Optional<LocalDate> observedFor(int year) {
            return actualIn(year);
        }
    }

    /** The rule that switches a configured holiday off. */
    record None() implements HolidayRule {

        @Override
        public Optional<LocalDate> actualIn(int year) {
            return Optional.empty();
        }

        @Override
        public Optional<LocalDate> observedFor(int year) {
            return Optional.empty();
        }
    }

    private static boolean inForce(int year, Integer from, Integer until) {
        return (from == null || year >= from) && (until == null || year <= until);
    }

    /**
     * Reads a rule written as described on {@link HolidayRule}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    static HolidayRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a holiday rule is empty");
        }
        List<String> words = new ArrayList<>(List.of(text.trim().toLowerCase(Locale.ROOT).split("\\s+")));
        if (words.size() == 1 && words.get(0).equals("none")) {
            return new None();
        }
        if (words.size() == 1 && words.get(0).matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return new OneOff(LocalDate.parse(words.get(0)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date", e);
            }
        }
        // "from 2022", "until 2030", in either order, at the end
        Integer until = trailingYear(words, "until", text);
        Integer from = trailingYear(words, "from", text);
        if (until == null) {
            until = trailingYear(words, "until", text);
        }
        if (from != null && until != null && from > until) {
            throw new IllegalArgumentException("'" + text + "' ends before it starts");
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a holiday rule");
        }
        if (words.get(0).matches("\\d{2}-\\d{2}")) {
            MonthDay monthDay;
            try {
                monthDay = MonthDay.parse("--" + words.get(0));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + words.get(0) + "' in '" + text + "' is not a month-day (MM-DD)", e);
            }
            Observance observance = switch (words.size()) {
                case 1 -> Observance.NONE;
                case 2 -> switch (words.get(1)) {
                    case "sunday-to-monday" -> Observance.SUNDAY_TO_MONDAY;
                    case "nearest-weekday" -> Observance.NEAREST_WEEKDAY;
                    case "not-moved" -> Observance.NONE;
                    default -> throw new IllegalArgumentException("'" + words.get(1) + "' in '" + text
                            + "' is not an observance (sunday-to-monday, nearest-weekday, not-moved)");
                };
                default -> throw new IllegalArgumentException("'" + text + "' is not a holiday rule");
            };
            return new FixedDate(monthDay, observance, from, until);
        }
        if (words.size() == 4 && words.get(2).equals("of")) {
            int ordinal = switch (words.get(0)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                case "fourth", "4th" -> 4;
                case "fifth", "5th" -> 5;
                case "last" -> -1;
                default -> throw new IllegalArgumentException("'" + words.get(0) + "' in '" + text
                        + "' is not first, second, third, fourth, fifth or last");
            };
            DayOfWeek day;
            Month month;
            try {
                day = DayOfWeek.valueOf(words.get(1).toUpperCase(Locale.ROOT));
                month = Month.valueOf(words.get(3).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' must name a weekday and a month in English", e);
            }
            return new NthWeekday(ordinal, day, month, from, until);
        }
        throw new IllegalArgumentException("'" + text + "' is not a holiday rule: write MM-DD [sunday-to-monday|"
                + "nearest-weekday], <first…fifth|last> <weekday> of <month>, YYYY-MM-DD or none, optionally "
                + "followed by 'from YYYY' and/or 'until YYYY'");
    }

    private static Integer trailingYear(List<String> words, String keyword, String text) {
        int size = words.size();
        if (size >= 3 && words.get(size - 2).equals(keyword)) {
            String year = words.get(size - 1);
            if (!year.matches("\\d{4}")) {
                throw new IllegalArgumentException("'" + year + "' after '" + keyword + "' in '" + text
                        + "' is not a year");
            }
            words.remove(size - 1);
            words.remove(size - 2);
            return Integer.valueOf(year);
        }
        return null;
    }
}
