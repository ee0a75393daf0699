/**
 * The receivables ledger: what each billing account owes, as double-entry postings that are written once and never
 * edited ({@link org.metertocash.billing.ledger.Ledger}). Charges and fees debit the customer's RECEIVABLE, payments
 * credit it, reversals mirror what they cancel, adjustments carry a note and the name of who made them. The balance
 * is the sum of the RECEIVABLE entries. Payments and returns from payment-service arrive through
 * {@link org.metertocash.billing.ledger.PaymentApplications}: applied once per payment id, unmatched ones queued as
 * UNAPPLIED_PAYMENT work items. Operations read an account's postings and post adjustments through
 * {@link org.metertocash.billing.ledger.LedgerResource}.
 */
package org.metertocash.billing.ledger;
