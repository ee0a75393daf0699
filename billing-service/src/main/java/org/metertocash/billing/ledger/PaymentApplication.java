package org.metertocash.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How billing handled one payment payment-service announced: one row per payment id, so a payment announced again
 * is applied once. The money itself is on the ledger ({@link #postingId}, {@link #returnPostingId}).
 */
@Entity
@Table(name = "payment_application")
public class PaymentApplication extends PanacheEntityBase {

    /** APPLIED to an account's ledger; UNAPPLIED (a work item says why); RETURNED (reversed, or never applied). */
    public enum Status {
        APPLIED, UNAPPLIED, RETURNED
    }

    /** Why a payment is not applied; the work item's {@code details.reasonCode}. */
    public enum UnappliedReason {
        /** Neither the account number nor the ESI ID names a billing account. */
        NO_ACCOUNT,
        /** No account number matched and the ESI ID has several billing accounts: a person must choose. */
        SEVERAL_ACCOUNTS,
        /** The amount is missing, not positive, or not in whole cents. */
        INVALID_AMOUNT
    }

    @Id
    @Column(name = "payment_id")
    public UUID paymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "named_account_number")
    public String namedAccountNumber;

    @Column(name = "named_esi_id")
    public String namedEsiId;

    @Column(name = "account_number")
    public String accountNumber;

    public BigDecimal amount;

    public String channel;

    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "payment_posted_at")
    public Instant paymentPostedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "unapplied_reason")
    public UnappliedReason unappliedReason;

    @Column(name = "unapplied_detail")
    public String unappliedDetail;

    @Column(name = "posting_id")
    public UUID postingId;

    @Column(name = "return_id")
    public UUID returnId;

    @Column(name = "return_reason_code")
    public String returnReasonCode;

    @Column(name = "return_posting_id")
    public UUID returnPostingId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
