package org.metertocash.payment.posting;

/**
 * The payer's card or bank account, masked: its type and last four digits only. A full card number (PAN) or bank
 * account number is never stored here or anywhere else in payment-service.
 */
public record Instrument(Type type, String last4) {

    /** The kinds of instrument a masked reference can describe. */
    public enum Type {
        CARD, BANK_ACCOUNT
    }

    public Instrument {
        if (type == null) {
            throw new IllegalArgumentException("an instrument needs a type");
        }
        if (last4 == null || !last4.matches("\\d{4}")) {
            throw new IllegalArgumentException("an instrument keeps exactly its last 4 digits");
        }
    }
}
