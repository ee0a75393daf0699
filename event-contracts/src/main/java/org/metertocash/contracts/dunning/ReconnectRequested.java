package org.metertocash.contracts.dunning;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** Collections asks for the premise to be reconnected (the cause was cured). */
@EventType(value = ReconnectRequested.TYPE, topic = Topics.DUNNING)
public record ReconnectRequested(
        UUID requestId,
        String esiId,
        String tdspDuns,
        String accountNumber,
        LocalDate requestedDate) implements DomainEvent {

    public static final String TYPE = "dunning.reconnect-requested.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
