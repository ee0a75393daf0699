package org.metertocash.billing.rating;

/** The unit of a bill line's rate, which says how its quantity is counted. */
public enum RateUnit {
    /** Rate in cents per kWh; quantity in kWh. */
    CENTS_PER_KWH,
    /** Rate in dollars per billing cycle; quantity the fraction of a cycle billed. */
    DOLLARS_PER_CYCLE,
    /** Rate in dollars per month; quantity the fraction of a month billed. */
    DOLLARS_PER_MONTH,
    /** Rate in dollars per day; quantity in days. */
    DOLLARS_PER_DAY,
    /** A fixed amount in dollars; quantity 1. */
    DOLLARS,
    /** Rate in percent; quantity the taxable base in dollars. */
    PERCENT
}
