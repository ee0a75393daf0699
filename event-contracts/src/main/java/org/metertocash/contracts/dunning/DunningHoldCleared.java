package org.metertocash.contracts.dunning;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * Money cured an account's arrears: the collections hold it was under is cleared, and {@code reason} says why and
 * what was undone (a pending disconnect cancelled, a reconnect ordered).
 */
@EventType(value = DunningHoldCleared.TYPE, topic = Topics.DUNNING)
public record DunningHoldCleared(
        String accountNumber,
        String esiId,
        UUID paymentId,
        String clearedState,
        String reason,
        LocalDate clearedOn) implements DomainEvent {

    public static final String TYPE = "dunning.hold-cleared.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
