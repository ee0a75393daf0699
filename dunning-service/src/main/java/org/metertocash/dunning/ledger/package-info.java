/**
 * The account as collections sees it: bills (due date, amount, cancelled), payments and returns, the late fees
 * collections assessed, and pre-pay balances as billing reports them. Every item is kept by its own id, so an event
 * delivered twice or out of order is counted once. The past-due amount is computed first in first out from these
 * items ({@link org.metertocash.dunning.collections.policy.Arrears}).
 */
package org.metertocash.dunning.ledger;
