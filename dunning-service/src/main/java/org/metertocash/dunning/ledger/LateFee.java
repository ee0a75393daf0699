package org.metertocash.dunning.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A late fee collections assessed on one bill's past-due balance: one per bill (16 TAC §25.480(c)). */
@Entity
@Table(name = "ledger_late_fee")
public class LateFee extends PanacheEntityBase {

    @Id
    @Column(name = "fee_id")
    public UUID feeId;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "bill_id", nullable = false)
    public UUID billId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "past_due_amount", nullable = false)
    public BigDecimal pastDueAmount;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;
}
