package org.metertocash.dunning.collections;

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

/** One step of an account's collection history, with the rule that decided it. */
@Entity
@Table(name = "collection_transition")
public class CollectionTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public CollectionState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public CollectionState toState;

    @Column(nullable = false)
    public String rule;

    @Column(name = "cause_event_id")
    public UUID causeEventId;

    @Column(nullable = false)
    public Instant at;
}
