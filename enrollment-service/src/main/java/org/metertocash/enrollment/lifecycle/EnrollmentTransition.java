package org.metertocash.enrollment.lifecycle;

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

/** One state change of an enrollment and what caused it. */
@Entity
@Table(name = "enrollment_transition")
public class EnrollmentTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public EnrollmentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public EnrollmentState toState;

    public String reason;

    /** The event that caused the change (a market transaction relayed by the gateway), if any. */
    @Column(name = "cause_event_id")
    public UUID causeEventId;

    /** The trigger: a market event, an operation or the clock. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cause")
    public Trigger cause;

    /** Who acted: a user name, "market" or "system". */
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
