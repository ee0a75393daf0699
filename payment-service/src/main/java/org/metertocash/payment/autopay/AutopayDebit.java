package org.metertocash.payment.autopay;

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
 * The debit of one bill under a mandate: SCHEDULED for its draft date ({@link AutopayBills}), SENT in that day's PPD
 * file with its trace number and posted as a payment ({@link AutopayOrigination}), RETURNED when the bank sends it
 * back, CANCELLED before it went out (bill cancelled, mandate cancelled or suspended), FAILED when it could not be
 * written (a work item says why).
 */
@Entity
@Table(name = "autopay_debit")
public class AutopayDebit extends PanacheEntityBase {

    /** Where a debit stands. */
    public enum Status {
        SCHEDULED, SENT, RETURNED, CANCELLED, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "mandate_id", nullable = false)
    public UUID mandateId;

    @Column(name = "bill_id", nullable = false)
    public UUID billId;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "draft_date", nullable = false)
    public LocalDate draftDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "origination_file_id")
    public UUID originationFileId;

    @Column(name = "trace_number")
    public String traceNumber;

    @Column(name = "effective_entry_date")
    public LocalDate effectiveEntryDate;

    @Column(name = "payment_id")
    public UUID paymentId;

    void moveTo(Status next, String reason, Instant at) {
        status = next;
        statusReason = reason;
        statusChangedAt = at;
    }
}
