package org.metertocash.enrollment.premise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A switch hold on a premise, from the 814_20 that placed it until the 814_20 that removed it. */
@Entity
@Table(name = "switch_hold")
public class SwitchHold extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "placed_on")
    public LocalDate placedOn;

    @Column(name = "placed_reference")
    public String placedReference;

    @Column(name = "placed_event_id", nullable = false)
    public UUID placedEventId;

    @Column(name = "removed_on")
    public LocalDate removedOn;

    @Column(name = "removed_reference")
    public String removedReference;

    @Column(name = "removed_event_id")
    public UUID removedEventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
