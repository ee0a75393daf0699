/**
 * The wires utilities' (TDUs') delivery tariffs, versioned by effective date: the fixed monthly customer charge
 * and the delivery charge per kWh every bill passes through. TDU rates change each 1 March and 1 September, so a
 * new version is added (PUT) rather than an old one edited; the version in force on a date is the latest effective
 * on or before it.
 */
package org.metertocash.billing.tariff;
