/**
 * dunning-service: collections for post-pay and pre-pay accounts under 16 TAC §25.480, §25.483, §25.497 and
 * §25.498.
 * <ul>
 * <li>{@code collections} — each account's state, recomputed from a snapshot by the ordered policy in
 * {@code collections.policy}, under a per-account lock; the day turn; the account's view and history.
 * <li>{@code ledger} — the account as collections sees it: bills with due dates, payments, returns, late fees, the
 * pre-pay balance; the past-due amount.
 * <li>{@code contacts} — the customer's name, e-mail, phone and premise address (county) from the enrollment.
 * <li>{@code gates} — what stops a disconnection on a day: extreme-weather moratoriums per county, critical-care,
 * chronic-condition and low-income designations.
 * <li>{@code plans} — deferred payment plans, their installments and defaults.
 * <li>{@code notices} — notices issued and sent; the daily print batch of PDFs for the print vendor.
 * <li>{@code serviceorders} — the disconnect, reconnect and cancel orders asked of edi-gateway and their answers.
 * <li>{@code messaging} — the consumers of the enrollment, billing, payment and market topics.
 * </ul>
 */
package org.metertocash.dunning;
