package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The energy charge of a price sheet: flat, tiered by usage block, or time of use. Rates are in cents per kWh. */
public sealed interface EnergyCharge permits EnergyCharge.Flat, EnergyCharge.Tiered, EnergyCharge.TimeOfUse {

    /** One rate for every kWh. */
    record Flat(BigDecimal centsPerKwh) implements EnergyCharge {
        public Flat {
            requireRate(centsPerKwh, "flat energy charge");
        }
    }

    /**
     * Usage blocks: the kWh from {@code fromKwh} up to {@code toKwh} are charged at the block's rate ("the first
     * 1000 kWh at 13.0¢, every kWh above at 9.0¢"). Blocks start at 0, follow each other without gap or overlap,
     * and the last is open-ended.
     */
    record Tiered(List<Tier> tiers) implements EnergyCharge {
        public Tiered {
            tiers = List.copyOf(tiers);
            if (tiers.isEmpty() || tiers.get(0).fromKwh().signum() != 0) {
                throw new IllegalArgumentException("tiers start at 0 kWh");
            }
            for (int i = 1; i < tiers.size(); i++) {
                if (tiers.get(i - 1).toKwh() == null || tiers.get(i - 1).toKwh().compareTo(tiers.get(i).fromKwh()) != 0) {
                    throw new IllegalArgumentException("tier " + (i + 1) + " does not start where tier " + i + " ends");
                }
            }
            if (tiers.get(tiers.size() - 1).toKwh() != null) {
                throw new IllegalArgumentException("the last tier is open-ended");
            }
        }
    }

    /** One block of a tiered energy charge; {@code toKwh} is null for the last, open-ended block. */
    record Tier(BigDecimal fromKwh, BigDecimal toKwh, BigDecimal centsPerKwh) {
        public Tier {
            Objects.requireNonNull(fromKwh, "fromKwh");
            requireRate(centsPerKwh, "tier");
            if (fromKwh.signum() < 0 || toKwh != null && toKwh.compareTo(fromKwh) <= 0) {
                throw new IllegalArgumentException("a tier runs from a non-negative kWh up to a higher one");
            }
        }
    }

    /**
     * Time of use: named periods, each with its rate, its weekly schedule (which hours of which days are in the
     * period, in the utility's local time) for billing interval usage, and the share of usage the EFL discloses
     * for it (used for the EFL averages and for monthly usage, which cannot be split by the clock). Every hour of
     * the week belongs to exactly one period and the shares add up to 1.
     */
    record TimeOfUse(List<TouPeriod> periods) implements EnergyCharge {
        public TimeOfUse {
            periods = List.copyOf(periods);
            if (periods.isEmpty()) {
                throw new IllegalArgumentException("a time-of-use charge has periods");
            }
            BigDecimal shares = periods.stream().map(TouPeriod::usageShare).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (shares.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("time-of-use usage shares add up to 1, not " + shares);
            }
            periodByHourOfWeek(periods); // every hour of the week in exactly one period
        }

        /** For each hour of the week (Monday 00:00 = 0 … Sunday 23:00 = 167), the index of its period. */
        public int[] periodByHourOfWeek() {
            return periodByHourOfWeek(periods);
        }

        private static int[] periodByHourOfWeek(List<TouPeriod> periods) {
            int[] grid = new int[TouWindow.HOURS_PER_WEEK];
            Arrays.fill(grid, -1);
            for (int p = 0; p < periods.size(); p++) {
                for (TouWindow window : periods.get(p).schedule()) {
                    for (int hour : window.hoursOfWeek()) {
                        if (grid[hour] != -1) {
                            throw new IllegalArgumentException("hour " + TouWindow.describe(hour) + " is in periods "
                                    + periods.get(grid[hour]).name() + " and " + periods.get(p).name());
                        }
                        grid[hour] = p;
                    }
                }
            }
            for (int hour = 0; hour < grid.length; hour++) {
                if (grid[hour] == -1) {
                    throw new IllegalArgumentException("hour " + TouWindow.describe(hour) + " is in no period");
                }
            }
            return grid;
        }
    }

    /** One time-of-use period: its name (e.g. NIGHT), rate, disclosed usage share (0–1) and weekly schedule. */
    record TouPeriod(String name, BigDecimal centsPerKwh, BigDecimal usageShare, List<TouWindow> schedule) {
        public TouPeriod {
            Objects.requireNonNull(name, "name");
            requireRate(centsPerKwh, "period " + name);
            Objects.requireNonNull(usageShare, "usageShare");
            if (usageShare.signum() < 0 || usageShare.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a usage share is between 0 and 1");
            }
            schedule = List.copyOf(schedule);
        }
    }

    /**
     * Hours of some days of the week: from {@code fromHour} (0–23) to {@code toHour} (1–24, exclusive) on each of
     * {@code days}. A window whose end is not after its start runs past midnight into the next day: NIGHT from 22
     * to 6 on FRIDAY covers Friday 22:00–24:00 and Saturday 00:00–06:00.
     */
    record TouWindow(Set<DayOfWeek> days, int fromHour, int toHour) {

        static final int HOURS_PER_WEEK = 7 * 24;

        public TouWindow {
            days = Set.copyOf(days);
            if (days.isEmpty() || fromHour < 0 || fromHour > 23 || toHour < 1 || toHour > 24 || fromHour == toHour) {
                throw new IllegalArgumentException("a window has days and runs from an hour 0–23 to another 1–24");
            }
        }

        /** The hours of the week (Monday 00:00 = 0) the window covers. */
        public int[] hoursOfWeek() {
            int length = toHour > fromHour ? toHour - fromHour : 24 - fromHour + toHour;
            int[] hours = new int[days.size() * length];
            int i = 0;
            for (DayOfWeek day : days) {
                int first = (day.getValue() - 1) * 24 + fromHour;
                for (int h = 0; h < length; h++) {
                    hours[i++] = (first + h) % HOURS_PER_WEEK; // Sunday night runs into Monday morning
                }
            }
            return hours;
        }

        static String describe(int hourOfWeek) {
            return DayOfWeek.of(hourOfWeek / 24 + 1) + String.format(" %02d:00", hourOfWeek % 24);
        }
    }

    private static void requireRate(BigDecimal centsPerKwh, String what) {
        if (centsPerKwh == null || centsPerKwh.signum() < 0) {
            throw new IllegalArgumentException(what + " needs a rate of 0 or more cents per kWh");
        }
    }
}
