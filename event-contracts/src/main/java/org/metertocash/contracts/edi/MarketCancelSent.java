package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** edi-gateway wrote our 814_08 cancelling an earlier request. */
@EventType(value = MarketCancelSent.TYPE, topic = Topics.EDI)
public record MarketCancelSent(
        UUID enrollmentId,
        String esiId,
        String bgnReference,
        String originalReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.market-cancel-sent.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
