/**
 * The collection policy, pure (no CDI, no database, no clock): a snapshot of an account's facts as of a day in, a
 * decision out — the state the Texas rules (16 TAC §25.480, §25.483, §25.497, §25.498) put it in, the rule that
 * decided, the actions to take and what happens next. Its steps and parameters come from configuration, in order,
 * first match wins.
 */
package org.metertocash.dunning.collections.policy;
