/**
 * payment-service: the accounts payments can be applied to ({@code accounts}, a projection of billing's
 * accounts) and the consumers of billing's topic ({@code messaging}). Payment channels, files, auto-draft,
 * returns and unapplied cash grow here as packages of their own.
 */
package org.metertocash.payment;
