package org.metertocash.billing.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.contracts.common.BillingType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A change of an account's billing type and product, with who made it, why and when: so far the move of a pre-pay
 * customer designated critical care or chronic condition to a postpaid product (16 TAC §25.498). Written once, never
 * edited; an account is converted once.
 */
@Entity
@Table(name = "billing_type_change")
public class BillingTypeChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_billing_type", nullable = false)
    public BillingType fromBillingType;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_billing_type", nullable = false)
    public BillingType toBillingType;

    @Column(name = "from_product", nullable = false)
    public String fromProduct;

    @Column(name = "to_product", nullable = false)
    public String toProduct;

    /** The first day billed post-pay: pre-pay daily charging stops from it. */
    @Column(name = "postpaid_from", nullable = false)
    public LocalDate postpaidFrom;

    /** What the customer had prepaid (positive) or owed (negative) when the account moved. */
    @Column(name = "prepaid_balance", nullable = false)
    public BigDecimal prepaidBalance;

    /** CRITICAL_CARE or CHRONIC_CONDITION: the designation that required the move. */
    public String designation;

    @Column(name = "requested_on")
    public LocalDate requestedOn;

    /** Why, in words, with the rule. */
    @Column(nullable = false)
    public String reason;

    /** Who: a user, or {@code system} for an event. */
    @Column(nullable = false)
    public String actor;

    /** What asked for it: an event type or an operation, and its id. */
    @Column(nullable = false)
    public String source;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    /** When. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The account's move to post-pay, if it was moved. */
    public static Optional<BillingTypeChange> conversionOf(String accountNumber) {
        return find("accountNumber = ?1 and toBillingType = ?2", accountNumber, BillingType.POSTPAY)
                .firstResultOptional();
    }

    /** Every change of the premise's accounts, newest first. */
    public static List<BillingTypeChange> ofPremise(String esiId) {
        return list("esiId", Sort.descending("changedAt").and("id"), esiId);
    }
}
