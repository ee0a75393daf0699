/**
 * Auto-draft: {@code POST /autopay} enrols an account's bank account as a mandate ({@code Mandates}; routing number
 * checked, account number encrypted at rest by {@code BankDataCipher} and shown only as its last four); each bill
 * billing posts for it becomes a debit scheduled for its draft date ({@code AutopayBills}, {@code DraftDates}: the
 * due date minus the mandate's days, on a business day, never after the due date); {@code AutopayOrigination} writes
 * the day's debits as one NACHA PPD file into the outbound folder and posts each as a payment. Returns and
 * notifications of change are in {@code org.metertocash.payment.returns}.
 */
package org.metertocash.payment.autopay;
