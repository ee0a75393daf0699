/**
 * Posting a payment, whatever brought it in: the {@code Payment} and its statuses, the rules every payment meets
 * ({@code PaymentRules}), how a payer's account number or ESI ID is matched to a payable account
 * ({@code AccountMatching}, billing's own rule), and {@code PaymentPosting}, which posts once per idempotency key —
 * PaymentPosted through the outbox in the same transaction, or suspense with an UNAPPLIED_CASH work item. Card
 * numbers are only ever kept as their last four digits ({@code CardNumbers}).
 */
package org.metertocash.payment.posting;
