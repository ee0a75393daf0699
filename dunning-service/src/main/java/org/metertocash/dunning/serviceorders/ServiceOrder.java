package org.metertocash.dunning.serviceorders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.dunning.collections.policy.Snapshot.OrderStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One order collections asked for: its request id is the one edi-gateway quotes back on the 650 answers. */
@Entity
@Table(name = "service_order")
public class ServiceOrder extends PanacheEntityBase {

    /** What the order asks of the wires utility. */
    public enum Kind {
        DISCONNECT, RECONNECT, CANCEL
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** For a cancel: the disconnect order it withdraws. */
    @Column(name = "original_request_id")
    public UUID originalRequestId;

    @Column(name = "tdsp_duns")
    public String tdspDuns;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "bgn_reference")
    public String bgnReference;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "rejected_on")
    public LocalDate rejectedOn;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    /** Operations asked for a rejected order to be tried again. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "cause_event_id")
    public UUID causeEventId;
}
