package org.metertocash.billing.collections;

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
 * A late fee collections assessed ({@code LateFeeAssessed}), as billing received it and what it did with it: charged
 * to the ledger (the FEE posting), or not charged with the reason. Kept whole, so a refused fee can be retried from
 * its work item once the cause is fixed.
 */
@Entity
@Table(name = "late_fee")
public class LateFee extends PanacheEntityBase {

    /** CHARGED: on the ledger. NOT_CHARGED: refused, with a LATE_FEE_NOT_CHARGED work item. */
    public enum Status {
        CHARGED, NOT_CHARGED
    }

    @Id
    @Column(name = "fee_id")
    public UUID feeId;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id")
    public String esiId;

    public BigDecimal amount;

    @Column(name = "past_due_amount")
    public BigDecimal pastDueAmount;

    @Column(name = "assessed_on")
    public LocalDate assessedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Why it was not charged: UNKNOWN_ACCOUNT, OTHER_PREMISE, INVALID_AMOUNT, ABOVE_FIVE_PERCENT. */
    @Column(name = "reason_code")
    public String reasonCode;

    public String reason;

    /** The FEE posting that charged it. */
    @Column(name = "posting_id")
    public UUID postingId;

    /** The event that brought it (the latest delivery that changed it). */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
