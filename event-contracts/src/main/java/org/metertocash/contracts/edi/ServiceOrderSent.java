package org.metertocash.contracts.edi;

import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** edi-gateway wrote our 650_01 service order (disconnect or reconnect for non-pay). */
@EventType(value = ServiceOrderSent.TYPE, topic = Topics.EDI)
public record ServiceOrderSent(
        UUID requestId,
        String esiId,
        String orderType,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.service-order-sent.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
