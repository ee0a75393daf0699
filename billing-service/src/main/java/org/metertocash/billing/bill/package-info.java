/**
 * Post-pay bills: a billable (ACTIVE) meter read of an account's premise becomes a bill — drafted by the bill run
 * ({@link org.metertocash.billing.bill.BillRun}), rated with the account's product, the TDU tariffs in force and the
 * premise's taxes, checked by the configured validation rules ({@code validation}), then posted (issue date, due date
 * 16 days on a business day, ledger charge and {@code BillPosted} in one transaction) or held for review.
 * Operations approve, hold or cancel held bills ({@link org.metertocash.billing.bill.BillResource}); a posted bill is
 * never edited — cancelling it reverses its ledger charge. Usage the wires utility restates after a bill cancels that
 * bill (reversal and {@code BillCancelled} when it was posted) and a replacement is rebilled, the two bills linked
 * ({@link org.metertocash.billing.bill.BillRestatement}; a correction beyond 3 billing cycles raises
 * BILL_LATE_CORRECTION, 16 TAC §25.480(d)). Accounts whose usage is not becoming bills wait in the "not billed" queue
 * ({@code notbilled}, 16 TAC §25.479).
 */
package org.metertocash.billing.bill;
