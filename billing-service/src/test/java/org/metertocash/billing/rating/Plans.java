package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.metertocash.billing.rating.EnergyCharge.TouPeriod;
import org.metertocash.billing.rating.EnergyCharge.TouWindow;

/** Price sheets and tariffs the rating tests work their bills by hand from. */
final class Plans {

    /** Residential delivery charges effective 2023-09-01 (domain primer). */
    static final TduTariff ONCOR_2023_09 = tariff("ONCOR", "2023-09-01", "4.23", "5.0339");
    static final TduTariff CNP_2023_09 = tariff("CNP", "2023-09-01", "4.39", "5.4694");
    static final TduTariff AEP_TNC_2023_09 = tariff("AEP_TNC", "2023-09-01", "4.79", "5.1265");
    static final TduTariff TNMP_2023_09 = tariff("TNMP", "2023-09-01", "7.85", "6.0465");

    static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static TduTariff tariff(String tdu, String effective, String customerCharge, String centsPerKwh) {
        return new TduTariff(tdu, LocalDate.parse(effective), d(customerCharge), d(centsPerKwh));
    }

    static RatePlan flat(String tdu, String cents, String base) {
        return new RatePlan("FLAT", tdu, new EnergyCharge.Flat(d(cents)), base == null ? null : d(base), null,
                List.of(), List.of());
    }

    /**
     * A minimum-usage fee of $8.00 at ≤ 1999 kWh, a $35 credit at ≥ 1000 kWh and a further $15 at ≥ 2000 kWh, and a
     * $15 credit at ≤ 500 kWh — every band shape the issue names — on 11.5¢ with a $9.95 base charge, CenterPoint.
     */
    static RatePlan banded() {
        return new RatePlan("BANDED", "CNP", new EnergyCharge.Flat(d("11.5")), d("9.95"), null,
                List.of(new BandedCharge("MIN-USAGE", "Minimum usage fee", d("8.00"), null, d("1999"))),
                List.of(new BandedCharge("USAGE-1000", "Usage credit", d("35"), d("1000"), null),
                        new BandedCharge("USAGE-2000", "Additional usage credit", d("15"), d("2000"), null),
                        new BandedCharge("LOW-USE", "Low-use credit", d("15"), null, d("500"))));
    }

    /** The first 1000 kWh at 13.0¢, the rest at 9.0¢, $0.30 a day, AEP Texas North. */
    static RatePlan tiered() {
        return new RatePlan("TIERED", "AEP_TNC", new EnergyCharge.Tiered(List.of(
                new EnergyCharge.Tier(d("0"), d("1000"), d("13.0")),
                new EnergyCharge.Tier(d("1000"), null, d("9.0")))), null, d("0.30"), List.of(), List.of());
    }

    /**
     * Free weekends: DAY 06–22 on weekdays at 16.0¢, NIGHT 22–06 from Sunday night to Saturday morning at 6.0¢ (the
     * windows run past midnight), WEEKEND the rest of Saturday and Sunday at 0¢; EFL shares 0.5 / 0.3 / 0.2. Oncor.
     */
    static RatePlan freeWeekends() {
        return new RatePlan("FREE-WEEKENDS", "ONCOR", new EnergyCharge.TimeOfUse(List.of(
                new TouPeriod("DAY", d("16.0"), d("0.5"), List.of(new TouWindow(WEEKDAYS, 6, 22))),
                new TouPeriod("NIGHT", d("6.0"), d("0.3"), List.of(new TouWindow(
                        EnumSet.complementOf(EnumSet.of(DayOfWeek.SATURDAY)), 22, 6))),
                new TouPeriod("WEEKEND", d("0"), d("0.2"), List.of(
                        new TouWindow(EnumSet.of(DayOfWeek.SATURDAY), 6, 24),
                        new TouWindow(EnumSet.of(DayOfWeek.SUNDAY), 0, 22))))),
                null, null, List.of(), List.of());
    }

    /** NIGHT 00–06 every day at 5.0¢, DAY 06–24 at 15.0¢ (shares 0.3 / 0.7). Oncor. */
    static RatePlan nights() {
        return new RatePlan("NIGHTS", "ONCOR", new EnergyCharge.TimeOfUse(List.of(
                new TouPeriod("NIGHT", d("5.0"), d("0.3"), List.of(new TouWindow(EVERY_DAY, 0, 6))),
                new TouPeriod("DAY", d("15.0"), d("0.7"), List.of(new TouWindow(EVERY_DAY, 6, 24))))),
                null, null, List.of(), List.of());
    }

    private Plans() {
    }
}
