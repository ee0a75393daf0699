package org.metertocash.payment.autopay;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.payment.files.nacha.AchAccountType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account's authorisation to debit a bank account for its bills (an auto-draft mandate). The account number is
 * held only encrypted ({@link BankDataCipher}) and as its last four characters; {@link Mandates} changes it.
 */
@Entity
@Table(name = "autopay_mandate")
public class Mandate extends PanacheEntityBase {

    /** Where a mandate stands. */
    public enum Status {
        /** Bills are drafted. */
        ACTIVE,
        /** Too many returns (or a return that forbids another debit): nothing is drafted until re-enrolled. */
        SUSPENDED,
        /** Cancelled by the customer, or replaced by a new enrolment. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "routing_number", nullable = false)
    public String routingNumber;

    @Column(name = "bank_account_encrypted", nullable = false)
    public String bankAccountEncrypted;

    @Column(name = "bank_account_last4", nullable = false)
    public String bankAccountLast4;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public AchAccountType accountType;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "days_before_due", nullable = false)
    public int daysBeforeDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "enrolled_by", nullable = false)
    public String enrolledBy;

    /** The account as statements show it: {@code ****6789}. */
    public String maskedBankAccount() {
        return "****" + bankAccountLast4;
    }

    /** The mandate in force for an account (active or suspended), if any. */
    public static Mandate inForce(String accountNumber) {
        return Mandate.<Mandate> find("accountNumber = ?1 and status <> ?2", accountNumber, Status.CANCELLED)
                .firstResult();
    }
}
