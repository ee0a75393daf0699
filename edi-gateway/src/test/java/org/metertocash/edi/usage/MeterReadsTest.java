package org.metertocash.edi.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.metertocash.edi.usage.MeterReads.MeterUsage;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

/** What an 867_03 means per meter, and which content makes no business sense: pure logic, no infrastructure. */
class MeterReadsTest {

    static final UsageRules DEFAULTS = new UsageRules() {
        @Override
        public Set<String> initialReadReportTypes() {
            return Set.of("IR");
        }

        @Override
        public Set<String> meterLoops() {
            return Set.of("PL");
        }

        @Override
        public Set<String> intervalSummaryLoops() {
            return Set.of("BO");
        }

        @Override
        public Set<String> intervalDetailLoops() {
            return Set.of("PM");
        }

        @Override
        public Set<String> estimatedQuantityQualifiers() {
            return Set.of("KA");
        }

        @Override
        public Set<String> estimatedReadingCodes() {
            return Set.of("AE", "EA", "EE");
        }

        @Override
        public ZoneId marketZone() {
            return ZoneId.of("America/Chicago");
        }

        @Override
        public BigDecimal intervalTotalTolerance() {
            return new BigDecimal("0.01");
        }
    };

    private static final String ESI_ID = "10443721000000001";
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    private final TdspFiles tdsp = new TdspFiles();
    private final X12Reader reader = new X12Reader(new X12Schemas());

