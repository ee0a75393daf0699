package org.metertocash.contracts.edi;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 814_06: another retailer has taken the premise; our service ends on the date given. */
@EventType(value = LossNoticeReceived.TYPE, topic = Topics.EDI)
public record LossNoticeReceived(
        String esiId,
        LocalDate serviceEndDate,
        String bgnReference,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.loss-notice-received.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
