package org.metertocash.contracts.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * Collections issued a notice to a customer: a disconnect notice (printed and mailed by the print vendor), or a
 * pre-pay low-balance or courtesy message for a downstream sender (text or email).
 */
@EventType(value = NoticeIssued.TYPE, topic = Topics.DUNNING)
public record NoticeIssued(
        UUID noticeId,
        String accountNumber,
        String esiId,
        String kind,
        String channel,
        String template,
        String recipient,
        BigDecimal amount,
        LocalDate disconnectDate,
        LocalDate issuedOn) implements DomainEvent {

    public static final String TYPE = "dunning.notice-issued.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
