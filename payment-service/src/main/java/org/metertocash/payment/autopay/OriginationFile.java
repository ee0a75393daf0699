package org.metertocash.payment.autopay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A NACHA PPD origination file: one per origination date, kept (encrypted: it holds account numbers) so that it is
 * written to the outbound folder even when the first attempt fails, and so that what went to the bank can be shown.
 */
@Entity
@Table(name = "autopay_origination_file")
public class OriginationFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "origination_date", nullable = false)
    public LocalDate originationDate;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content_encrypted", nullable = false)
    public String contentEncrypted;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "effective_entry_date", nullable = false)
    public LocalDate effectiveEntryDate;

    @Column(name = "debit_count", nullable = false)
    public int debitCount;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "first_trace_sequence", nullable = false)
    public long firstTraceSequence;

    @Column(name = "last_trace_sequence", nullable = false)
    public long lastTraceSequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "written_at")
    public Instant writtenAt;
}
