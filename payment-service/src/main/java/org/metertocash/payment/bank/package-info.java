/**
 * Bank details of a payer: the ABA routing number with its check digit ({@link RoutingNumber}) and the bank
 * account number that is never shown beyond its last four characters ({@link BankAccountNumber}). Auto-draft
 * mandates and the NACHA files use these types, so an invalid routing number cannot reach a file and an account
 * number cannot leak into a log by being printed.
 */
package org.metertocash.payment.bank;
