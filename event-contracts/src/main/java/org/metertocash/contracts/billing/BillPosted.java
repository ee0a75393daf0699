package org.metertocash.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A post-pay bill was issued: charged to the account's receivables ledger, with the amount the customer owes and the
 * day it is due (at least 16 days after issuance, on a business day: 16 TAC §25.480(b)).
 */
@EventType(value = BillPosted.TYPE, topic = Topics.BILLING)
public record BillPosted(
        UUID billId,
        String accountNumber,
        String esiId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amountDue,
        BigDecimal totalKwh,
        List<Line> lines) implements DomainEvent {

    public static final String TYPE = "billing.bill-posted.v1";

    /** One line of the bill as printed: its code (ENERGY, TDU_DELIVERY_CHARGE, TAX_…), description and amount. */
    public record Line(String code, String description, BigDecimal amount) {
    }

    @Override
    public String subject() {
        return esiId;
    }
}
