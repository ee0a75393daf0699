package org.metertocash.dunning.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A notice a collections step issued (the notices feature keeps the document and its sending): which delinquency a
 * disconnect notice answers for, and the disconnect date printed on it, decide the steps after it.
 */
@Entity
@Table(name = "collection_notice")
public class CollectionNotice extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeChannel channel;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    public BigDecimal amount;

    @Column(name = "disconnect_date")
    public LocalDate disconnectDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
