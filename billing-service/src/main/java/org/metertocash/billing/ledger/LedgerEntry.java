package org.metertocash.billing.ledger;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One side of a posting: an amount debited or credited to one ledger account of the billing account. */
@Embeddable
public class LedgerEntry {

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "ledger_account", nullable = false)
    public LedgerAccount ledgerAccount;

    @Column(nullable = false)
    public BigDecimal debit;

    @Column(nullable = false)
    public BigDecimal credit;

    protected LedgerEntry() {
    }

    LedgerEntry(String accountNumber, LedgerAccount ledgerAccount, BigDecimal debit, BigDecimal credit) {
        this.accountNumber = accountNumber;
        this.ledgerAccount = ledgerAccount;
        this.debit = debit;
        this.credit = credit;
    }
}
