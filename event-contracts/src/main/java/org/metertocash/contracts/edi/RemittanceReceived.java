package org.metertocash.contracts.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 820: a remittance advice (payments against invoices, with a trace number). */
@EventType(value = RemittanceReceived.TYPE, topic = Topics.EDI)
public record RemittanceReceived(
        String payerId,
        String payeeId,
        String traceNumber,
        LocalDate paymentDate,
        BigDecimal totalAmount,
        List<RemittanceLine> lines,
        String subjectKey,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.remittance-received.v1";

    /** One RMR line. */
    public record RemittanceLine(String invoiceNumber, String esiId, BigDecimal amountPaid) {
    }

    @Override
    public String subject() {
        return subjectKey;
    }
}
