package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814 response with ASI*U: the market rejected our request, reason in REF*7G. */
@EventType(value = MarketEnrollmentRejected.TYPE, topic = Topics.EDI)
public record MarketEnrollmentRejected(
        UUID enrollmentId,
        String esiId,
        String bgnReference,
        String originalReference,
        String reasonCode,
        String reasonText,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.market-enrollment-rejected.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
