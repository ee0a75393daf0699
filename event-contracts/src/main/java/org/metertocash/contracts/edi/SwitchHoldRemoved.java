package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_20 removed the switch hold from the premise. */
@EventType(value = SwitchHoldRemoved.TYPE, topic = Topics.EDI)
public record SwitchHoldRemoved(
        String esiId,
        LocalDate effectiveDate,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.switch-hold-removed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
