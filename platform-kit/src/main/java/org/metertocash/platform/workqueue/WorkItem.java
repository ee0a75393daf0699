package org.metertocash.platform.workqueue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One exception in the operations work queue: a check that failed and waits for a person (SAP's outsorting,
 * CC&B's To Do entry). An open item is unique per type and reference; raising it again counts an occurrence.
 */
@Entity
@Table(name = "work_item")
public class WorkItem {

    public enum Status {
        OPEN, RESOLVED, DISMISSED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "esi_id")
    public String esiId;

    /** What the item is about (a dead letter id, a file id, an enrollment id): dedupes open items. */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public String details;

    @Column(nullable = false)
    public int occurrences;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