    MeterReads.Result interpret(TdspFiles.Usage usage) {
        TransactionSet set = reader.read(tdsp.file(usage)).interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.errors()).isEmpty();
        return MeterReads.of(Usage867.read(set), DEFAULTS);
    }

    @Test
    void two_monthly_meters_are_two_reads_with_their_totals_demand_and_quality() {
        MeterReads.Result result = interpret(tdsp.usage(ESI_ID,
                TdspFiles.MeterUsage.monthly("M1", JUNE, JULY, new BigDecimal("1234.5"))
                        .withReadings(new BigDecimal("40000"), new BigDecimal("41234.5")),
                TdspFiles.MeterUsage.monthly("M2", JUNE, JULY, new BigDecimal("310")).withDemand(new BigDecimal("7.25"))
                        .asEstimated()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.meters()).extracting(MeterUsage::meterNumber, MeterUsage::readingQuality,
                MeterUsage::intervalStart).containsExactly(org.assertj.core.groups.Tuple.tuple("M1", "ACTUAL", null),
                        org.assertj.core.groups.Tuple.tuple("M2", "ESTIMATED", null));
        assertThat(result.meters().get(0).totalKwh()).isEqualByComparingTo("1234.5");
        assertThat(result.meters().get(0).demandKw()).isNull();
        assertThat(result.meters().get(1).demandKw()).isEqualByComparingTo("7.25");
        assertThat(result.meters().get(1).intervalKwh()).isEmpty();
    }

    @Test
    void a_month_of_15_minute_intervals_is_one_read_with_every_value_in_order() {
        List<BigDecimal> values = TdspFiles.intervalProfile("x", JUNE, JULY, 15);
        MeterReads.Result result = interpret(tdsp.usage(ESI_ID,
                TdspFiles.MeterUsage.interval("M1", JUNE, JULY, 15, values)));

        assertThat(result.problems()).isEmpty();
        MeterUsage read = result.meters().get(0);
        assertThat(read.intervalKwh()).hasSize(96 * 30).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(values);
        assertThat(read.intervalMinutes()).isEqualTo(15);
        assertThat(read.intervalStart()).isEqualTo(Instant.parse("2026-06-01T05:00:00Z"));
        assertThat(read.totalKwh()).isEqualByComparingTo(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void the_days_daylight_saving_time_starts_and_ends_have_92_and_100_quarter_hours() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        for (LocalDate day : List.of(springForward, fallBack)) {
            List<BigDecimal> values = TdspFiles.intervalProfile("dst", day, day.plusDays(1), 15);
            MeterReads.Result result = interpret(tdsp.usage(ESI_ID,
                    TdspFiles.MeterUsage.interval("M1", day, day.plusDays(1), 15, values)));
            assertThat(result.problems()).isEmpty();
            assertThat(result.meters().get(0).intervalKwh()).hasSize(day.equals(springForward) ? 92 : 100);
        }
    }

    @Test
    void a_period_ending_before_it_starts_makes_no_sense() {
        MeterReads.Result result = interpret(tdsp.usage(ESI_ID,
                TdspFiles.MeterUsage.monthly("M1", JULY, JUNE, new BigDecimal("100"))));
        assertThat(result.sensible()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("ends (DTM*151 2026-06-01) on or before");
        assertThat(result.meters()).isEmpty();
    }

    @Test
    void intervals_that_do_not_fill_the_period_make_no_sense() {
        List<BigDecimal> day = TdspFiles.intervalProfile("x", JUNE, JUNE.plusDays(1), 15);
        MeterReads.Result result = interpret(tdsp.usage(ESI_ID,
                TdspFiles.MeterUsage.interval("M1", JUNE, JUNE.plusDays(2), 15, day)));
        assertThat(result.problems()).singleElement().asString()
                .contains("96 intervals of 15 minutes do not cover the period (2880 minutes): expected 192");
    }

    @Test
    void intervals_with_a_gap_make_no_sense() {
        List<BigDecimal> values = new ArrayList<>(TdspFiles.intervalProfile("x", JUNE, JUNE.plusDays(1), 15));
        TdspFiles.Usage usage = tdsp.usage(ESI_ID, TdspFiles.MeterUsage.interval("M1", JUNE, JUNE.plusDays(1), 15,
                values));
        // drop the tenth interval's QTY and DTM: the eleventh follows the ninth
        List<org.metertocash.x12.Segment> body = new ArrayList<>(tdsp.body(usage));
        int pm = body.indexOf(body.stream().filter(s -> s.is("PTD", 1, "PM")).findFirst().orElseThrow());
        int tenth = pm + 4 + 2 * 9;
        body.remove(tenth);
        body.remove(tenth);
        MeterReads.Result result = MeterReads.of(Usage867.read(new TransactionSet("867", "0001", body, List.of())),
                DEFAULTS);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("interval 10 ends at 2026-06-01T07:45:00Z,"
                + " expected 2026-06-01T07:30:00Z"));
    }

    @Test
    void an_interval_total_that_is_not_the_sum_of_the_intervals_makes_no_sense() {
        List<BigDecimal> values = TdspFiles.intervalProfile("x", JUNE, JUNE.plusDays(1), 15);
        MeterReads.Result result = interpret(tdsp.usage(ESI_ID, TdspFiles.MeterUsage
                .interval("M1", JUNE, JUNE.plusDays(1), 15, values).withTotal(new BigDecimal("1000"))));
        assertThat(result.problems()).singleElement().asString().contains("is not the sum of its intervals");
    }

    @Test
    void negative_kwh_makes_sense_only_in_a_cancel() {
        TdspFiles.Usage negative = tdsp.usage(ESI_ID, TdspFiles.MeterUsage.monthly("M1", JUNE, JULY,
                new BigDecimal("-12")));
        assertThat(interpret(negative).problems()).singleElement().asString().contains("negative kWh");
        assertThat(interpret(tdsp.cancel(negative)).problems()).isEmpty();
    }

    @Test
    void a_replace_must_name_what_it_replaces() {
        TdspFiles.Usage original = tdsp.monthlyUsage(ESI_ID, "M1", JUNE, JULY, BigDecimal.TEN);
        TdspFiles.Usage replace = tdsp.replace(original, TdspFiles.MeterUsage.monthly("M1", JUNE, JULY,
                BigDecimal.ONE));
        assertThat(interpret(replace).problems()).isEmpty();
        TdspFiles.Usage unnamed = new TdspFiles.Usage(ESI_ID, replace.reference(), replace.documentDate(),
                TdspFiles.Purpose.REPLACE, null, false, "DD", replace.meters());
        assertThat(interpret(unnamed).problems()).singleElement().asString().contains("BPT09");
    }
}
