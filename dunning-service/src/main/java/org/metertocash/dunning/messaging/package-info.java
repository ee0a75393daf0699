/**
 * The Kafka consumers of dunning-service, one per topic: enrollment (customers, counties), billing (accounts, bills,
 * pre-pay balances), payment (payments and returns) and edi (650 answers). Each hands a whole poll to the platform's
 * Inbox, so every event is applied once, in one transaction with its effect; the work is done in
 * {@link org.metertocash.dunning.collections.Collections}.
 */
package org.metertocash.dunning.messaging;
