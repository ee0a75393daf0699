package org.metertocash.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metertocash.billing.rating.Plans.ONCOR_2023_09;
import static org.metertocash.billing.rating.Plans.d;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Interval usage split into time-of-use periods by the schedule in the utility's local time (America/Chicago):
 * past midnight into the next weekday, and on the 23-hour and 25-hour days of daylight saving time. Every interval
 * is 15 minutes of 0.25 kWh (1 kWh an hour), so each period's kWh is the number of local hours it covered.
 */
class TimeOfUseRatingTest {

    private static List<String> energy(RatePlan plan, String startUtc, int intervals, String from, String to) {
        Usage usage = new Usage.Interval(Instant.parse(startUtc), 15, Collections.nCopies(intervals, d("0.25")));
        RatedBill bill = Rating.rate(new RatingRequest(plan, List.of(ONCOR_2023_09),
                new ServicePeriod(LocalDate.parse(from), LocalDate.parse(to)), 30, usage, TaxSchedule.NONE));
        return bill.lines(LineKind.ENERGY).stream()
                .map(l -> l.code() + " " + l.quantity().stripTrailingZeros().toPlainString() + " kWh "
                        + l.amount().toPlainString())
                .toList();
    }

    @Test
    void friday_evening_usage_past_midnight_is_saturday_night_usage_by_the_local_clock() {
        // Friday 6 Oct 2023 20:00 CDT (UTC−5) = 01:00 UTC on Saturday, for 12 hours to Saturday 08:00 CDT
        assertThat(energy(Plans.freeWeekends(), "2023-10-07T01:00:00Z", 48, "2023-10-06", "2023-10-07"))
                .containsExactly(
                        "ENERGY_DAY 2 kWh 0.32",        // Friday 20–22: 2 kWh × 16.0¢
                        "ENERGY_NIGHT 8 kWh 0.48",      // Friday 22 – Saturday 06: 8 kWh × 6.0¢
                        "ENERGY_WEEKEND 2 kWh 0.00");   // Saturday 06–08
    }

    @Test
    void sunday_night_runs_into_monday_morning() {
        // Sunday 8 Oct 2023 20:00 CDT = Monday 01:00 UTC, for 12 hours to Monday 08:00 CDT
        assertThat(energy(Plans.freeWeekends(), "2023-10-09T01:00:00Z", 48, "2023-10-08", "2023-10-09"))
                .containsExactly(
                        "ENERGY_DAY 2 kWh 0.32",        // Monday 06–08
                        "ENERGY_NIGHT 8 kWh 0.48",      // Sunday 22 – Monday 06
                        "ENERGY_WEEKEND 2 kWh 0.00");   // Sunday 20–22
    }

    @Test
    void the_spring_forward_day_has_one_night_hour_less() {
        // Sunday 10 Mar 2024: 00:00 CST = 06:00 UTC; 02:00 CST jumps to 03:00 CDT, so the day has 23 hours (92 intervals)
        assertThat(energy(Plans.nights(), "2024-03-10T06:00:00Z", 92, "2024-03-10", "2024-03-11"))
                .containsExactly(
                        "ENERGY_NIGHT 5 kWh 0.25",      // 00–02 and 03–06 local: 5 h × 1 kWh × 5.0¢
                        "ENERGY_DAY 18 kWh 2.70");      // 06–24 local: 18 h × 15.0¢
    }

    @Test
    void the_fall_back_morning_has_one_night_hour_more() {
        // Sunday 3 Nov 2024 from 00:00 CDT (05:00 UTC) to 12:00 CST (18:00 UTC): 01:00–02:00 happens twice, 13 hours.
        // (Ending at noon, not midnight, tells a fixed offset apart: it would count 6 night and 7 day hours.)
        assertThat(energy(Plans.nights(), "2024-11-03T05:00:00Z", 13 * 4, "2024-11-03", "2024-11-04"))
                .containsExactly(
                        "ENERGY_NIGHT 7 kWh 0.35",      // 00–06 local with 01–02 twice: 7 h × 5.0¢
                        "ENERGY_DAY 6 kWh 0.90");       // 06–12 local: 6 h × 15.0¢
    }

    @Test
    void days_after_the_fall_back_are_read_on_standard_time() {
        // Friday 1 Nov 2024 00:00 CDT (05:00 UTC) to Thursday 7 Nov 12:00 CST (18:00 UTC): 6 × 24 + 12 + 1 hours
        List<String> week = energy(Plans.nights(), "2024-11-01T05:00:00Z", (6 * 24 + 12 + 1) * 4, "2024-11-01",
                "2024-11-08");
        assertThat(week).containsExactly(
                "ENERGY_NIGHT 43 kWh 2.15",             // 7 nights × 6 h + the repeated hour; 43 × 5.0¢
                "ENERGY_DAY 114 kWh 17.10");            // 6 days × 18 h + 06–12 on the 7th; 114 × 15.0¢
    }

    @Test
    void monthly_usage_on_a_time_of_use_plan_is_split_by_the_disclosed_shares() {
        RatedBill bill = Rating.rate(new RatingRequest(Plans.freeWeekends(), List.of(ONCOR_2023_09),
                new ServicePeriod(LocalDate.parse("2023-10-01"), LocalDate.parse("2023-10-31")), 30,
                new Usage.Monthly(d("1000")), TaxSchedule.NONE));
        assertThat(bill.lines(LineKind.ENERGY)).extracting(l -> l.code() + " " + l.amount().toPlainString())
                .containsExactly(
                        "ENERGY_DAY 80.00",              // 1000 × 0.5 × 16.0¢
                        "ENERGY_NIGHT 18.00",            // 1000 × 0.3 × 6.0¢
                        "ENERGY_WEEKEND 0.00");          // 1000 × 0.2 × 0¢
        assertThat(bill.lines(LineKind.ENERGY)).extracting(BillLine::quantity)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("500"), d("300"), d("200"));
        assertThat(bill.total()).isEqualByComparingTo("152.57"); // 98.00 + 4.23 + 50.34
    }

    @Test
    void interval_usage_on_a_flat_plan_is_rated_on_its_total() {
        Usage usage = new Usage.Interval(Instant.parse("2023-10-01T05:00:00Z"), 15,
                Collections.nCopies(96 * 30, d("0.35")));
        RatedBill bill = Rating.rate(new RatingRequest(Plans.flat("ONCOR", "10.0", null), List.of(ONCOR_2023_09),
                new ServicePeriod(LocalDate.parse("2023-10-01"), LocalDate.parse("2023-10-31")), 30, usage,
                TaxSchedule.NONE));
        assertThat(bill.totalKwh()).isEqualByComparingTo("1008"); // 2880 × 0.35
        assertThat(bill.lines(LineKind.ENERGY).get(0).amount()).isEqualByComparingTo("100.80");
    }
}
