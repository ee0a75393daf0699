package org.metertocash.payment.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A return or notification of change from the bank, as processed: once per network key (original trace number and
 * reason or change code), with the debit, payment and mandate it concerned and what was done.
 */
@Entity
@Table(name = "ach_return")
public class AchReturn extends PanacheEntityBase {

    /** A return (addenda 99) or a notification of change (addenda 98). */
    public enum Kind {
        RETURN, NOC
    }

    /** What became of it. */
    public enum Outcome {
        /** The payment was returned (PaymentReturned). */
        RETURNED,
        /** The mandate was corrected. */
        NOC_APPLIED,
        /** The NOC matched a mandate but changed nothing (the detail says why); operations have a work item. */
        NOC_NOT_APPLIED,
        /** No debit of ours, or nothing left to return; operations have a work item. */
        UNMATCHED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "network_key", nullable = false)
    public String networkKey;

    @Column(name = "original_trace_number", nullable = false)
    public String originalTraceNumber;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "file_id")
    public UUID fileId;

    @Column(name = "line_number")
    public Integer lineNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "outcome_detail")
    public String outcomeDetail;

    @Column(name = "debit_id")
    public UUID debitId;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
