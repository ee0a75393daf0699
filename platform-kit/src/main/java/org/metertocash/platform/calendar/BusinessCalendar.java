package org.metertocash.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days money moves and market deadlines count: every day but the weekend days and the holidays. One calendar
 * for all services — billing's due dates (16 TAC §25.480(b)), payments' ACH settlement days, dunning's
 * disconnection dates (§25.483) — configured under {@code platform.calendar} (see {@link CalendarConfig}); the
 * default is the Federal Reserve's holiday schedule, on which FedACH does not settle.
 * <p>
 * Pure logic: it holds no clock; callers pass the dates (from the injected {@code Clock}). Immutable and safe to
 * share; observed holidays are computed once per year and kept.
 */
public final class BusinessCalendar {

    /** A holiday and the day it is observed (the same day unless a weekend moved it). */
    public record Holiday(String name, LocalDate date, LocalDate observedOn) {
    }

    /** Longest run of non-business days tolerated before a configuration is declared broken. */
    private static final int MAX_CLOSED_RUN = 370;

    private final Set<DayOfWeek> weekend;
    private final Map<String, HolidayRule> rules;
    private final Map<Integer, Map<LocalDate, Holiday>> observedByYear = new ConcurrentHashMap<>();

    /**
     * @param weekend the days of the week that are never business days (at most six)
     * @param rules   holidays by name
     */
    public BusinessCalendar(Set<DayOfWeek> weekend, Map<String, HolidayRule> rules) {
        if (weekend == null || weekend.size() >= 7) {
            throw new IllegalArgumentException("a week needs at least one business day: weekend " + weekend);
        }
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /**
     * A calendar from configuration text: holiday rules by name as described on {@link HolidayRule}.
     *
     * @throws IllegalArgumentException naming the holiday whose rule cannot be read
     */
    public static BusinessCalendar of(Set<DayOfWeek> weekend, Map<String, String> holidays) {
        Map<String, HolidayRule> rules = new TreeMap<>();
        holidays.forEach((name, rule) -> {
            try {
                rules.put(name, HolidayRule.parse(rule));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("platform.calendar.holidays." + name + ": " + e.getMessage(), e);
            }
        });
        return new BusinessCalendar(weekend, rules);
    }

    public Set<DayOfWeek> weekend() {
        return Collections.unmodifiableSet(weekend);
    }

    /** Whether the day is neither a weekend day nor an observed holiday. */
    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !isHoliday(date);
    }

    /** Whether a holiday is observed on the day (a Saturday holiday under the Federal Reserve rule is not). */
    public boolean isHoliday(LocalDate date) {
        return observedIn(date.getYear()).containsKey(date);
    }

    /** The holiday observed on the day, if any. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(observedIn(date.getYear()).get(date));
    }

    /** The holidays observed in a year, in date order (a holiday of the next year may be observed on 31 December). */
    public List<Holiday> holidaysIn(int year) {
        return new ArrayList<>(observedIn(year).values());
    }

    /** The day itself when it is a business day, else the first business day after it. */
    public LocalDate nextBusinessDay(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < MAX_CLOSED_RUN; i++) {
            if (isBusinessDay(day)) {
                return day;
            }
            day = day.plusDays(1);
        }
        throw closedTooLong(date);
    }

    /** The day itself when it is a business day, else the last business day before it. */
    public LocalDate previousBusinessDay(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < MAX_CLOSED_RUN; i++) {
            if (isBusinessDay(day)) {
                return day;
            }
            day = day.minusDays(1);
        }
        throw closedTooLong(date);
    }

    /**
     * The {@code n}th business day after {@code date} (before it when {@code n} is negative), counting only
     * business days: Friday plus one is Monday, Saturday plus one is Monday, Monday minus one is Friday. With
     * {@code n} = 0 the date is returned as it is.
     */
    public LocalDate plusBusinessDays(LocalDate date, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate day = date;
        for (int remaining = Math.abs(n); remaining > 0; remaining--) {
            int closed = 0;
            do {
                day = day.plusDays(step);
                if (++closed > MAX_CLOSED_RUN) {
                    throw closedTooLong(date);
                }
            } while (!isBusinessDay(day));
        }
        return day;
    }

    /** The number of business days after {@code from} up to and including {@code to} (0 when {@code to} is not after). */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A bill's due date: {@code days} calendar days after issuance, moved to the next business day when that falls
     * on a weekend or holiday. 16 TAC §25.480(b): the due date is at least 16 days after issuance and a weekend or
     * holiday due date moves to the next business day — so callers pass at least 16 for a Texas post-pay bill.
     */
    public LocalDate dueDate(LocalDate issueDate, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a due date cannot come before the bill: " + days + " days");
        }
        return nextBusinessDay(issueDate.plusDays(days));
    }

    private Map<LocalDate, Holiday> observedIn(int year) {
        return observedByYear.computeIfAbsent(year, this::compute);
    }

    private Map<LocalDate, Holiday> compute(int year) {
        // a holiday of a neighbouring year may be observed in this one (1 January on a Saturday is observed on the
        // 31 December before under the federal rule), so look one year either side
        Map<LocalDate, Holiday> observed = new TreeMap<>();
        for (int occurrence = year - 1; occurrence <= year + 1; occurrence++) {
            for (Map.Entry<String, HolidayRule> rule : rules.entrySet()) {
                Optional<LocalDate> on = rule.getValue().observedFor(occurrence);
                if (on.isPresent() && on.get().getYear() == year) {
                    LocalDate actual = rule.getValue().actualIn(occurrence).orElse(on.get());
                    observed.putIfAbsent(on.get(), new Holiday(rule.getKey(), actual, on.get()));
                }
            }
        }
        return Collections.unmodifiableMap(observed);
    }

    private static IllegalStateException closedTooLong(LocalDate from) {
        return new IllegalStateException("no business day within " + MAX_CLOSED_RUN + " days of " + from
                + ": check platform.calendar");
    }

    @Override
    public String toString() {
        return "BusinessCalendar[weekend=" + weekend + ", holidays=" + rules.keySet() + "]";
    }
}
