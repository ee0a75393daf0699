package org.metertocash.contracts.dunning;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** Collections asks for the premise to be disconnected for non-payment. */
@EventType(value = DisconnectRequested.TYPE, topic = Topics.DUNNING)
public record DisconnectRequested(
        UUID requestId,
        String esiId,
        String tdspDuns,
        String accountNumber,
        LocalDate requestedDate) implements DomainEvent {

    public static final String TYPE = "dunning.disconnect-requested.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
