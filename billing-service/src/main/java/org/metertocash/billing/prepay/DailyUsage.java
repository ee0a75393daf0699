package org.metertocash.billing.prepay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.rating.Usage;

/**
 * Splits a meter read's usage into the days a pre-pay account is charged for. Pure: no clock, no database.
 * <ul>
 * <li><b>Interval reads</b>: each interval belongs to the local day (the utility's time zone) its start falls on;
 * a day is the intervals of that day, kept as interval usage so time-of-use rates still apply. Days outside the
 * read's service period ({@code start ≤ day < end}) are left out.</li>
 * <li><b>Monthly reads</b>: only the period's total is known, so it is spread evenly over the period's days, to
 * 0.0001 kWh (the precision of a read); the rounding remainder goes to the last day, so the days add up to the
 * read's total exactly.</li>
 * </ul>
 */
public final class DailyUsage {

    /** One day's usage. */
    public record Day(LocalDate date, Usage usage) {
    }

    static final int KWH_SCALE = 4;

    /** The days of an interval read, in date order. */
    public static List<Day> ofIntervals(ServicePeriod period, Instant start, int minutes, List<BigDecimal> kwh,
            ZoneId zone) {
        Map<LocalDate, List<BigDecimal>> values = new TreeMap<>();
        Map<LocalDate, Instant> firstStart = new TreeMap<>();
        for (int i = 0; i < kwh.size(); i++) {
            Instant at = start.plusSeconds(60L * minutes * i);
            LocalDate day = at.atZone(zone).toLocalDate();
            if (day.isBefore(period.start()) || !day.isBefore(period.end())) {
                continue;
            }
            firstStart.putIfAbsent(day, at);
            values.computeIfAbsent(day, d -> new ArrayList<>()).add(kwh.get(i));
        }
        List<Day> days = new ArrayList<>(values.size());
        values.forEach((day, list) -> days.add(new Day(day, new Usage.Interval(firstStart.get(day), minutes, list))));
        return days;
    }

    /** The days of a monthly read: its total spread evenly, the remainder on the last day. */
    public static List<Day> ofTotal(ServicePeriod period, BigDecimal totalKwh) {
        long count = period.days();
        BigDecimal total = totalKwh.setScale(KWH_SCALE, RoundingMode.HALF_UP);
        BigDecimal perDay = total.divide(BigDecimal.valueOf(count), KWH_SCALE, RoundingMode.DOWN);
        List<Day> days = new ArrayList<>((int) count);
        BigDecimal spread = BigDecimal.ZERO;
        for (long i = 0; i < count; i++) {
            BigDecimal value = i == count - 1 ? total.subtract(spread) : perDay;
            spread = spread.add(value);
            days.add(new Day(period.start().plusDays(i), new Usage.Monthly(value)));
        }
        return days;
    }

    private DailyUsage() {
    }
}
