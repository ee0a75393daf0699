package org.metertocash.dunning.collections;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.metertocash.contracts.common.BillingType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account followed by collections. A premise enrolled again gets a new account, followed from CURRENT. */
@Entity
@Table(name = "collection_account")
public class CollectionAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_type", nullable = false)
    public BillingType billingType;

    /** The premise's county: extreme-weather moratoriums are decided per county (§25.483(j)). */
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CollectionState state;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
