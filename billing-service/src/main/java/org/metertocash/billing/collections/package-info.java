/**
 * What collections (dunning-service) asks of billing, from {@code dunning.events}: a late fee assessed on a past-due
 * balance is charged to the account's ledger once per fee id ({@link org.metertocash.billing.collections.LateFees},
 * 16 TAC §25.480(c)); a pre-pay customer designated critical care or chronic condition is moved to a postpaid
 * product without a fee, its pre-pay daily charging stopped ({@link
 * org.metertocash.billing.collections.PrepayConversions}, §25.498), the change kept with who, why and when
 * ({@link org.metertocash.billing.collections.BillingTypeChange}).
 */
package org.metertocash.billing.collections;
