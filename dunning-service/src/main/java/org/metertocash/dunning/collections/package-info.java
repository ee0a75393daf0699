/**
 * Collections per account: the account and its state ({@link org.metertocash.dunning.collections.CollectionAccount},
 * {@link org.metertocash.dunning.collections.CollectionState}), its history with the rule of each step, the
 * evaluation under the account's row lock that applies the policy's decision
 * ({@link org.metertocash.dunning.collections.Evaluations}), what each consumed event does
 * ({@link org.metertocash.dunning.collections.Collections}), the day turn, {@code GET /accounts/{esiId}/collections}
 * and the status counts. The rules themselves are in {@code policy}.
 */
package org.metertocash.dunning.collections;
