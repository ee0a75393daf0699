package org.metertocash.payment.autopay;

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

/** One thing that happened to a mandate, who did it and when; bank account numbers only ever masked. */
@Entity
@Table(name = "autopay_mandate_history")
public class MandateHistory extends PanacheEntityBase {

    /** What happened. */
    public enum Event {
        ENROLLED, REPLACED, CANCELLED, SUSPENDED, RETURN_RECEIVED, NOC_APPLIED, NOC_NOT_APPLIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mandate_id", nullable = false)
    public UUID mandateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Event event;

    /** The NOC change code or return reason code, when one caused it. */
    @Column(name = "change_code")
    public String changeCode;

    @Column(nullable = false)
    public String detail;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public static void record(UUID mandateId, Event event, String code, String detail, String actor, Instant at) {
        MandateHistory entry = new MandateHistory();
        entry.mandateId = mandateId;
        entry.event = event;
        entry.changeCode = code;
        entry.detail = detail;
        entry.actor = actor;
        entry.at = at;
        entry.persist();
    }
}
