package org.metertocash.payment.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment as the API shows it: what the payer named, where the money went ({@code appliedAccountNumber}), the
 * masked instrument, its source, and — for one payment — the analysts' actions on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(UUID id, PaymentStatus status, String accountNumber, String esiId,
        String appliedAccountNumber, String appliedEsiId, BigDecimal amount, String currency, PaymentChannel channel,
        String externalReference, Instrument instrument, Instant receivedAt, LocalDate receivedOn, Instant recordedAt,
        Instant postedAt, UnappliedReason unappliedReason, String unappliedDetail, Source source, String submittedBy,
        List<ActionView> history) {

    /** Where the payment came from; a file's line for file payments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(PaymentSource type, UUID fileId, Integer lineNumber) {
    }

    /** One analyst action: who did what, when, why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionView(PaymentAction.Action action, PaymentStatus fromStatus, PaymentStatus toStatus,
            String accountNumber, String actor, String note, Instant at) {

        public static ActionView of(PaymentAction action) {
            return new ActionView(action.action, action.fromStatus, action.toStatus, action.accountNumber,
                    action.actor, action.note, action.at);
        }
    }

    /** Without the history (lists). */
    public static PaymentView summary(Payment payment) {
        return of(payment, null);
    }

    /** With its history. */
    public static PaymentView detail(Payment payment) {
        return of(payment, PaymentAction.<PaymentAction> list("paymentId = ?1 order by id", payment.id).stream()
                .map(ActionView::of).toList());
    }

    private static PaymentView of(Payment p, List<ActionView> history) {
        return new PaymentView(p.id, p.status, p.accountNumber, p.esiId, p.appliedAccountNumber, p.appliedEsiId,
                p.amount, p.currency, p.channel, p.externalReference, p.instrument(), p.receivedAt, p.receivedOn,
                p.recordedAt, p.postedAt, p.unappliedReason, p.unappliedDetail,
                new Source(p.source, p.sourceFileId, p.sourceLine), p.submittedBy, history);
    }
}
