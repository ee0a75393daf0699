package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A pre-pay account's prepaid balance fell below its product's low-balance threshold: the customer is warned
 * before disconnection may begin (16 TAC §25.498). Published once per crossing; the balance has to return to the
 * threshold or above before another one is published. {@code balance} is the prepaid balance (the negative of the
 * receivables ledger balance).
 */
@EventType(value = PrepayBalanceLow.TYPE, topic = Topics.BILLING)
public record PrepayBalanceLow(
        String accountNumber,
        String esiId,
        BigDecimal balance,
        BigDecimal lowBalanceThreshold,
        LocalDate serviceDate) implements DomainEvent {

    public static final String TYPE = "billing.prepay-balance-low.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
