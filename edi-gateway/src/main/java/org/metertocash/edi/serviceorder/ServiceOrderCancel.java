package org.metertocash.edi.serviceorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Collections' withdrawal of one disconnect order ({@code DisconnectCancelRequested}) and what became of it: a 650_01
 * cancel sent to the wires utility, the order kept from ever being sent because the cancel came first, or nothing
 * sent because the order was already completed or rejected. One per original request: an order is cancelled once.
 */
@Entity
@Table(name = "service_order_cancel")
public class ServiceOrderCancel extends PanacheEntityBase {

    /** What the cancel did. */
    public enum Outcome {
        /** A 650_01 cancel quoting the order went to the wires utility; the order is CANCEL_SENT. */
        SENT,
        /** The order had not reached us: when it does, it is withheld (never sent). */
        BEFORE_ORDER,
        /** The order was already completed: the premise is off, collections orders the reconnect (work item). */
        TOO_LATE,
        /** The utility had already rejected the order: there is nothing to cancel. */
        NOT_NEEDED
    }

    /** The wires utility's 650_02 answering our cancel. */
    public enum Answer {
        CONFIRMED, REFUSED
    }

    @Id
    public UUID id;

    /** dunning's cancel request id. */
    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    /** dunning's request id of the disconnect withdrawn. */
    @Column(name = "original_request_id", nullable = false, unique = true)
    public UUID originalRequestId;

    @Column(name = "esi_id")
    public String esiId;

    @Column(name = "tdsp_duns")
    public String tdspDuns;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "requested_date")
    public LocalDate requestedDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** The order withdrawn, when we had it. */
    @Column(name = "service_order_id")
    public UUID serviceOrderId;

    /** BGN02 of our 650_01 cancel (SENT). */
    @Column(name = "bgn_reference", unique = true)
    public String bgnReference;

    @Column(name = "outbound_transaction_id")
    public UUID outboundTransactionId;

    /** The event of the order that arrived after its cancel and was not sent (BEFORE_ORDER). */
    @Column(name = "withheld_event_id")
    public UUID withheldEventId;

    @Column(name = "withheld_at")
    public Instant withheldAt;

    @Enumerated(EnumType.STRING)
    public Answer answer;

    /** The utility's reason for refusing the cancel (REF*7G or REF*G7). */
    @Column(name = "answer_code")
    public String answerCode;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "response_transaction_id")
    public UUID responseTransactionId;

    @Column(name = "consumed_event_id", nullable = false)
    public UUID consumedEventId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ServiceOrderCancel> byRequest(UUID requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public static Optional<ServiceOrderCancel> byOriginalRequest(UUID originalRequestId) {
        return find("originalRequestId", originalRequestId).firstResultOptional();
    }

    public static Optional<ServiceOrderCancel> byReference(String bgnReference) {
        return find("bgnReference", bgnReference).firstResultOptional();
    }
}
