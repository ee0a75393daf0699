package org.metertocash.payment.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Money a payer gave us, from any channel: what they named (account number, ESI ID), how much, how and when, the
 * masked instrument, where it came from, and where it went (the payable account it was posted to, or suspense).
 * Written by {@link PaymentPosting}; one row per idempotency key.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentSource source;

    @Column(name = "source_file_id")
    public UUID sourceFileId;

    @Column(name = "source_line")
    public Integer sourceLine;

    /** As the payer named it. */
    @Column(name = "account_number")
    public String accountNumber;

    /** As the payer named it. */
    @Column(name = "esi_id")
    public String esiId;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentChannel channel;

    @Column(name = "external_reference")
    public String externalReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "instrument_type")
    public Instrument.Type instrumentType;

    @Column(name = "instrument_last4")
    public String instrumentLast4;

    /** When the payer paid (the money date). */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The business date of {@link #receivedAt} in the market zone: the day it reconciles on. */
    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    /** When payment-service took it in. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    /** The payable account the money was posted to; null while unapplied, or when refunded from suspense. */
    @Column(name = "applied_account_number")
    public String appliedAccountNumber;

    @Column(name = "applied_esi_id")
    public String appliedEsiId;

    /** When it was announced to billing (PaymentPosted). */
    @Column(name = "posted_at")
    public Instant postedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "unapplied_reason")
    public UnappliedReason unappliedReason;

    @Column(name = "unapplied_detail")
    public String unappliedDetail;

    public Instrument instrument() {
        return instrumentType == null ? null : new Instrument(instrumentType, instrumentLast4);
    }
}
