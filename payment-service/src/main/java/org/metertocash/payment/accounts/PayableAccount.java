package org.metertocash.payment.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.contracts.common.BillingType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A billing account payments can be matched to, kept from billing's BillingAccountOpened. */
@Entity
@Table(name = "payable_account")
public class PayableAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_type", nullable = false)
    public BillingType billingType;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
}
