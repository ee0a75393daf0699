package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_01 or 814_16 was written to the outbound area for an enrollment. */
@EventType(value = MarketEnrollmentRequestSent.TYPE, topic = Topics.EDI)
public record MarketEnrollmentRequestSent(
        UUID enrollmentId,
        String esiId,
        String transactionSet,
        String bgnReference,
        String interchangeControlNumber,
        String fileName) implements DomainEvent {

    public static final String TYPE = "edi.market-enrollment-request-sent.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
