package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** A 650_02 completing our service order. */
@EventType(value = ServiceOrderCompleted.TYPE, topic = Topics.EDI)
public record ServiceOrderCompleted(
        UUID requestId,
        String esiId,
        String orderType,
        String orderReference,
        LocalDate completedOn,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.service-order-completed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
