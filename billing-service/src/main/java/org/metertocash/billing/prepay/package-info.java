/**
 * Pre-pay accounts (16 TAC §25.498): each day with usage is rated on its own and charged against the prepaid balance
 * once; a daily balance message goes out after each charge, warnings when the balance falls below the product's
 * low-balance threshold and its disconnection balance, and the account becomes eligible to reconnect when payments
 * restore the balance to the connection balance. A day charged from usage the wires utility later cancels or
 * replaces is reversed and, from the replacement, charged again: the customer pays for the usage finally reported.
 * <p>
 * {@link org.metertocash.billing.prepay.DailyUsage} splits a meter read into days, {@link
 * org.metertocash.billing.prepay.BalanceThresholds} decides the crossings, {@link
 * org.metertocash.billing.prepay.PrepayCharging} charges a day and reassesses a balance, {@link
 * org.metertocash.billing.prepay.PrepayRestatement} reverses a day charged from restated usage, {@link
 * org.metertocash.billing.prepay.PrepayRun} is the scheduled job that drives them.
 */
package org.metertocash.billing.prepay;
