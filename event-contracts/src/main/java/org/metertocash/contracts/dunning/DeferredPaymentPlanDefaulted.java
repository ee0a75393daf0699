package org.metertocash.contracts.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/**
 * A deferred payment plan (16 TAC §25.480(j)) was broken: an installment was not paid by its due date. Collections
 * resumes from where the rules put the account.
 */
@EventType(value = DeferredPaymentPlanDefaulted.TYPE, topic = Topics.DUNNING)
public record DeferredPaymentPlanDefaulted(
        UUID planId,
        String accountNumber,
        String esiId,
        LocalDate installmentDueDate,
        BigDecimal amountUnpaid,
        LocalDate defaultedOn) implements DomainEvent {

    public static final String TYPE = "dunning.payment-plan-defaulted.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
