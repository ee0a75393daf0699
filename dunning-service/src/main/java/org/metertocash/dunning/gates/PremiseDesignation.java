package org.metertocash.dunning.gates;

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
 * A designation of a premise's customer (critical care, chronic condition, low income) with its term: in force from
 * {@code effectiveFrom} until the day before {@code expiresOn} (16 TAC §25.497 for critical care and chronic
 * condition) or {@code endedOn}, whichever comes first. At most one of each type is open (not ended) per premise; ended
 * ones stay as history.
 */
@Entity
@Table(name = "premise_designation")
public class PremiseDesignation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Designation type;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** The first day it is no longer in force; null when it has no term. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** The day it was ended (no longer in force from that day); null while open. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    public boolean inForceOn(LocalDate day) {
        return DesignationTerm.inForce(effectiveFrom, expiresOn, endedOn, day);
    }
}
