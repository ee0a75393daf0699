package org.metertocash.payment.posting;

/** What brought the payment in: a single payment by API, a line of a payment file, or an auto-draft. */
public enum PaymentSource {
    API, FILE, AUTOPAY
}
