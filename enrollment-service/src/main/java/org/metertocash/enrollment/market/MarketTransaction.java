package org.metertocash.enrollment.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One market transaction an enrollment went through, as the EDI gateway reported it: the set, our or the
 * market's reference (BGN02, BGN06), the gateway's transaction id and the date it carries.
 */
@Entity
@Table(name = "enrollment_market_transaction")
public class MarketTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    /** The edi.events event that reported it. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** e.g. 814_01, 814_05, 814_02, 867_04, 814_24, 814_25, 814_06, 814_08, 824. */
    @Column(name = "transaction_set", nullable = false)
    public String transactionSet;

    /** OUTBOUND (ours, to the market) or INBOUND (the market's). */
    @Column(nullable = false)
    public String direction;

    @Column(name = "bgn_reference")
    public String bgnReference;

    @Column(name = "original_reference")
    public String originalReference;

    @Column(name = "edi_transaction_id")
    public UUID ediTransactionId;

    /** The date the transaction carries: a scheduled start, a service start or end. */
    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
