package org.metertocash.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.metertocash.billing.bill.validation.InvoicedDelivery;
import org.metertocash.contracts.edi.TdspInvoiceReceived;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One 810_02 invoice of the wires utility for the delivery charges of one premise and service period. */
@Entity
@Table(name = "tdsp_invoice")
public class TdspInvoice extends PanacheEntityBase {

    /** BIG08: 00 original, 01 cancel, 05 replacement after restated usage. */
    public enum Purpose {
        ORIGINAL, CANCEL, REPLACE
    }

    /**
     * ACTIVE: the invoice stands and counts for its period. CANCELLED or REPLACED: a later cancel or replacement
     * ({@code supersededBy}) restated it. CANCEL: the row is itself a cancel, which never counts.
     */
    public enum Status {
        ACTIVE, CANCELLED, REPLACED, CANCEL
    }

    @Id
    public UUID id;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(name = "tdsp_duns", nullable = false)
    public String tdspDuns;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @Column(name = "invoice_date", nullable = false)
    public LocalDate invoiceDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "original_invoice_number")
    public String originalInvoiceNumber;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "total_amount", nullable = false)
    public BigDecimal totalAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<TdspInvoiceReceived.Charge> charges;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "edi_transaction_id")
    public UUID ediTransactionId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * The invoices that stand for a premise's service period, oldest first, as committed or flushed: the bill run
     * asks while it holds bills it has not written yet, and this query must not flush them half-way.
     */
    public static List<TdspInvoice> standing(String esiId, LocalDate periodStart, LocalDate periodEnd) {
        return getEntityManager().createQuery("from TdspInvoice where esiId = ?1 and periodStart = ?2 "
                + "and periodEnd = ?3 and status = ?4 order by receivedAt, invoiceNumber", TdspInvoice.class)
                .setParameter(1, esiId).setParameter(2, periodStart).setParameter(3, periodEnd)
                .setParameter(4, Status.ACTIVE).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /**
     * What the wires utility invoiced for a premise's service period: the standing invoices and the sum of their
     * totals; null when none stands (none arrived yet, or the ones that did were cancelled).
     */
    public static InvoicedDelivery invoicedDuring(String esiId, LocalDate periodStart, LocalDate periodEnd) {
        List<TdspInvoice> standing = standing(esiId, periodStart, periodEnd);
        if (standing.isEmpty()) {
            return null;
        }
        return new InvoicedDelivery(standing.stream().map(i -> i.invoiceNumber).toList(),
                standing.stream().map(i -> i.totalAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }
}
