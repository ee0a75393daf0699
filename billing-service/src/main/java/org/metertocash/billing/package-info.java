/**
 * billing-service: billing accounts opened from accepted enrollments ({@code account}), the consumers of the
 * topics billing listens to ({@code messaging}). Products, tariffs, meter reads, bills and the receivables ledger
 * grow here as packages of their own.
 */
package org.metertocash.billing;
