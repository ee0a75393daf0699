/**
 * Returns and notifications of change of our auto-draft debits: {@code AchReturns} takes what the payment-file intake
 * read from a NACHA return or NOC file (through {@code files.intake.AchReturnsProcessing}), matches each entry to the
 * debit by its original trace number, returns the payment once ({@code PaymentReturned}), suspends a mandate after too
 * many returns ({@code ReturnsConfig}), corrects a mandate as a NOC says, and keeps every entry with its outcome
 * ({@code AchReturn}); what matches nothing waits in a work queue.
 */
package org.metertocash.payment.returns;
