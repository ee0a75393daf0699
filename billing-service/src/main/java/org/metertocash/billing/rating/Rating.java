package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.metertocash.billing.rating.EnergyCharge.Flat;
import org.metertocash.billing.rating.EnergyCharge.Tier;
import org.metertocash.billing.rating.EnergyCharge.Tiered;
import org.metertocash.billing.rating.EnergyCharge.TimeOfUse;
import org.metertocash.billing.rating.EnergyCharge.TouPeriod;

/**
 * Rates a service period: a pure function of its {@link RatingRequest} — no clock, no database — so the same
 * inputs always give the same bill, and re-rating a period reproduces its bill exactly.
 *
 * <ul>
 * <li><b>Energy</b> by the plan's structure. Time of use splits interval usage into periods by the weekly schedule
 * read in the utility's local time (each interval belongs to the period of the local hour it starts in, so the
 * 23-hour and 25-hour days of daylight saving time and intervals past midnight fall where the clock on the wall
 * says); monthly usage on a time-of-use plan is split by the shares the EFL discloses.</li>
 * <li><b>Base charge</b> per billing cycle, prorated by days when the period is shorter than the account's
 * cycle ({@code base × days / cycleDays}); <b>daily charge</b> × days.</li>
 * <li><b>Fees and credits</b> whose inclusive kWh band holds the period's usage (§25.475 EFL components; "≤ 1999
 * kWh" means no fee at exactly 2000). They are per billing cycle and not prorated.</li>
 * <li><b>TDU charges</b> passed through from the tariff in force — the latest version effective on or before a
 * day. A period spanning a tariff change is split by days: each version charges its days' share of the
 * customer charge and of the usage.</li>
 * <li><b>Taxes and assessments</b>: one line per configured percentage, on the taxable base (the sum of the rounded
 * lines above, never below zero).</li>
 * </ul>
 * Amounts are {@code BigDecimal} throughout; each line is rounded to cents half-up once, and totals add the rounded
 * lines.
 */
public final class Rating {

    /** Precision of the few divisions (proration by days): far beyond a cent, so rounding to cents stays exact. */
    static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal ZERO_DOLLARS = BigDecimal.ZERO.setScale(2);
    private static final int SHOWN_SCALE = 4;

