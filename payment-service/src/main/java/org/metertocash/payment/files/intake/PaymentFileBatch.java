package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
import org.metertocash.payment.files.FileProblem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One batch of a payment file (a CSV batch, a BAI2 account, a NACHA batch): its control totals as declared and as
 * computed, the lines it holds, and whether it posts or is held as an exception — and, for a held batch, what
 * operations decided ({@link HeldBatches}).
 */
@Entity
@Table(name = "payment_file_batch")
public class PaymentFileBatch extends PanacheEntityBase {

    /** What happens to the batch's lines. */
    public enum Status {
        /** Balanced: its lines are being posted. */
        POSTING,
        /** Balanced and posted. */
        POSTED,
        /** Out of balance (or in a file whose trailer disagrees): nothing from it posts until operations decide. */
        HELD,
        /** Held, then released by operations: its lines posted. */
        RELEASED,
        /** In a rejected (malformed) file; or held, then rejected by operations: nothing from it posted. */
        REJECTED
    }

    /** What operations decided about a held batch. */
    public enum ReviewAction {
        RELEASE, REJECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    /** The batch's place in the file, from 1. */
    @Column(nullable = false)
    public int seq;

    /** As the file names it. */
    @Column(name = "batch_id", nullable = false)
    public String batchId;

    @Column(name = "first_line", nullable = false)
    public int firstLine;

    @Column(name = "last_line", nullable = false)
    public int lastLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "declared_count")
    public Long declaredCount;

    @Column(name = "declared_amount")
    public BigDecimal declaredAmount;

    @Column(name = "computed_count", nullable = false)
    public long computedCount;

    @Column(name = "computed_amount", nullable = false)
    public BigDecimal computedAmount;

    @Column(name = "line_count", nullable = false)
    public int lineCount;

    @Column(name = "line_amount", nullable = false)
    public BigDecimal lineAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FileProblem> problems;

    /** Operations' decision on the batch when it was held; {@code null} otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_action")
    public ReviewAction reviewAction;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_note")
    public String reviewNote;
}
