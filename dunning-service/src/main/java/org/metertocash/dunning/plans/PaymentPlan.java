package org.metertocash.dunning.plans;

import java.math.BigDecimal;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A deferred payment plan of an account (16 TAC §25.480(j)): the balance deferred, the down payment and the number of
 * monthly installments, why the customer asked and whether the rule required the plan, and where it stands (a default
 * is recorded once, with the installment missed).
 */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    /** The balance deferred, down payment included. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "down_payment", nullable = false)
    public BigDecimal downPayment;

    @Column(name = "installment_count", nullable = false)
    public int installmentCount;

    @Column(name = "first_installment_due", nullable = false)
    public LocalDate firstInstallmentDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanReason reason;

    /** Whether §25.480(j) required the plan to be offered ({@link PlanRequirement}). */
    @Column(nullable = false)
    public boolean required;

    @Column(name = "required_rule", nullable = false)
    public String requiredRule;

    /** The due date of the bill whose balance is deferred (decides {@link #required}). */
    @Column(name = "bill_due_date", nullable = false)
    public LocalDate billDueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStanding.Status status;

    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "defaulted_on")
    public LocalDate defaultedOn;

    @Column(name = "defaulted_installment_due")
    public LocalDate defaultedInstallmentDue;

    @Column(name = "defaulted_amount_unpaid")
    public BigDecimal defaultedAmountUnpaid;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Version
    public long version;
}