    public static RatedBill rate(RatingRequest request) {
        List<Charge> charges = charges(request);
        List<BillLine> lines = new ArrayList<>(charges.size() + request.taxes().rates().size());
        BigDecimal chargesTotal = ZERO_DOLLARS;
        for (Charge charge : charges) {
            BillLine line = charge.toLine();
            lines.add(line);
            chargesTotal = chargesTotal.add(line.amount());
        }
        BigDecimal taxable = chargesTotal.max(ZERO_DOLLARS);
        BigDecimal taxTotal = ZERO_DOLLARS;
        for (TaxRate tax : request.taxes().rates()) {
            BigDecimal amount = taxable.multiply(tax.percent()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            lines.add(new BillLine(LineKind.TAX, "TAX_" + codeOf(tax.code()), tax.description(), taxable,
                    RateUnit.PERCENT, tax.percent(), amount));
            taxTotal = taxTotal.add(amount);
        }
        return new RatedBill(request.period(), request.period().days(), request.usage().totalKwh(), lines,
                chargesTotal, taxTotal, chargesTotal.add(taxTotal));
    }

    /** Every charge of the period before rounding, in bill order, taxes excluded. */
    static List<Charge> charges(RatingRequest request) {
        RatePlan plan = request.plan();
        BigDecimal kwh = request.usage().totalKwh();
        long days = request.period().days();
        List<Charge> charges = new ArrayList<>();
        energy(plan.energy(), request.usage(), request.zone(), charges);
        if (plan.baseCharge() != null && plan.baseCharge().signum() != 0) {
            BigDecimal base = plan.baseCharge();
            if (days >= request.cycleDays()) {
                charges.add(new Charge(LineKind.BASE_CHARGE, "BASE_CHARGE", "Base charge", BigDecimal.ONE,
                        RateUnit.DOLLARS_PER_CYCLE, base, base));
            } else {
                BigDecimal cycles = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(request.cycleDays()), EXACT);
                charges.add(new Charge(LineKind.BASE_CHARGE, "BASE_CHARGE",
                        "Base charge, " + days + " of " + request.cycleDays() + " days",
                        shown(cycles), RateUnit.DOLLARS_PER_CYCLE, base,
                        base.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(request.cycleDays()), EXACT)));
            }
        }
        if (plan.dailyCharge() != null && plan.dailyCharge().signum() != 0) {
            charges.add(new Charge(LineKind.DAILY_CHARGE, "DAILY_CHARGE", "Daily charge, " + days + " days",
                    BigDecimal.valueOf(days), RateUnit.DOLLARS_PER_DAY, plan.dailyCharge(),
                    plan.dailyCharge().multiply(BigDecimal.valueOf(days))));
        }
        for (BandedCharge fee : plan.fees()) {
            if (fee.appliesTo(kwh)) {
                charges.add(new Charge(LineKind.FEE, "FEE_" + codeOf(fee.code()), fee.description(), BigDecimal.ONE,
                        RateUnit.DOLLARS, fee.amount(), fee.amount()));
            }
        }
        for (BandedCharge credit : plan.credits()) {
            if (credit.appliesTo(kwh)) {
                charges.add(new Charge(LineKind.CREDIT, "CREDIT_" + codeOf(credit.code()), credit.description(),
                        BigDecimal.ONE, RateUnit.DOLLARS, credit.amount().negate(), credit.amount().negate()));
            }
        }
        deliveryCharges(request, kwh, days, charges);
        return charges;
    }

    private static void energy(EnergyCharge energy, Usage usage, ZoneId zone, List<Charge> charges) {
        BigDecimal kwh = usage.totalKwh();
        if (energy instanceof Flat flat) {
            charges.add(energyCharge("ENERGY", "Energy charge", kwh, flat.centsPerKwh()));
        } else if (energy instanceof Tiered tiered) {
            List<Tier> tiers = tiered.tiers();
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                BigDecimal above = kwh.subtract(tier.fromKwh());
                if (i > 0 && above.signum() <= 0) {
                    break;
                }
                BigDecimal inTier = tier.toKwh() == null ? above : above.min(tier.toKwh().subtract(tier.fromKwh()));
                String band = tier.toKwh() == null
                        ? "above " + tier.fromKwh().toPlainString() + " kWh"
                        : tier.fromKwh().toPlainString() + "–" + tier.toKwh().toPlainString() + " kWh";
                charges.add(energyCharge("ENERGY_TIER_" + (i + 1), "Energy charge, " + band, inTier.max(BigDecimal.ZERO),
                        tier.centsPerKwh()));
            }
        } else if (energy instanceof TimeOfUse tou) {
            BigDecimal[] byPeriod = usage instanceof Usage.Interval interval
                    ? byClock(tou, interval, zone)
                    : byShares(tou, kwh);
            for (int p = 0; p < tou.periods().size(); p++) {
                TouPeriod period = tou.periods().get(p);
                charges.add(energyCharge("ENERGY_" + codeOf(period.name()), "Energy charge, " + period.name()
                        + (usage instanceof Usage.Interval ? "" : " (" + period.usageShare().movePointRight(2)
                                .stripTrailingZeros().toPlainString() + "% of usage)"),
                        byPeriod[p], period.centsPerKwh()));
            }
        } else {
            throw new IllegalArgumentException("unknown energy charge " + energy);
        }
    }

    private static Charge energyCharge(String code, String description, BigDecimal kwh, BigDecimal centsPerKwh) {
        return new Charge(LineKind.ENERGY, code, description, kwh, RateUnit.CENTS_PER_KWH, centsPerKwh,
                kwh.multiply(centsPerKwh).movePointLeft(2));
    }

    /** Monthly usage cannot be split by the clock: the EFL's disclosed shares split it. */
    private static BigDecimal[] byShares(TimeOfUse tou, BigDecimal kwh) {
        BigDecimal[] byPeriod = new BigDecimal[tou.periods().size()];
        for (int p = 0; p < byPeriod.length; p++) {
            byPeriod[p] = kwh.multiply(tou.periods().get(p).usageShare());
        }
        return byPeriod;
    }

    /**
     * Each interval goes to the period of the local hour it starts in. Local time is the instant plus the zone's
     * offset at that instant; the offset is looked up again only when a transition (DST change) is passed.
     */
    static BigDecimal[] byClock(TimeOfUse tou, Usage.Interval usage, ZoneId zone) {
        int[] periodOfHour = tou.periodByHourOfWeek();
        BigDecimal[] byPeriod = new BigDecimal[tou.periods().size()];
        Arrays.fill(byPeriod, BigDecimal.ZERO);
        ZoneRules rules = zone.getRules();
        long start = usage.start().getEpochSecond();
        long step = usage.minutes() * 60L;
        long offsetValidUntil = Long.MIN_VALUE;
        long offset = 0;
        List<BigDecimal> values = usage.kwh();
        for (int i = 0; i < values.size(); i++) {
            long instant = start + i * step;
            if (instant >= offsetValidUntil) {
                Instant at = Instant.ofEpochSecond(instant);
                offset = rules.getOffset(at).getTotalSeconds();
                ZoneOffsetTransition next = rules.nextTransition(at);
                offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            }
            long local = instant + offset;
            long day = Math.floorDiv(local, 86_400L);
            int hour = (int) (Math.floorMod(local, 86_400L) / 3_600L);
            int weekday = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; Monday = 0
            int p = periodOfHour[weekday * 24 + hour];
            byPeriod[p] = byPeriod[p].add(values.get(i));
        }
        return byPeriod;
    }

    /**
     * TDU pass-through: the customer charge per month (prorated like the base charge) and the delivery charge per
     * kWh, from the tariff in force each day. When a new version takes effect during the period, each version
     * charges its share of days: {@code customer × its days / max(days, cycleDays)} and
     * {@code kWh × its days / days × ¢/kWh}.
     */
    private static void deliveryCharges(RatingRequest request, BigDecimal kwh, long days, List<Charge> charges) {
        String tdu = request.plan().tdu();
        LocalDate start = request.period().start();
        LocalDate end = request.period().end();
        List<TduTariff> versions = request.tariffs().stream().filter(t -> t.tdu().equals(tdu))
                .sorted(Comparator.comparing(TduTariff::effectiveDate)).distinct().toList();
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).effectiveDate().equals(versions.get(i - 1).effectiveDate())) {
                throw new IllegalArgumentException("two " + tdu + " tariffs effective " + versions.get(i).effectiveDate());
            }
        }
        int current = -1;
        for (int i = 0; i < versions.size() && !versions.get(i).effectiveDate().isAfter(start); i++) {
            current = i;
        }
        if (current < 0) {
            throw new IllegalArgumentException("no " + tdu + " delivery tariff in force on " + start);
        }
        long proratedOverDays = Math.max(days, request.cycleDays());
        BigDecimal proratedOver = BigDecimal.valueOf(proratedOverDays);
        BigDecimal periodDays = BigDecimal.valueOf(days);
        List<Charge> delivery = new ArrayList<>();
        LocalDate from = start;
        while (from.isBefore(end)) {
            TduTariff tariff = versions.get(current);
            boolean changes = current + 1 < versions.size() && versions.get(current + 1).effectiveDate().isBefore(end);
            LocalDate until = changes ? versions.get(current + 1).effectiveDate() : end;
            long segmentDays = ChronoUnit.DAYS.between(from, until);
            BigDecimal share = BigDecimal.valueOf(segmentDays);
            String source = tdu + " tariff of " + tariff.effectiveDate();
            if (segmentDays == proratedOverDays) {
                charges.add(new Charge(LineKind.TDU_CUSTOMER_CHARGE, "TDU_CUSTOMER_CHARGE",
                        "TDU customer charge (" + source + ")", BigDecimal.ONE, RateUnit.DOLLARS_PER_MONTH,
                        tariff.customerCharge(), tariff.customerCharge()));
            } else {
                charges.add(new Charge(LineKind.TDU_CUSTOMER_CHARGE, "TDU_CUSTOMER_CHARGE",
                        "TDU customer charge (" + source + ", " + segmentDays + " of " + proratedOverDays + " days)",
                        shown(share.divide(proratedOver, EXACT)), RateUnit.DOLLARS_PER_MONTH, tariff.customerCharge(),
                        tariff.customerCharge().multiply(share).divide(proratedOver, EXACT)));
            }
            if (segmentDays == days) {
                delivery.add(new Charge(LineKind.TDU_DELIVERY_CHARGE, "TDU_DELIVERY_CHARGE",
                        "TDU delivery charge (" + source + ")", kwh, RateUnit.CENTS_PER_KWH,
                        tariff.deliveryCentsPerKwh(), kwh.multiply(tariff.deliveryCentsPerKwh()).movePointLeft(2)));
            } else {
                delivery.add(new Charge(LineKind.TDU_DELIVERY_CHARGE, "TDU_DELIVERY_CHARGE",
                        "TDU delivery charge (" + source + ", " + segmentDays + " of " + days + " days)",
                        shown(kwh.multiply(share).divide(periodDays, EXACT)), RateUnit.CENTS_PER_KWH,
                        tariff.deliveryCentsPerKwh(), kwh.multiply(share).multiply(tariff.deliveryCentsPerKwh())
                                .movePointLeft(2).divide(periodDays, EXACT)));
            }
            from = until;
            current++;
        }
        charges.addAll(delivery);
    }

    private static BigDecimal shown(BigDecimal value) {
        return value.setScale(SHOWN_SCALE, RoundingMode.HALF_UP);
    }

    /** A line code from a name: upper case, anything but letters and digits as underscores. */
    static String codeOf(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private Rating() {
    }
}
