package org.metertocash.payment.autopay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.payment.files.nacha.AchAccountType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A mandate as the API shows it: the bank account only as its last four ({@code bankAccount: "****6789"}), with its
 * history and its latest debits (draft date, status, trace number, payment).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MandateView(UUID id, String accountNumber, String esiId, Mandate.Status status, String statusReason,
        Instant statusChangedAt, String routingNumber, String bankAccount, String bankAccountLast4,
        AchAccountType accountType, String holderName, int daysBeforeDue, Instant enrolledAt, String enrolledBy,
        List<HistoryView> history, List<DebitView> debits) {

    static final int DEBITS_SHOWN = 50;

    /** One entry of the history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(MandateHistory.Event event, String code, String detail, String actor, Instant at) {
    }

    /** One debit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DebitView(UUID id, UUID billId, BigDecimal amount, LocalDate dueDate, LocalDate draftDate,
            AutopayDebit.Status status, String statusReason, String traceNumber, LocalDate effectiveEntryDate,
            UUID paymentId, UUID originationFileId) {

        static DebitView of(AutopayDebit d) {
            return new DebitView(d.id, d.billId, d.amount, d.dueDate, d.draftDate, d.status, d.statusReason,
                    d.traceNumber, d.effectiveEntryDate, d.paymentId, d.originationFileId);
        }
    }

    static MandateView of(Mandate m) {
        List<HistoryView> history = MandateHistory.<MandateHistory> list("mandateId = ?1 order by id", m.id).stream()
                .map(h -> new HistoryView(h.event, h.changeCode, h.detail, h.actor, h.at)).toList();
        List<DebitView> debits = AutopayDebit.<AutopayDebit> find("mandateId = ?1 order by draftDate desc, createdAt desc",
                m.id).page(0, DEBITS_SHOWN).list().stream().map(DebitView::of).toList();
        return new MandateView(m.id, m.accountNumber, m.esiId, m.status, m.statusReason, m.statusChangedAt,
                m.routingNumber, m.maskedBankAccount(), m.bankAccountLast4, m.accountType, m.holderName,
                m.daysBeforeDue, m.enrolledAt, m.enrolledBy, history, debits);
    }
}
