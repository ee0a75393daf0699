package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A line of a payment file that did not become a payment: held with its batch (or rejected with it by operations),
 * failed when posted, or an ACH return / notification of change recorded for the returns processing. Lines that
 * posted or went to suspense are payments ({@code payment.source_file_id}, {@code source_line}).
 */
@Entity
@Table(name = "payment_file_kept_line")
public class PaymentFileLine extends PanacheEntityBase {

    /** What the line is. */
    public enum Kind {
        PAYMENT, ACH_RETURN, ACH_NOC
    }

    /** What became of it. */
    public enum Status {
        /** In a held batch: not posted. */
        HELD,
        /** Could not be posted (the reason says why); operations have a work item. */
        FAILED,
        /** An ACH return or NOC kept for the returns processing, which has not taken it yet. */
        RECORDED,
        /** An ACH return or NOC handed to the returns processing. */
        HANDED_OFF,
        /** The same return or NOC (same network key) was already recorded from an earlier line or file. */
        DUPLICATE,
        /** In a held batch operations rejected: never posted. */
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(name = "batch_seq", nullable = false)
    public int batchSeq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id")
    public String esiId;

    @Column(nullable = false)
    public BigDecimal amount;

    public String channel;

    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> details;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
