package org.metertocash.contracts.dunning;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * Collections withdraws a disconnect order that already went to the market (the customer cured the arrears): edi-
 * gateway sends a 650_01 cancelling it.
 */
@EventType(value = DisconnectCancelRequested.TYPE, topic = Topics.DUNNING)
public record DisconnectCancelRequested(
        UUID requestId,
        UUID originalRequestId,
        String esiId,
        String tdspDuns,
        String accountNumber,
        LocalDate requestedDate) implements DomainEvent {

    public static final String TYPE = "dunning.disconnect-cancel-requested.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
