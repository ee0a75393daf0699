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

/** An ISA/IEA envelope in or out. Inbound, sender + ISA13 identify it: a second copy is a DUPLICATE. */
@Entity
@Table(name = "edi_interchange")
public class EdiInterchange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Column(name = "receiver_id", nullable = false)
    public String receiverId;

    @Column(name = "control_number", nullable = false)
    public String controlNumber;

    @Column(name = "usage_indicator")
    public String usageIndicator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransactionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
