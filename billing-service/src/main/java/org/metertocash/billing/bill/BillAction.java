package org.metertocash.billing.bill;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in a bill's audit trail: what happened, who did it, when and why. */
@Entity
@Table(name = "bill_action")
public class BillAction extends PanacheEntityBase {

    /** What happened to the bill. */
    public enum Action {
        DRAFTED, POSTED, HELD, APPROVED, CANCELLED, REBILLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "bill_id", nullable = false)
    public UUID billId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    @Column(nullable = false)
    public String actor;

    public String note;

    @Column(nullable = false)
    public Instant at;

    static void record(UUID billId, Action action, String actor, String note, Instant at) {
        BillAction entry = new BillAction();
        entry.billId = billId;
        entry.action = action;
        entry.actor = actor;
        entry.note = note;
        entry.at = at;
        entry.persist();
    }
}
