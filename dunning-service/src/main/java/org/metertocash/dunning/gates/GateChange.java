package org.metertocash.dunning.gates;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The audit trail of the gates: who recorded, changed, imported or removed a moratorium or a designation, and when. */
@Entity
@Table(name = "gate_change")
public class GateChange extends PanacheEntityBase {

    /** What kind of gate changed. */
    public enum Subject {
        MORATORIUM, MORATORIUM_IMPORT, DESIGNATION
    }

    /** What was done to it. */
    public enum Action {
        RECORDED, CHANGED, REMOVED, IMPORTED, REFUSED, ENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Subject subject;

    /** The moratorium ({@code county/date}), the import id or the designation id. */
    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "esi_id")
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public String detail;

    static void record(Subject subject, String subjectKey, String esiId, Action action, String actor, Instant at,
            String detail) {
        GateChange change = new GateChange();
        change.subject = subject;
        change.subjectKey = subjectKey;
        change.esiId = esiId;
        change.action = action;
        change.actor = actor;
        change.at = at;
        change.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        change.persist();
    }
}
