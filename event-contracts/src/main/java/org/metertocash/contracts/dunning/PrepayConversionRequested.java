package org.metertocash.contracts.dunning;

import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A pre-pay customer was designated critical care or chronic condition: the account must be moved to a postpaid
 * product without a fee and never disconnected as pre-pay (16 TAC §25.498). Billing makes the change.
 */
@EventType(value = PrepayConversionRequested.TYPE, topic = Topics.DUNNING)
public record PrepayConversionRequested(
        String accountNumber,
        String esiId,
        String designation,
        LocalDate requestedOn) implements DomainEvent {

    public static final String TYPE = "dunning.prepay-conversion-requested.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
