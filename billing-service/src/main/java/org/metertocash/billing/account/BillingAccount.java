package org.metertocash.billing.account;

import java.time.Clock;
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

/** The account a premise is billed on, opened when the market accepts its enrollment. */
@Entity
@Table(name = "billing_account")
public class BillingAccount extends PanacheEntityBase {

    /** PENDING_START until the scheduled start date, ACTIVE from it on (read from the business clock). */
    public enum Status {
        PENDING_START, ACTIVE
    }

    @Id
    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "enrollment_id", nullable = false, unique = true)
    public UUID enrollmentId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "address_line1", nullable = false)
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(nullable = false)
    public String city;

    @Column(name = "state_code", nullable = false)
    public String stateCode;

    @Column(nullable = false)
    public String zip;

    @Column(nullable = false)
    public String county;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_type", nullable = false)
    public BillingType billingType;

    @Column(nullable = false)
    public String tdsp;

    @Column(name = "bill_cycle", nullable = false)
    public int billCycle;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Version
    public long version;

    public Status status(Clock clock) {
        return LocalDate.now(clock).isBefore(startDate) ? Status.PENDING_START : Status.ACTIVE;
    }
}
