package org.metertocash.contracts.billing;

import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.BillingType;

@EventType(value = BillingAccountOpened.TYPE, topic = Topics.BILLING)
public record BillingAccountOpened(
        String accountNumber,
        String esiId,
        UUID enrollmentId,
        String customerName,
        String productCode,
        BillingType billingType,
        String tdsp,
        int billCycle,
        LocalDate startDate) implements DomainEvent {

    public static final String TYPE = "billing.account-opened.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
