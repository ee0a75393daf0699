package org.metertocash.dunning.gates;

import java.time.Instant;
import java.util.List;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A moratorium bulk-import file, kept byte for byte with its SHA-256 whether it was imported or refused. */
@Entity
@Table(name = "moratorium_import")
public class MoratoriumImport extends PanacheEntityBase {

    /** What became of the file. */
    public enum Status {
        RECEIVED, IMPORTED, REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "file_name")
    public String fileName;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "line_count")
    public Integer lineCount;

    public Integer imported;

    /** The problems by line of a refused file. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<MoratoriumCsv.Problem> problems;

    @Column(name = "received_by", nullable = false)
    public String receivedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
