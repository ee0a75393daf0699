package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** A 650_02 rejecting our service order (REF*7G reason, e.g. WTM weather moratorium). */
@EventType(value = ServiceOrderRejected.TYPE, topic = Topics.EDI)
public record ServiceOrderRejected(
        UUID requestId,
        String esiId,
        String orderType,
        String orderReference,
        String reasonCode,
        String reasonText,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.service-order-rejected.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
