package org.metertocash.contracts.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 810_02: the wires utility invoiced us for delivery charges for one premise and period (BIG08 05 = a replacement after restated usage, 01 = cancel). */
@EventType(value = TdspInvoiceReceived.TYPE, topic = Topics.EDI)
public record TdspInvoiceReceived(
        String esiId,
        String tdspDuns,
        String invoiceNumber,
        LocalDate invoiceDate,
        String purpose,
        String originalInvoiceNumber,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        BigDecimal totalAmount,
        List<Charge> charges,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.tdsp-invoice-received.v1";

    /** One SAC charge line. */
    public record Charge(String code, String description, BigDecimal amount) {
    }

    @Override
    public String subject() {
        return esiId;
    }
}
