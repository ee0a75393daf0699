package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.metertocash.billing.bill.validation.ValidationResult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A post-pay bill of one account for one service period, with its rated totals; its lines are {@link BillItem}s. */
@Entity
@Table(name = "bill")
public class Bill extends PanacheEntityBase {

    /**
     * DRAFT while it is rated and validated; then POSTED (charged, announced) or HELD_FOR_REVIEW (a rule failed, or
     * auto-post is off); CANCELLED by operations or because its usage was restated — a posted bill's charge is then
     * reversed in the ledger.
     */
    public enum Status {
        DRAFT, HELD_FOR_REVIEW, POSTED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "meter_read_id", nullable = false)
    public UUID meterReadId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public int days;

    @Column(name = "total_kwh", nullable = false)
    public BigDecimal totalKwh;

    @Column(name = "reading_quality", nullable = false)
    public String readingQuality;

    @Column(name = "charges_total", nullable = false)
    public BigDecimal chargesTotal;

    @Column(name = "tax_total", nullable = false)
    public BigDecimal taxTotal;

    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ValidationResult> validation;

    @Column(name = "run_date", nullable = false)
    public LocalDate runDate;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "ledger_posting_id")
    public UUID ledgerPostingId;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "reversal_posting_id")
    public UUID reversalPostingId;

    /** The meter read (a cancel or a replacement) whose restatement of this bill's usage cancelled it. */
    @Column(name = "restated_by_read_id")
    public UUID restatedByReadId;

    /** The cancelled bill this one rebills (its usage was replaced). */
    @Column(name = "rebill_of")
    public UUID rebillOf;

    /** The rebill drafted from the usage that replaced this cancelled bill's. */
    @Column(name = "rebilled_by")
    public UUID rebilledBy;

    @Version
    public long version;
}
