package org.metertocash.dunning.collections;

/**
 * Something collections decides on changed for a premise outside the account's own events — a designation (critical
 * care, chronic condition, low income) or a deferred payment plan. Fired as a CDI event inside the transaction that
 * made the change; collections re-evaluates the premise's current account in that same transaction.
 *
 * @param esiId the premise
 * @param reason what changed, in words, recorded with any step it causes
 */
public record AccountChanged(String esiId, String reason) {
}
