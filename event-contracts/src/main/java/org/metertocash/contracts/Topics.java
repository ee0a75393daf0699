package org.metertocash.contracts;

/** The five domain topics. Every record on them is keyed by the ESI ID (or the account number where there is no premise). */
public final class Topics {
    public static final String ENROLLMENT = "enrollment.events";
    public static final String BILLING = "billing.events";
    public static final String PAYMENT = "payment.events";
    public static final String DUNNING = "dunning.events";
    public static final String EDI = "edi.events";

    /** Dead letters of a consumer group go to {@code <group>.dlq}. */
    public static String deadLetterTopic(String consumerGroup) {
        return consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
