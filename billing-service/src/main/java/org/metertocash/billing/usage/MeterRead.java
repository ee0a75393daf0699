package org.metertocash.billing.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One meter's usage for one service period, from one usage document (867_03) of the wires utility. */
@Entity
@Table(name = "meter_read")
public class MeterRead extends PanacheEntityBase {

    /** BPT01 of the 867: 00 original, 01 cancel, 05 replace. */
    public enum Purpose {
        ORIGINAL, CANCEL, REPLACE
    }

    /**
     * ACTIVE reads are the billable usage. CANCELLED and REPLACED were restated by a later document; a CANCEL row is
     * the record of a cancel itself; OVERLAPPING is an original for a period already covered by an active read
     * (held for operations, never billed twice).
     */
    public enum Status {
        ACTIVE, CANCELLED, REPLACED, CANCEL, OVERLAPPING
    }

    @Id
    public UUID id;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "meter_number", nullable = false)
    public String meterNumber;

    @Column(name = "document_reference", nullable = false)
    public String documentReference;

    @Column(name = "original_reference")
    public String originalReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "reading_quality", nullable = false)
    public String readingQuality;

    @Column(name = "final_read", nullable = false)
    public boolean finalRead;

    @Column(name = "total_kwh", nullable = false)
    public BigDecimal totalKwh;

    @Column(name = "demand_kw")
    public BigDecimal demandKw;

    @Column(name = "interval_start")
    public Instant intervalStart;

    @Column(name = "interval_minutes")
    public Integer intervalMinutes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "interval_kwh", columnDefinition = "jsonb")
    public List<BigDecimal> intervalKwh;

    @Column(name = "interval_count", nullable = false)
    public int intervalCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "edi_transaction_id")
    public UUID ediTransactionId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
