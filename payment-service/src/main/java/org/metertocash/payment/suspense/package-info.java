/**
 * Unapplied cash: payments that matched no payable account wait in suspense ({@code GET /suspense}) until an analyst
 * applies one to an account (PaymentPosted) or refunds it, each audited with a note; retrying the UNAPPLIED_CASH work
 * item matches the payment again once its account exists.
 */
package org.metertocash.payment.suspense;
