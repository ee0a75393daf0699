package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** The wires utility confirmed that our service started: an 867_04 initial meter read for the premise. */
@EventType(value = MarketEnrollmentCompleted.TYPE, topic = Topics.EDI)
public record MarketEnrollmentCompleted(
        UUID enrollmentId,
        String esiId,
        LocalDate serviceStartDate,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.market-enrollment-completed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
