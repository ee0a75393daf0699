package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * Payments restored a pre-pay account's prepaid balance to at least its product's connection balance (at most $75,
 * 16 TAC §25.498) after it had fallen below the disconnection balance: service may be reconnected. {@code balance}
 * is the prepaid balance (the negative of the receivables ledger balance).
 */
@EventType(value = PrepayReconnectEligible.TYPE, topic = Topics.BILLING)
public record PrepayReconnectEligible(
        String accountNumber,
        String esiId,
        BigDecimal balance,
        BigDecimal connectionBalance,
        LocalDate eligibleOn) implements DomainEvent {

    public static final String TYPE = "billing.prepay-reconnect-eligible.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
