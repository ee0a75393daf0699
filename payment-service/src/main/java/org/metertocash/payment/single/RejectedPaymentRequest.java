package org.metertocash.payment.single;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A {@code POST /payments} request that was refused, kept with its reasons: the body as sent, except that card
 * numbers are masked and unknown fields' values are left out (they could carry card or bank numbers).
 */
@Entity
@Table(name = "rejected_payment_request")
public class RejectedPaymentRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "correlation_id")
    public String correlationId;

    public String body;

    @Column(name = "body_truncated", nullable = false)
    public boolean bodyTruncated;

    /** The field errors answered, as JSON: {@code [{"field": ..., "reason": ...}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String errors;
}
