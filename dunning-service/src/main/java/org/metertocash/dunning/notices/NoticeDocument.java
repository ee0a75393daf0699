package org.metertocash.dunning.notices;

import java.time.Instant;
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

/** The PDF of a printed notice, kept byte for byte as it went to the print vendor, with its SHA-256. */
@Entity
@Table(name = "notice_document")
public class NoticeDocument extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "rendered_at", nullable = false)
    public Instant renderedAt;
}
