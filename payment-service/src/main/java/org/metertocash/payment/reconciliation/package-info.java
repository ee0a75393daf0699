/**
 * {@code GET /reconciliation?date=}: a business day's payments by channel and by source, received against posted,
 * unapplied, refunded and returned, balancing to the cent.
 */
package org.metertocash.payment.reconciliation;
