package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_20 placed a switch hold on the premise (e.g. meter tampering): switches to it are refused until removed. */
@EventType(value = SwitchHoldAdded.TYPE, topic = Topics.EDI)
public record SwitchHoldAdded(
        String esiId,
        LocalDate effectiveDate,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.switch-hold-added.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
