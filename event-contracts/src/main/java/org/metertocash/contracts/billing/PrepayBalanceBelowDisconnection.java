package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A pre-pay account's prepaid balance fell below its product's disconnection balance (at most $10 for a
 * residential customer, 16 TAC §25.498): disconnection may begin. Published once per crossing; another is
 * published only after the account became eligible to reconnect. {@code balance} is the prepaid balance (the
 * negative of the receivables ledger balance).
 */
@EventType(value = PrepayBalanceBelowDisconnection.TYPE, topic = Topics.BILLING)
public record PrepayBalanceBelowDisconnection(
        String accountNumber,
        String esiId,
        BigDecimal balance,
        BigDecimal disconnectionBalance,
        LocalDate serviceDate) implements DomainEvent {

    public static final String TYPE = "billing.prepay-balance-below-disconnection.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
