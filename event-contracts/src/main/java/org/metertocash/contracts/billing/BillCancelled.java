package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A posted bill was cancelled: its ledger charge reversed (never edited), so the customer no longer owes its amount.
 */
@EventType(value = BillCancelled.TYPE, topic = Topics.BILLING)
public record BillCancelled(
        UUID billId,
        String accountNumber,
        String esiId,
        LocalDate periodStart,
        LocalDate periodEnd,
        BigDecimal amountReversed,
        LocalDate cancelledOn,
        String reason) implements DomainEvent {

    public static final String TYPE = "billing.bill-cancelled.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
