package org.metertocash.dunning.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A print batch: the printed notices issued by a day and not yet sent, one PDF each, with a manifest; kept here as
 * written and copied to a folder of its own in the outbound folder, where the print vendor takes it.
 */
@Entity
@Table(name = "print_batch")
public class PrintBatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "batch_date", nullable = false)
    public LocalDate batchDate;

    /** The batch's folder inside the outbound folder. */
    @Column(nullable = false)
    public String folder;

    @Column(name = "notice_count", nullable = false)
    public int noticeCount;

    @Column(name = "manifest_file", nullable = false)
    public String manifestFile;

    @Column(name = "manifest_sha256", nullable = false)
    public String manifestSha256;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] manifest;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the files were written to the outbound folder; null until then (retried on every run). */
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "delivery_error")
    public String deliveryError;
}
