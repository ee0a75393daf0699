package org.metertocash.billing.bill;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

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

    /** A step not yet written, for {@link #recordAll}. */
    record Entry(UUID billId, Action action, String actor, String note, Instant at) {
    }

    /**
     * Writes many steps with one batched statement, in list order (so each bill's steps keep their order by id).
     * A bill run writes its chunk's steps this way: one entity insert each would be a round trip each, the database
     * generating the id. The bills must be written (flushed) already.
     */
    static void recordAll(EntityManager em, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bill_action (bill_id, action, actor, note, at) values (?, ?, ?, ?, ?)")) {
                for (Entry entry : entries) {
                    insert.setObject(1, entry.billId());
                    insert.setString(2, entry.action().name());
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.note());
                    insert.setObject(5, entry.at().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

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
