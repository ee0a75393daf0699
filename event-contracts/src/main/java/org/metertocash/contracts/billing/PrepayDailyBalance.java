package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * The daily balance message of a pre-pay account (16 TAC §25.498): one day's usage was charged against the
 * prepaid balance. {@code balance} is what the customer has prepaid and not yet used — the negative of the
 * receivables ledger balance: $40.00 means $40 in credit, −$5.00 means $5 owed.
 */
@EventType(value = PrepayDailyBalance.TYPE, topic = Topics.BILLING)
public record PrepayDailyBalance(
        String accountNumber,
        String esiId,
        LocalDate serviceDate,
        BigDecimal kwh,
        BigDecimal charge,
        BigDecimal balance) implements DomainEvent {

    public static final String TYPE = "billing.prepay-daily-balance.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
