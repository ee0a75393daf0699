package org.metertocash.payment.posting;

/** How the payer paid: the channels a retail provider takes money through. */
public enum PaymentChannel {
    CARD, ACH, CHECK, CASH, PAY_AGENT
}
