package org.metertocash.dunning.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A post-pay bill by its id; a cancellation that arrived first is kept ({@code posted} false) and wins. */
@Entity
@Table(name = "ledger_bill")
public class LedgerBill extends PanacheEntityBase {

    @Id
    @Column(name = "bill_id")
    public UUID billId;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id")
    public String esiId;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "amount_due")
    public BigDecimal amountDue;

    @Column(nullable = false)
    public boolean posted;

    @Column(nullable = false)
    public boolean cancelled;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "amount_reversed")
    public BigDecimal amountReversed;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
