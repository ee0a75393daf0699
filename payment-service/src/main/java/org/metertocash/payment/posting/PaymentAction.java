package org.metertocash.payment.posting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The audit trail of a payment: what an analyst did to it (apply unapplied cash, refund), who, when and why. */
@Entity
@Table(name = "payment_action")
public class PaymentAction extends PanacheEntityBase {

    /** What was done. */
    public enum Action {
        APPLY, REFUND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public PaymentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PaymentStatus toStatus;

    /** The account the payment was applied to, for APPLY. */
    @Column(name = "account_number")
    public String accountNumber;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String note;

    @Column(nullable = false)
    public Instant at;
}
