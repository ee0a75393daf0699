package org.metertocash.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding (binary content mode): the envelope travels
 * in headers, the event record in the body as JSON.
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension: the id shared by every event of one business flow. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** Extension: the id of the event (or request) that caused this one. */
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }
}
