package org.metertocash.edi.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.metertocash.edi.usage.Usage867.Loop;
import org.metertocash.edi.usage.Usage867.Purpose;
import org.metertocash.edi.usage.Usage867.Quantity;
import org.metertocash.x12.Segment;

/**
 * What an 867_03 says about each meter: one {@link MeterUsage} per meter and service period, however many PTD loops
 * and intervals carry it, or the reasons the content makes no business sense although its syntax is valid.
 * <ul>
 * <li>A meter's usage comes from its PL loop (monthly: the kWh quantity marked total, MEA07 51, or else the sum of
 * its kWh quantities; the highest kW quantity is its demand), or from its BO summary and PM detail loops (interval:
 * one kWh quantity per interval, DTM*582 its end). Summary (SU) and unmetered (BC/BD) loops are not a meter's.</li>
 * <li>The service period runs from DTM*150 to DTM*151 (the read dates); interval data covers the start date 00:00
 * to the end date 00:00 in market time, contiguously: on a day when daylight saving time starts or ends a 15-minute
 * meter has 92 or 100 intervals.</li>
 * <li>A read is ESTIMATED when any of its quantities (QTY01 KA) or readings (MEA01 AE/EA/EE) is.</li>
 * <li>Nonsense: a period ending on or before its start, intervals that are not contiguous or do not fill the
 * period, an interval total that disagrees with the stated total, negative kWh on anything but a cancel, a cancel
 * or replace without the reference it restates, no metered usage at all.</li>
 * </ul>
 */
public final class MeterReads {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One meter's usage for one service period. Interval fields are null / empty for monthly usage. */
    public record MeterUsage(String meterNumber, LocalDate periodStart, LocalDate periodEnd, boolean estimated,
            BigDecimal totalKwh, BigDecimal demandKw, Instant intervalStart, Integer intervalMinutes,
            List<BigDecimal> intervalKwh) {

        public String readingQuality() {
            return estimated ? "ESTIMATED" : "ACTUAL";
        }
    }

    /** The meters' usage, or the problems that make the document unusable (then nothing may be published). */
    public record Result(List<MeterUsage> meters, List<String> problems) {

        public boolean sensible() {
            return problems.isEmpty();
        }
    }

    private enum Kind {
        MONTHLY, INTERVAL_SUMMARY, INTERVAL_DETAIL
    }

    private record Interval(Instant end, BigDecimal kwh) {
    }

    /** Everything read for one meter and period across its loops. */
    private static final class Reading {
        final String meterNumber;
        final LocalDate start;
        final LocalDate end;
        boolean estimated;
        final List<BigDecimal> kwh = new ArrayList<>();
        BigDecimal markedTotal;
        BigDecimal demand;
        final List<Interval> intervals = new ArrayList<>();

        Reading(String meterNumber, LocalDate start, LocalDate end) {
            this.meterNumber = meterNumber;
            this.start = start;
            this.end = end;
        }

