package org.metertocash.enrollment.tpv;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The third-party verification of a customer's consent to switch (16 TAC §25.474): who verified it, their
 * confirmation id, when, and where the recording is kept. One per enrollment.
 */
@Entity
@Table(name = "enrollment_tpv")
public class Tpv extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(nullable = false)
    public String vendor;

    @Column(name = "confirmation_id", nullable = false)
    public String confirmationId;

    @Column(name = "verified_on", nullable = false)
    public LocalDate verifiedOn;

    @Column(name = "recording_reference", nullable = false)
    public String recordingReference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
