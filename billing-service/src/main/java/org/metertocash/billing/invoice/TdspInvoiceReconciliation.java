package org.metertocash.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.metertocash.billing.bill.Bill;
import org.metertocash.billing.bill.BillReview;
import org.metertocash.billing.bill.BillsConfig;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.billing.bill.validation.InvoicedDelivery;
import org.metertocash.billing.bill.validation.ValidationResult;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.panache.common.Sort;

/**
 * Compares the bills of a premise's service period with what the wires utility invoiced for it, after an invoice
 * (or a cancel or replacement of one) arrived — the same comparison as the bill validation rule TDSP_INVOICE_MISMATCH
 * ({@link BillValidation#tdspInvoice}). A disagreement raises a {@value #TDSP_INVOICE_MISMATCH} work item per bill with
 * both figures (again on each later disagreement; closed by itself once a replacement or cancel makes them agree); a
 * bill still held for review gets the rule's new result in its validation. A posted bill is never edited: operations
 * settle a disagreement with the utility or cancel and rebill. A period without a bill is left alone: its bill is
 * checked against the invoice when it is drafted.
 */
@ApplicationScoped
public class TdspInvoiceReconciliation {

    /** Work item: the TDSP's invoiced delivery charges disagree with a bill drafted before the invoice arrived. */
    public static final String TDSP_INVOICE_MISMATCH = BillValidation.TDSP_INVOICE_MISMATCH;

    /** How one bill of the period compares with the period's standing invoices. */
    public record Comparison(Bill bill, BigDecimal billedDelivery, InvoicedDelivery invoiced,
            ValidationResult result) {
    }

    @Inject
    EntityManager em;

    @Inject
    BillsConfig config;

    @Inject
    BillReview review;

    @Inject
    WorkQueue workQueue;

    /** Whether invoices are compared with bills at all ({@code billing.bills.validation.tdsp-invoice.enabled}). */
    public boolean enabled() {
        return config.validation().tdspInvoice().enabled();
    }

    public BigDecimal tolerance() {
        return config.validation().tdspInvoice().tolerance();
    }

    /** Compares the period's bills with its standing invoices, and acts on each comparison. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Comparison> reconcile(String esiId, LocalDate periodStart, LocalDate periodEnd) {
        // The bill run locks a meter read before it drafts its bill and reads the period's invoices. Locking the
        // period's reads here first means a bill being drafted now is seen here once it commits, or sees this
        // invoice: never neither. (Usage and invoices of one premise arrive in order on one partition, so the read
        // of a bill is stored before an invoice that follows it is handled.)
        em.createNativeQuery("select id from meter_read where esi_id = ?1 and period_start = ?2 and period_end = ?3 "
                + "order by id for update").setParameter(1, esiId).setParameter(2, periodStart)
                .setParameter(3, periodEnd).getResultList();
        List<Comparison> comparisons = compare(esiId, periodStart, periodEnd);
        for (Comparison comparison : comparisons) {
            act(comparison);
        }
        return comparisons;
    }

    /** How each bill that stands for the period compares with the period's standing invoices, newest bill first. */
    @Transactional
    public List<Comparison> compare(String esiId, LocalDate periodStart, LocalDate periodEnd) {
        List<Bill> bills = Bill.list("esiId = ?1 and periodStart = ?2 and periodEnd = ?3 and status <> ?4",
                Sort.descending("draftedAt"), esiId, periodStart, periodEnd, Bill.Status.CANCELLED);
        if (bills.isEmpty()) {
            return List.of();
        }
        InvoicedDelivery invoiced = TdspInvoice.invoicedDuring(esiId, periodStart, periodEnd);
        return bills.stream().map(bill -> {
            BigDecimal billed = billedDelivery(bill.id);
            return new Comparison(bill, billed, invoiced, BillValidation.tdspInvoice(billed, invoiced, tolerance()));
        }).toList();
    }

    /** The sum of a stored bill's TDU pass-through lines. */
    BigDecimal billedDelivery(UUID billId) {
        List<BigDecimal> amounts = em.createQuery(
                "select l.amount from BillItem l where l.billId = :bill and l.kind in :kinds", BigDecimal.class)
                .setParameter("bill", billId).setParameter("kinds", BillValidation.TDU_LINES).getResultList();
        return BillValidation.deliveryCharges(amounts);
    }

    private void act(Comparison comparison) {
        Bill bill = comparison.bill();
        String reference = bill.id.toString();
        if (comparison.result().passed()) {
            workQueue.closeByReference(TDSP_INVOICE_MISMATCH, reference, WorkQueue.SYSTEM,
                    comparison.result().detail());
        } else {
            InvoicedDelivery invoiced = comparison.invoiced();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("billId", reference);
            details.put("accountNumber", bill.accountNumber);
            details.put("billStatus", bill.status.name());
            details.put("periodStart", bill.periodStart.toString());
            details.put("periodEnd", bill.periodEnd.toString());
            details.put("billedDelivery", comparison.billedDelivery().toPlainString());
            details.put("invoicedDelivery", invoiced.amount().toPlainString());
            details.put("difference", invoiced.amount().subtract(comparison.billedDelivery()).toPlainString());
            details.put("tolerance", tolerance().toPlainString());
            details.put("invoiceNumbers", invoiced.invoiceNumbers());
            workQueue.raise(TDSP_INVOICE_MISMATCH, bill.esiId, reference, "TDSP invoice "
                    + String.join(", ", invoiced.invoiceNumbers()) + " for " + bill.periodStart + " – "
                    + bill.periodEnd + " charges " + invoiced.amount() + " for delivery; bill " + bill.id + " ("
                    + bill.status + ") passes through " + comparison.billedDelivery(), details);
        }
        if (bill.status == Bill.Status.HELD_FOR_REVIEW || bill.status == Bill.Status.DRAFT) {
            review.recheck(bill.id, comparison.result());
        }
    }

    /** The check of the period as it stands, for the bill that stands for it (the newest), if there is one. */
    @Transactional
    public Optional<Comparison> current(String esiId, LocalDate periodStart, LocalDate periodEnd) {
        return compare(esiId, periodStart, periodEnd).stream().findFirst();
    }
}
