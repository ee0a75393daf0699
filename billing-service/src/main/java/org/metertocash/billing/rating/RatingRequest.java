package org.metertocash.billing.rating;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a bill depends on, and nothing else.
 *
 * @param plan the product's price sheet
 * @param tariffs versions of the plan's TDU tariff: at least the one in force on the period's start and any that
 *        take effect during the period (others, and other TDUs' versions, are ignored)
 * @param period the service period
 * @param cycleDays the length of the account's regular bill cycle in days: a shorter period pays the base charge
 *        and the TDU customer charge prorated by days, a period at least this long pays them in full
 * @param usage the period's usage
 * @param taxes the taxes and assessments of the premise's jurisdiction
 * @param zone the utility's time zone, in which time-of-use schedules are read
 */
public record RatingRequest(RatePlan plan, List<TduTariff> tariffs, ServicePeriod period, int cycleDays, Usage usage,
        TaxSchedule taxes, ZoneId zone) {

    /** ERCOT's utilities read their schedules in Central time. */
    public static final ZoneId ERCOT_ZONE = ZoneId.of("America/Chicago");

    public RatingRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(zone, "zone");
        tariffs = List.copyOf(tariffs);
        taxes = taxes == null ? TaxSchedule.NONE : taxes;
        if (cycleDays < 1) {
            throw new IllegalArgumentException("a bill cycle has at least one day");
        }
    }

    /** A request in ERCOT's time zone. */
    public RatingRequest(RatePlan plan, List<TduTariff> tariffs, ServicePeriod period, int cycleDays, Usage usage,
            TaxSchedule taxes) {
        this(plan, tariffs, period, cycleDays, usage, taxes, ERCOT_ZONE);
    }
}
