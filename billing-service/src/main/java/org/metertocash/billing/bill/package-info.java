/**
 * Post-pay bills: a billable (ACTIVE) meter read of an account's premise becomes a bill — drafted by the bill run
 * ({@link org.metertocash.billing.bill.BillRun}), rated with the account's product, the TDU tariffs in force and the
 * premise's taxes, checked by the configured validation rules ({@code validation}), then posted (issue date, due date
 * 16 days on a business day, ledger charge and {@code BillPosted} in one transaction) or held for review.
 * Operations approve, hold or cancel held bills ({@link org.metertocash.billing.bill.BillResource}); a posted bill is
 * never edited — cancelling it reverses its ledger charge.
 */
package org.metertocash.billing.bill;
