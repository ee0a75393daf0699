package org.metertocash.dunning.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A pre-pay account's balance as billing reports it (16 TAC §25.498): the latest prepaid balance, whether it is
 * below the low-balance threshold, and the latest days it fell below the disconnection balance and was restored to
 * the connection balance. Dates decide between reports that arrive out of order.
 */
@Entity
@Table(name = "prepay_balance")
public class PrepayBalance extends PanacheEntityBase {

    @Id
    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    public BigDecimal balance;

    @Column(name = "balance_on")
    public LocalDate balanceOn;

    @Column(name = "low_threshold")
    public BigDecimal lowThreshold;

    @Column(nullable = false)
    public boolean low;

    @Column(name = "below_disconnection_on")
    public LocalDate belowDisconnectionOn;

    @Column(name = "reconnect_eligible_on")
    public LocalDate reconnectEligibleOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
