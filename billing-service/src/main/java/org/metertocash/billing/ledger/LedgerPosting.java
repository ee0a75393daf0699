package org.metertocash.billing.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A posting as stored: written once by {@link Ledger}, never changed (the database refuses updates and deletes and
 * checks at commit that its entries balance). Read it through {@link Posting}.
 */
@Entity
@Immutable
@Table(name = "ledger_posting")
public class LedgerPosting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostingKind kind;

    @Column(name = "posting_key", nullable = false, unique = true)
    public String postingKey;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String description;

    public UUID reverses;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(nullable = false)
    public String actor;

    public String note;

    @Column(nullable = false)
    public String source;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Immutable
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ledger_entry", joinColumns = @JoinColumn(name = "posting_id"))
    @OrderColumn(name = "line")
    public List<LedgerEntry> entries = new ArrayList<>();
}
