/**
 * Payment files as the banks and pay agents send them, read into one model and written where we originate them.
 * Pure code: no database, no broker. A reader never throws at bad input; a malformed or truncated file comes back
 * as a {@link org.metertocash.payment.files.ParsedPaymentFile} whose problems name the line, the field and the
 * reason, and whose batches each say whether they are balanced or held ({@code ControlCheck}, one rule for a batch and
 * a file), so the caller posts every line of a good batch and nothing of a held one.
 *
 * <ul>
 * <li>{@code csv} — our documented lockbox / pay-agent CSV layout with batch and file control rows;</li>
 * <li>{@code bai2} — BAI2 cash-management reports of lockbox deposits (01 … 99 records, 88 continuations);</li>
 * <li>{@code nacha} — ACH: return and notification-of-change files read, PPD debit files written.</li>
 * </ul>
 *
 * The layouts, the checks and how a hold is decided are described in {@code docs/payment-files.md}.
 */
package org.metertocash.payment.files;
