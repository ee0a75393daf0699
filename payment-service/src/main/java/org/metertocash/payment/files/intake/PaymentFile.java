package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.PaymentFileFormat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A payment file as received — its bytes whole (an ACH file's encrypted), with their SHA-256, stored before anything
 * reads them — and what became of it: status, the problems that rejected or held it, the trailer's totals, and the
 * counters of its lines (advanced in the same transaction as the lines they count, so they are exact after a crash; a
 * new file's start at zero).
 */
@Entity
@Table(name = "payment_file")
public class PaymentFile extends PanacheEntityBase {

    /** How the file reached us. */
    public enum Source {
        API, FOLDER
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentFileFormat format;

    /** The bytes as received, for the formats that carry no bank account numbers (CSV, BAI2); else {@code null}. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    public byte[] content;

    /**
     * An ACH file's bytes, encrypted for this row ({@link PaymentFileContent}): they hold customers' full DFI account
     * numbers; else {@code null}.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content_encrypted")
    public String contentEncrypted;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentFileStatus status;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<FileProblem> problems;

    @Column(name = "problem_count", nullable = false)
    public int problemCount;

    @Column(name = "declared_count")
    public Long declaredCount;

    @Column(name = "declared_amount")
    public BigDecimal declaredAmount;

    @Column(name = "computed_count")
    public Long computedCount;

    @Column(name = "computed_amount")
    public BigDecimal computedAmount;

    @Column(name = "lines_total", nullable = false)
    public int linesTotal;

    @Column(name = "lines_to_post", nullable = false)
    public int linesToPost;

    @Column(name = "lines_done", nullable = false)
    public int linesDone;

    @Column(name = "lines_posted", nullable = false)
    public int linesPosted;

    @Column(name = "lines_unapplied", nullable = false)
    public int linesUnapplied;

    @Column(name = "lines_held", nullable = false)
    public int linesHeld;

    @Column(name = "lines_failed", nullable = false)
    public int linesFailed;

    @Column(name = "lines_recorded", nullable = false)
    public int linesRecorded;

    /** Lines of held batches operations rejected: never posted. */
    @Column(name = "lines_rejected", nullable = false)
    public int linesRejected;

    @Column(name = "amount_total", nullable = false)
    public BigDecimal amountTotal = Cents.zero();

    @Column(name = "amount_posted", nullable = false)
    public BigDecimal amountPosted = Cents.zero();

    @Column(name = "amount_unapplied", nullable = false)
    public BigDecimal amountUnapplied = Cents.zero();

    @Column(name = "amount_held", nullable = false)
    public BigDecimal amountHeld = Cents.zero();

    @Column(name = "amount_failed", nullable = false)
    public BigDecimal amountFailed = Cents.zero();

    @Column(name = "amount_rejected", nullable = false)
    public BigDecimal amountRejected = Cents.zero();

    @Column(name = "posting_started_at")
    public Instant postingStartedAt;

    @Column(name = "posting_finished_at")
    public Instant postingFinishedAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
