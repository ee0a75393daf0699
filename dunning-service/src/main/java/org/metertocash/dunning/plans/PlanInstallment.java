package org.metertocash.dunning.plans;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One payment due under a plan's schedule; number 0 is the down payment. Written once with the plan. */
@Entity
@Table(name = "payment_plan_installment")
@IdClass(PlanInstallment.Key.class)
public class PlanInstallment extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    public int number;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal amount;

    public InstallmentSchedule.Installment installment() {
        return new InstallmentSchedule.Installment(number, dueDate, amount);
    }

    /** The key: the plan and the installment's number. */
    public static class Key implements Serializable {

        public UUID planId;
        public int number;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && number == key.number && Objects.equals(planId, key.planId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, number);
        }
    }
}
