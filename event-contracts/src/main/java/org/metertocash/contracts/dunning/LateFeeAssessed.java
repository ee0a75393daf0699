package org.metertocash.contracts.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * Collections assessed a one-time late fee on a past-due balance (at most 5 % of it, never twice on the same
 * balance, never for low-income customers: 16 TAC §25.480(c)). Billing charges it to the ledger once per {@code
 * feeId}.
 */
@EventType(value = LateFeeAssessed.TYPE, topic = Topics.DUNNING)
public record LateFeeAssessed(
        UUID feeId,
        String accountNumber,
        String esiId,
        BigDecimal amount,
        BigDecimal pastDueAmount,
        LocalDate assessedOn) implements DomainEvent {

    public static final String TYPE = "dunning.late-fee-assessed.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
