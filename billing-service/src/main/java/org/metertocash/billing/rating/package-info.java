/**
 * Rating: the pure function from a price sheet, the wires utility's tariffs, a service period and its usage to
 * bill lines and totals ({@link org.metertocash.billing.rating.Rating#rate}), and the Electricity Facts Label
 * averages computed by the same code ({@link org.metertocash.billing.rating.ElectricityFactsLabel}).
 *
 * <p>Everything here is plain values and arithmetic: no clock, no database, no framework, so the same inputs always
 * give the same bill and a bill can be re-rated at any time to reconcile it. Money is {@code BigDecimal}; amounts
 * are rounded to cents, half-up, only at each bill line and at the totals (which add the rounded lines). The only
 * framework-bound part is {@code taxes}, which reads the configured tax schedules per jurisdiction.
 */
package org.metertocash.billing.rating;
