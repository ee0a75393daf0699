package org.metertocash.edi.transactions;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a 997 or an 824 said about one transaction of the log: the 997 we sent for an inbound transaction
 * ({@link Direction#OUTBOUND}), or the 997 / 824 a partner sent about one of ours ({@link Direction#INBOUND}), with
 * its code (AK501 A/E/R, or OTI01 TR/TE/TA) and the errors it reported.
 */
@Entity
@Table(name = "edi_acknowledgement")
public class EdiAcknowledgement extends PanacheEntityBase {

    /** A 997 Functional Acknowledgment: syntax. */
    public static final String FUNCTIONAL = "997";
    /** An 824 Application Advice: content. */
    public static final String ADVICE = "824";

    @Id
    public UUID id;

    /** {@value #FUNCTIONAL} or {@value #ADVICE}. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    /** The 997 or 824 in the log. */
    @Column(name = "acknowledging_transaction_id", nullable = false)
    public UUID acknowledgingTransactionId;

    /** The transaction acknowledged or advised on. */
    @Column(name = "transaction_id", nullable = false)
    public UUID transactionId;

    /** The other party's DUNS: the one we acknowledged, or the one that acknowledged ours. */
    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    /** AK1-01: the acknowledged group's GS01. */
    @Column(name = "functional_id")
    public String functionalId;

    /** AK1-02 / OTI08: the acknowledged group's GS06. */
    @Column(name = "group_control_number")
    public String groupControlNumber;

    /** AK2-01 / OTI10: the acknowledged transaction's ST01. */
    @Column(name = "set_id")
    public String setId;

    /** AK2-02 / OTI09: the acknowledged transaction's ST02. */
    @Column(name = "control_number")
    public String controlNumber;

    /** OTI03: the reference the 824 quoted (our BGN02). */
    public String reference;

    /** AK501 (A, E, R, ...) or OTI01 (TR, TE, TA, ...). */
    @Column(nullable = false)
    public String code;

    /** AK901 for a 997. */
    @Column(name = "group_code")
    public String groupCode;

    /** AK5/AK9 codes with the AK3/AK4 notes, or the 824's TED errors. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    /** The event published because of it (TransactionRejected for an 824 rejection). */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean accepted() {
        return "A".equals(code) || "E".equals(code) || "TA".equals(code) || "TC".equals(code);
    }
}
