package org.metertocash.edi.transactions;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One transaction set of the log: where it came from, its control numbers, references, status and errors. */
@Entity
@Table(name = "edi_transaction")
public class EdiTransaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Column(name = "interchange_id", nullable = false)
    public UUID interchangeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    /** Texas SET name, e.g. 814_01, 814_05. */
    @Column(name = "transaction_set", nullable = false)
    public String transactionSet;

    /** ST01, e.g. 814. */
    @Column(name = "set_id", nullable = false)
    public String setId;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Column(name = "receiver_id", nullable = false)
    public String receiverId;

    @Column(nullable = false)
    public String isa13;

    @Column(nullable = false)
    public String gs06;

    @Column(nullable = false)
    public String st02;

    /** BGN02: this transaction's reference. */
    @Column(name = "bgn_reference")
    public String bgnReference;

    /** BGN06: the reference of the transaction this one answers. */
    @Column(name = "original_reference")
    public String originalReference;

    @Column(name = "esi_id")
    public String esiId;

    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransactionStatus status;

    /** Syntax errors (located, with X12 codes) or the reason it could not be applied. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    /** The business content as read, e.g. action code, scheduled date, reject reason. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String details;

    @Column(name = "raw_segments", nullable = false)
    public String rawSegments;

    /** The inbound response that answered this outbound request. */
    @Column(name = "answered_by")
    public UUID answeredBy;

    @Column(name = "produced_event_id")
    public UUID producedEventId;

    @Column(name = "consumed_event_id")
    public UUID consumedEventId;

    /** The business flow this transaction belongs to: answers are published with the request's correlation. */
    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
