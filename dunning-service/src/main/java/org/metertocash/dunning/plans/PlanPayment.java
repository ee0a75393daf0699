package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A payment counted towards a plan, once per payment id. A returned payment stays, reversed, and no longer counts; a
 * return seen before its payment is kept as a reversed row so the payment never counts.
 */
@Entity
@Table(name = "payment_plan_payment")
public class PlanPayment extends PanacheEntityBase {

    @Id
    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(nullable = false)
    public boolean reversed;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "reversed_at")
    public Instant reversedAt;
}
