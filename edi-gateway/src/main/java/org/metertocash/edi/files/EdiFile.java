package org.metertocash.edi.files;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.metertocash.edi.transactions.Direction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file exactly as received or sent, with its SHA-256. */
@Entity
@Table(name = "edi_file")
public class EdiFile extends PanacheEntityBase {

    public enum Source {
        API, FOLDER, GENERATED
    }

    /**
     * RECEIVED (stored, not yet read), PROCESSED, PARTIALLY_REJECTED, REJECTED, DUPLICATE for inbound files;
     * QUEUED then DELIVERED for outbound ones.
     */
    public enum Status {
        RECEIVED, PROCESSED, PARTIALLY_REJECTED, REJECTED, DUPLICATE, QUEUED, DELIVERED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "file_name")
    public String fileName;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    public String partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "delivered_path")
    public String deliveredPath;
}
