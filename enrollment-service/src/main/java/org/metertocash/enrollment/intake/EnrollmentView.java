package org.metertocash.enrollment.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.lifecycle.EnrollmentTransition;
import org.metertocash.enrollment.lifecycle.Trigger;
import org.metertocash.enrollment.market.MarketTransaction;
import org.metertocash.enrollment.tpv.Tpv;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An enrollment as the API shows it. Lists show the enrollment alone; {@code GET /enrollments/{id}} adds its TPV,
 * its history (every transition with cause and actor) and the market transactions it went through.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentView(
        UUID id,
        String esiId,
        String tdsp,
        EnrollmentState state,
        RequestType requestType,
        LocalDate requestedStartDate,
        LocalDate scheduledStartDate,
        LocalDate serviceStartDate,
        String activationConfirmedBy,
        LocalDate serviceEndDate,
        Customer customer,
        ServiceAddress serviceAddress,
        String productCode,
        BillingType billingType,
        String marketReference,
        Rejection rejection,
        UUID previousEnrollmentId,
        String corrections,
        UUID replacedByEnrollmentId,
        String cancelReason,
        MoveOut moveOut,
        TpvView tpv,
        Instant createdAt,
        Instant updatedAt,
        List<TransitionView> history,
        List<TransactionView> transactions) {

    public record Rejection(String code, String text) {
    }

    /** A pending move-out: the date asked for and our 814_24's BGN02 once sent. */
    public record MoveOut(LocalDate date, String reference) {
    }

    public record TpvView(String vendor, String confirmationId, LocalDate verifiedOn, String recordingReference,
            String recordedBy, Instant recordedAt) {
    }

    /** One state change (or recorded action) with what caused it and who acted. */
    public record TransitionView(EnrollmentState from, EnrollmentState to, Trigger cause, String actor, String reason,
            UUID causeEventId, Instant at) {

        public static TransitionView of(EnrollmentTransition t) {
            return new TransitionView(t.fromState, t.toState, t.cause, t.actor, t.reason, t.causeEventId, t.at);
        }
    }

    /** One market transaction: the set, its references, the gateway's transaction id and the date it carries. */
    public record TransactionView(String transactionSet, String direction, String bgnReference,
            String originalReference, UUID ediTransactionId, LocalDate date, String reasonCode, String eventType,
            UUID eventId, Instant at) {

        public static TransactionView of(MarketTransaction t) {
            return new TransactionView(t.transactionSet, t.direction, t.bgnReference, t.originalReference,
                    t.ediTransactionId, t.businessDate, t.reasonCode, t.eventType, t.eventId, t.occurredAt);
        }
    }

    public static EnrollmentView of(Enrollment e) {
        return of(e, null, null, null);
    }

    public static EnrollmentView of(Enrollment e, Tpv tpv, List<EnrollmentTransition> history,
            List<MarketTransaction> transactions) {
        return new EnrollmentView(e.id, e.esiId, e.tdsp, e.state, e.requestType, e.requestedStartDate,
                e.scheduledStartDate, e.serviceStartDate, e.activationConfirmedBy, e.serviceEndDate, e.customer(),
                e.serviceAddress(), e.productCode, e.billingType, e.marketReference,
                e.rejectReasonCode == null ? null : new Rejection(e.rejectReasonCode, e.rejectReasonText),
                e.previousEnrollmentId, e.corrections, e.replacedByEnrollmentId, e.cancelReason,
                e.moveOutDate == null ? null : new MoveOut(e.moveOutDate, e.moveOutReference),
                tpv == null ? null
                        : new TpvView(tpv.vendor, tpv.confirmationId, tpv.verifiedOn, tpv.recordingReference,
                                tpv.recordedBy, tpv.recordedAt),
                e.createdAt, e.updatedAt,
                history == null ? null : history.stream().map(TransitionView::of).toList(),
                transactions == null ? null : transactions.stream().map(TransactionView::of).toList());
    }
}
