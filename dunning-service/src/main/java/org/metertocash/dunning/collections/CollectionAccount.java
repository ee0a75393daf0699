package org.metertocash.dunning.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.metertocash.contracts.common.BillingType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account followed by collections, with its state. A premise enrolled again gets a new account, followed from
 * CURRENT; the premise's current account is its latest opened.
 */
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

    /** The rule that put the account in its state (a hold whose reason changes is a new step). */
    public String rule;

    /** The enrollment the account was opened for: its customer is who notices go to. */
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    /** The wires utility's code: service orders go to its DUNS. */
    public String tdsp;

    /** What happens next and when, as the latest evaluation saw it; the day turn evaluates accounts whose day came. */
    @Column(name = "next_what")
    public String nextWhat;

    @Column(name = "next_on")
    public LocalDate nextOn;

    /** A pre-pay account collections moved to postpaid (16 TAC §25.498), and the designation that required it. */
    @Column(name = "converted_on")
    public LocalDate convertedOn;

    @Column(name = "converted_for")
    public String convertedFor;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
