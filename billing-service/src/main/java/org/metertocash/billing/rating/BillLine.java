package org.metertocash.billing.rating;

import java.math.BigDecimal;

/**
 * One line of a rated bill. {@code amount} is in dollars, rounded to cents half-up (negative for a credit);
 * {@code quantity} and {@code rate} are shown as computed (quantities split by days are shown to four decimals,
 * the amount is computed from the unrounded quantity).
 *
 * @param kind what the line charges for
 * @param code a stable code: {@code ENERGY}, {@code ENERGY_TIER_<n>}, {@code ENERGY_<period name>},
 *        {@code BASE_CHARGE}, {@code DAILY_CHARGE}, {@code FEE_<fee code>}, {@code CREDIT_<credit code>},
 *        {@code TDU_CUSTOMER_CHARGE}, {@code TDU_DELIVERY_CHARGE} (once per tariff in force during the period),
 *        {@code TAX_<tax code>}
 * @param description what a customer reads on the bill
 * @param quantity kWh, days, fraction of a cycle or month, 1, or the taxable base, as {@code unit} says
 * @param unit the unit of {@code rate}
 * @param rate ¢/kWh, $/cycle, $/month, $/day, $ or %
 * @param amount dollars, to the cent
 */
public record BillLine(LineKind kind, String code, String description, BigDecimal quantity, RateUnit unit,
        BigDecimal rate, BigDecimal amount) {
}
