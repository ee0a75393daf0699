package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.billing.ledger.LedgerAccount;
import org.metertocash.billing.rating.LineKind;
import org.metertocash.billing.rating.RateUnit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a stored bill, as rated, and the ledger account its amount is charged to. */
@Entity
@Table(name = "bill_line")
public class BillItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bill_id", nullable = false)
    public UUID billId;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineKind kind;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RateUnit unit;

    @Column(nullable = false)
    public BigDecimal rate;

    @Column(nullable = false)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "ledger_account", nullable = false)
    public LedgerAccount ledgerAccount;

    /**
     * Where a line's amount goes in the ledger: the REP's own charges (energy, base, daily, fees, credits) are
     * REVENUE, the wires utility's pass-through is TDU_CHARGES, taxes and assessments are TAXES.
     */
    public static LedgerAccount ledgerAccountOf(LineKind kind) {
        return switch (kind) {
            case ENERGY, BASE_CHARGE, DAILY_CHARGE, FEE, CREDIT -> LedgerAccount.REVENUE;
            case TDU_CUSTOMER_CHARGE, TDU_DELIVERY_CHARGE -> LedgerAccount.TDU_CHARGES;
            case TAX -> LedgerAccount.TAXES;
        };
    }
}
