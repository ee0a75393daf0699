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
 * One disconnect or reconnect for non-payment we ordered from a wires utility: dunning's request (its id is unique:
 * a request is sent once), the 650_01 that carried it (our BGN02, which the answer quotes in BGN06) and what the
 * utility answered.
 */
@Entity
@Table(name = "service_order")
public class ServiceOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    /** dunning's request id. */
    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public ServiceOrderType orderType;

    /** REF*5H as sent, e.g. DC001. */
    @Column(name = "purpose_code", nullable = false)
    public String purposeCode;

    @Column(name = "tdsp_duns", nullable = false)
    public String tdspDuns;

    /** The trading partner's name for control numbers and file names, e.g. ONCOR. */
    @Column(nullable = false)
    public String partner;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "requested_date", nullable = false)
    public LocalDate requestedDate;

    /** BGN02 of our 650_01. */
    @Column(name = "bgn_reference", nullable = false, unique = true)
    public String bgnReference;

    @Column(name = "outbound_transaction_id", nullable = false)
    public UUID outboundTransactionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceOrderStatus status;

    /** The date the utility did the work (650_02 DTM*198). */
    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** The utility's reason for not doing it (REF*7G, or REF*G7 when completed unexecutable). */
    @Column(name = "reject_code")
    public String rejectCode;

    @Column(name = "reject_text")
    public String rejectText;

    /** The 650_02 that answered this order. */
    @Column(name = "response_transaction_id")
    public UUID responseTransactionId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ServiceOrder> byRequest(UUID requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public static Optional<ServiceOrder> byReference(String bgnReference) {
        return find("bgnReference", bgnReference).firstResultOptional();
    }
}
