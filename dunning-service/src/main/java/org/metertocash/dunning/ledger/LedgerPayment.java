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

/**
 * A payment by its id. {@code accountNumber} is null when no account in collections matched (recorded with the
 * reason, then ignored); a return that arrived before its payment is kept ({@code posted} false, {@code returned}).
 */
@Entity
@Table(name = "ledger_payment")
public class LedgerPayment extends PanacheEntityBase {

    @Id
    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id")
    public String esiId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(nullable = false)
    public boolean posted;

    @Column(nullable = false)
    public boolean returned;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "return_id")
    public UUID returnId;

    @Column(name = "unmatched_reason")
    public String unmatchedReason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