        /** The stated kWh for the period, if any quantity stated it. */
        Optional<BigDecimal> statedTotal() {
            if (markedTotal != null) {
                return Optional.of(markedTotal);
            }
            return kwh.isEmpty() ? Optional.empty() : Optional.of(kwh.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    public static Result of(Usage867 usage, UsageRules rules) {
        List<String> problems = new ArrayList<>();
        Optional<Purpose> purpose = usage.purpose();
        if (purpose.isEmpty()) {
            problems.add("BPT01 " + usage.purposeCode() + " is not usage: expected 00 original, 01 cancel or 05 replace");
        } else if (purpose.get() != Purpose.ORIGINAL && usage.originalReference() == null) {
            problems.add("a " + purpose.get().name().toLowerCase() + " must quote the usage document it restates "
                    + "(its BPT02) in BPT09");
        }
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Loop loop : usage.loops()) {
            Kind kind = kind(loop.type(), rules);
            if (kind == null) {
                continue;
            }
            read(loop, kind, rules, readings, problems);
        }
        if (readings.isEmpty() && problems.isEmpty()) {
            problems.add("no metered usage: no PTD loop of a meter (" + String.join(", ", rules.meterLoops()) + ", "
                    + String.join(", ", rules.intervalSummaryLoops()) + ", "
                    + String.join(", ", rules.intervalDetailLoops()) + ")");
        }
        List<MeterUsage> meters = new ArrayList<>();
        for (Reading reading : readings.values()) {
            meterUsage(reading, purpose.orElse(null), rules, problems).ifPresent(meters::add);
        }
        return new Result(List.copyOf(meters), List.copyOf(problems));
    }

    private static Kind kind(String type, UsageRules rules) {
        if (rules.meterLoops().contains(type)) {
            return Kind.MONTHLY;
        }
        if (rules.intervalSummaryLoops().contains(type)) {
            return Kind.INTERVAL_SUMMARY;
        }
        return rules.intervalDetailLoops().contains(type) ? Kind.INTERVAL_DETAIL : null;
    }

    private static void read(Loop loop, Kind kind, UsageRules rules, Map<String, Reading> readings,
            List<String> problems) {
        String where = "PTD*" + loop.type() + " (loop " + loop.number() + ")";
        Optional<String> meter = loop.meterNumber();
        if (meter.isEmpty()) {
            problems.add(where + " names no meter (REF*MG)");
            return;
        }
        where = where + " of meter " + meter.get();
        Optional<LocalDate> start = loop.date("150").flatMap(MeterReads::date);
        Optional<LocalDate> end = loop.date("151").flatMap(MeterReads::date);
        if (start.isEmpty() || end.isEmpty()) {
            problems.add(where + " has no service period (DTM*150 and DTM*151)");
            return;
        }
        if (!end.get().isAfter(start.get())) {
            problems.add(where + ": the service period ends (DTM*151 " + end.get() + ") on or before it starts (DTM*150 "
                    + start.get() + ")");
            return;
        }
        Reading reading = readings.computeIfAbsent(meter.get() + "|" + start.get() + "|" + end.get(),
                k -> new Reading(meter.get(), start.get(), end.get()));
        int position = 0;
        for (Quantity quantity : loop.quantities()) {
            position++;
            if (rules.estimatedQuantityQualifiers().contains(quantity.qualifier()) || quantity.measurements().stream()
                    .anyMatch(m -> rules.estimatedReadingCodes().contains(m.element(1)))) {
                reading.estimated = true;
            }
            if ("87".equals(quantity.qualifier())) {
                continue; // energy the premise put on the grid: not consumption
            }
            BigDecimal value;
            try {
                value = new BigDecimal(quantity.value());
            } catch (NumberFormatException e) {
                problems.add(where + ": quantity " + position + " (" + quantity.value() + ") is not a number");
                continue;
            }
            boolean kwh = "KH".equals(quantity.unit());
            if (kind == Kind.INTERVAL_DETAIL) {
                if (!kwh) {
                    continue;
                }
                Optional<Segment> dtm = quantity.date("582");
                if (dtm.isEmpty()) {
                    problems.add(where + ": interval " + position + " has no DTM*582 (the interval's end)");
                    continue;
                }
                try {
                    reading.intervals.add(new Interval(intervalEnd(dtm.get(), rules.marketZone()), value));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add(where + ": interval " + position + ": " + e.getMessage());
                }
            } else if (kwh) {
                reading.kwh.add(value);
                if (quantity.measurements().stream().anyMatch(m -> "51".equals(m.element(7)))) {
                    reading.markedTotal = value;
                }
            } else if ("K1".equals(quantity.unit())) {
                reading.demand = reading.demand == null ? value : reading.demand.max(value);
            }
        }
    }

    private static Optional<MeterUsage> meterUsage(Reading reading, Purpose purpose, UsageRules rules,
            List<String> problems) {
        String meter = "meter " + reading.meterNumber + " (" + reading.start + " to " + reading.end + ")";
        int before = problems.size();
        BigDecimal total;
        Instant intervalStart = null;
        Integer intervalMinutes = null;
        List<BigDecimal> intervalKwh = List.of();
        if (!reading.intervals.isEmpty()) {
            ZoneId zone = rules.marketZone();
            intervalStart = reading.start.atStartOfDay(zone).toInstant();
            intervalMinutes = checkIntervals(meter, reading, intervalStart, reading.end.atStartOfDay(zone).toInstant(),
                    problems);
            intervalKwh = reading.intervals.stream().map(Interval::kwh).toList();
            BigDecimal sum = intervalKwh.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Optional<BigDecimal> stated = reading.statedTotal();
            if (stated.isPresent() && stated.get().subtract(sum).abs().compareTo(rules.intervalTotalTolerance()) > 0) {
                problems.add(meter + ": the stated total " + stated.get().toPlainString()
                        + " kWh is not the sum of its intervals, " + sum.toPlainString() + " kWh");
            }
            total = stated.orElse(sum);
        } else {
            Optional<BigDecimal> stated = reading.statedTotal();
            if (stated.isEmpty()) {
                problems.add(meter + " has no kWh quantity (QTY with unit KH)");
                return Optional.empty();
            }
            total = stated.get();
        }
        if (purpose != Purpose.CANCEL && (total.signum() < 0
                || intervalKwh.stream().anyMatch(kwh -> kwh.signum() < 0))) {
            problems.add(meter + ": negative kWh (" + total.toPlainString()
                    + " in total) where only a cancel (BPT01 01) may carry negative quantities");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MeterUsage(reading.meterNumber, reading.start, reading.end, reading.estimated, total,
                reading.demand, intervalStart, intervalMinutes, intervalKwh));
    }

    /** The interval length, after checking the intervals are contiguous and fill the period exactly. */
    private static Integer checkIntervals(String meter, Reading reading, Instant periodStart, Instant periodEnd,
            List<String> problems) {
        List<Interval> intervals = reading.intervals;
        long minutes = intervals.size() >= 2 ? Duration.between(intervals.get(0).end(), intervals.get(1).end()).toMinutes()
                : Duration.between(periodStart, intervals.get(0).end()).toMinutes();
        if (minutes <= 0 || (24 * 60) % minutes != 0) {
            problems.add(meter + ": intervals " + minutes + " minutes apart are not an interval length that divides a day");
            return null;
        }
        Instant expected = periodStart.plus(Duration.ofMinutes(minutes));
        for (int i = 0; i < intervals.size(); i++) {
            if (!intervals.get(i).end().equals(expected)) {
                problems.add(meter + ": interval " + (i + 1) + " ends at " + intervals.get(i).end() + ", expected "
                        + expected + " (" + minutes + "-minute intervals from the period's start, without gaps)");
                return (int) minutes;
            }
            expected = expected.plus(Duration.ofMinutes(minutes));
        }
        long periodMinutes = Duration.between(periodStart, periodEnd).toMinutes();
        long count = periodMinutes / minutes;
        if (intervals.size() != count) {
            problems.add(meter + ": " + intervals.size() + " intervals of " + minutes + " minutes do not cover the "
                    + "period (" + periodMinutes + " minutes): expected " + count);
        }
        return (int) minutes;
    }

    /** DTM*582 date, time (HHMM or HHMMSS) and time code: the instant an interval ends. */
    static Instant intervalEnd(Segment dtm, ZoneId marketZone) {
        String time = dtm.element(3);
        if (time.length() < 4) {
            throw new IllegalArgumentException("DTM*582 needs the interval's end time (DTM03)");
        }
        LocalDateTime local = LocalDate.parse(dtm.element(2), CCYYMMDD).atTime(LocalTime.of(
                Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2, 4)),
                time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0));
        ZoneId zone = switch (dtm.element(4)) {
            case "" -> marketZone;
            case "UT", "GM" -> ZoneOffset.UTC;
            case "ES" -> ZoneOffset.ofHours(-5);
            case "ED", "AS" -> ZoneOffset.ofHours(-4);
            case "CS", "MD" -> ZoneOffset.ofHours(-6);
            case "CD" -> ZoneOffset.ofHours(-5);
            case "MS", "PD" -> ZoneOffset.ofHours(-7);
            case "PS" -> ZoneOffset.ofHours(-8);
            case "ET" -> ZoneId.of("America/New_York");
            case "CT" -> ZoneId.of("America/Chicago");
            case "MT" -> ZoneId.of("America/Denver");
            case "PT" -> ZoneId.of("America/Los_Angeles");
            default -> throw new IllegalArgumentException("time code " + dtm.element(4) + " is not one of UT, GM, "
                    + "ES/ED/ET, CS/CD/CT, MS/MD/MT, PS/PD/PT");
        };
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static Optional<LocalDate> date(Segment dtm) {
        try {
            return Optional.of(LocalDate.parse(dtm.element(2), CCYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private MeterReads() {
    }
}
