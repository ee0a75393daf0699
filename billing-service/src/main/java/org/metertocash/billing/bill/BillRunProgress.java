package org.metertocash.billing.bill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * One bill run that found billable reads, and how far it has gone: the reads it found, the bills it drafted (posted or
 * held for review), the reads it could not bill (a work item says why) and those that failed, when it started and —
 * once done — finished. Written as the run goes, so operations follow a long run on {@code GET /status} and
 * {@code GET /bill-runs/{date}} whichever replica they ask; {@code finishedAt} is empty while it runs.
 */
@Entity
@Table(name = "bill_run")
public class BillRunProgress extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The run date: reads whose period ended by then are billed, and their bills carry it. */
    @Column(name = "run_date", nullable = false)
    public LocalDate runDate;

    /** Who asked for it: a user (POST /bill-runs/{date}), the schedule, or the arrival of usage. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Billable reads found: counted at the start, and more if more arrive while it runs. */
    @Column(name = "reads_found", nullable = false)
    public long readsFound;

    /** Bills drafted: posted + held. */
    @Column(nullable = false)
    public long drafted;

    @Column(nullable = false)
    public long posted;

    @Column(nullable = false)
    public long held;

    /** Reads that could not be billed (no product, rating refused): each has a work item. */
    @Column(name = "not_billable", nullable = false)
    public long notBillable;

    /** Reads whose drafting failed unexpectedly: each has a BILL_RATING_FAILED work item. */
    @Column(nullable = false)
    public long failed;

    /** How long the run has taken so far (measured on a monotonic timer, not the business clock). */
    @Column(name = "elapsed_ms", nullable = false)
    public long elapsedMillis;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Reads dealt with so far: drafted, not billable or failed. */
    public long done() {
        return drafted + notBillable + failed;
    }

    /** Reads dealt with per second so far. */
    public double ratePerSecond() {
        return elapsedMillis <= 0 ? 0 : done() * 1000.0 / elapsedMillis;
    }

    /** The latest run (the one going on, or else the last one), if any run found anything yet. */
    public static Optional<BillRunProgress> latest() {
        return BillRunProgress.<BillRunProgress> findAll(Sort.descending("startedAt")).firstResultOptional();
    }

    /** The latest run for a date. */
    public static Optional<BillRunProgress> latest(LocalDate runDate) {
        return BillRunProgress.<BillRunProgress> find("runDate", Sort.descending("startedAt"), runDate)
                .firstResultOptional();
    }
}
