package org.metertocash.bench;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.metertocash.billing.rating.BandedCharge;
import org.metertocash.billing.rating.EnergyCharge;
import org.metertocash.billing.rating.RatePlan;
import org.metertocash.billing.rating.RatedBill;
import org.metertocash.billing.rating.Rating;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.rating.TaxRate;
import org.metertocash.billing.rating.TaxSchedule;
import org.metertocash.billing.rating.TduTariff;
import org.metertocash.billing.rating.Usage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rating function of billing-service ({@link Rating#rate}): one bill per operation, so the score in ops/s is
 * bills per second on one core. Three shapes of bill:
 * <ul>
 * <li>{@code MONTHLY_FLAT}: a monthly read on a flat plan with a base charge, TDU pass-through and three taxes;</li>
 * <li>{@code MONTHLY_BANDED_TARIFF_CHANGE}: a monthly read on a tiered plan with a daily charge, a fee and two
 * stacked credits, over a period spanning a TDU tariff change, with three taxes;</li>
 * <li>{@code INTERVAL_TIME_OF_USE}: 30 days of 15-minute AMS data (2,880 intervals, across the November DST
 * change) split into three time-of-use periods by the weekly schedule, with three taxes.</li>
 * </ul>
 * Requests are built once; each bill is rated from scratch (nothing is cached between calls).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Threads(1)
public class RatingBenchmark {

    @Param({ "MONTHLY_FLAT", "MONTHLY_BANDED_TARIFF_CHANGE", "INTERVAL_TIME_OF_USE" })
    public String bill;

    private RatingRequest request;

    private static final TduTariff ONCOR_2023_09 = new TduTariff("ONCOR", LocalDate.of(2023, 9, 1),
            new BigDecimal("4.23"), new BigDecimal("5.0339"));
    private static final TduTariff ONCOR_2024_03 = new TduTariff("ONCOR", LocalDate.of(2024, 3, 1),
            new BigDecimal("4.50"), new BigDecimal("5.2000"));
    private static final TaxSchedule TAXES = new TaxSchedule("dallas", List.of(
            new TaxRate("city-sales-tax", "City sales tax", new BigDecimal("1.0")),
            new TaxRate("gross-receipts", "Gross receipts tax reimbursement", new BigDecimal("1.997")),
            new TaxRate("puc-assessment", "PUC assessment", new BigDecimal("0.1667"))));

    @Setup
    public void setUp() {
        request = switch (bill) {
            case "MONTHLY_FLAT" -> new RatingRequest(
                    new RatePlan("FIXED-12", "ONCOR", new EnergyCharge.Flat(new BigDecimal("10.0")),
                            new BigDecimal("5.00"), null, List.of(), List.of()),
                    List.of(ONCOR_2023_09), new ServicePeriod(LocalDate.of(2023, 10, 3), LocalDate.of(2023, 11, 2)),
                    30, new Usage.Monthly(new BigDecimal("1234")), TAXES);
            case "MONTHLY_BANDED_TARIFF_CHANGE" -> new RatingRequest(
                    new RatePlan("SAVER-24", "ONCOR", new EnergyCharge.Tiered(List.of(
                            new EnergyCharge.Tier(BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("13.0")),
                            new EnergyCharge.Tier(new BigDecimal("1000"), null, new BigDecimal("9.0")))),
                            null, new BigDecimal("0.30"),
                            List.of(new BandedCharge("MIN-USAGE", "Minimum usage fee", new BigDecimal("8.00"), null,
                                    new BigDecimal("1999"))),
                            List.of(new BandedCharge("USAGE-1000", "Usage credit", new BigDecimal("35"),
                                    new BigDecimal("1000"), null),
                                    new BandedCharge("USAGE-2000", "Usage credit", new BigDecimal("15"),
                                            new BigDecimal("2000"), null))),
                    List.of(ONCOR_2023_09, ONCOR_2024_03),
                    new ServicePeriod(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 21)), 30,
                    new Usage.Monthly(new BigDecimal("1587")), TAXES);
            case "INTERVAL_TIME_OF_USE" -> new RatingRequest(freeWeekends(), List.of(ONCOR_2023_09),
                    new ServicePeriod(LocalDate.of(2024, 10, 20), LocalDate.of(2024, 11, 19)), 30, intervals(), TAXES);
            default -> throw new IllegalArgumentException(bill);
        };
    }

    @Benchmark
    public RatedBill rate() {
        return Rating.rate(request);
    }

    private static RatePlan freeWeekends() {
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return new RatePlan("FREE-WEEKENDS", "ONCOR", new EnergyCharge.TimeOfUse(List.of(
                new EnergyCharge.TouPeriod("DAY", new BigDecimal("16.0"), new BigDecimal("0.5"),
                        List.of(new EnergyCharge.TouWindow(weekdays, 6, 22))),
                new EnergyCharge.TouPeriod("NIGHT", new BigDecimal("6.0"), new BigDecimal("0.3"),
                        List.of(new EnergyCharge.TouWindow(EnumSet.complementOf(EnumSet.of(DayOfWeek.SATURDAY)), 22,
                                6))),
                new EnergyCharge.TouPeriod("WEEKEND", BigDecimal.ZERO, new BigDecimal("0.2"), List.of(
                        new EnergyCharge.TouWindow(EnumSet.of(DayOfWeek.SATURDAY), 6, 24),
                        new EnergyCharge.TouWindow(EnumSet.of(DayOfWeek.SUNDAY), 0, 22))))),
                new BigDecimal("4.95"), null, List.of(), List.of());
    }

    /** 30 days of 15-minute values as an 867_03 carries them (kWh to three decimals), from local midnight. */
    private static Usage intervals() {
        List<BigDecimal> kwh = new ArrayList<>();
        for (int i = 0; i < 96 * 30 + 4; i++) {
            kwh.add(BigDecimal.valueOf(150 + (i * 37) % 400, 3));
        }
        return new Usage.Interval(Instant.parse("2024-10-20T05:00:00Z"), 15, kwh);
    }
}
