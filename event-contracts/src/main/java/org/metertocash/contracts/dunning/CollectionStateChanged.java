package org.metertocash.contracts.dunning;

import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * An account moved from one collections state to another; {@code rule} names the policy step that decided it.
 */
@EventType(value = CollectionStateChanged.TYPE, topic = Topics.DUNNING)
public record CollectionStateChanged(
        String accountNumber,
        String esiId,
        String fromState,
        String toState,
        String rule,
        LocalDate changedOn) implements DomainEvent {

    public static final String TYPE = "dunning.collection-state-changed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
