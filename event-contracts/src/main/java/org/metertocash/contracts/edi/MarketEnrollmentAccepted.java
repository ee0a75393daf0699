package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814 response with ASI*WQ: the market accepted our request and scheduled the start date (DTM*150). */
@EventType(value = MarketEnrollmentAccepted.TYPE, topic = Topics.EDI)
public record MarketEnrollmentAccepted(
        UUID enrollmentId,
        String esiId,
        String bgnReference,
        String originalReference,
        LocalDate scheduledStartDate,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.market-enrollment-accepted.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
