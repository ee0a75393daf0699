package org.metertocash.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;

/**
 * A premise's TDSP invoices (810_02) for operations, newest period first, each with how it compares with the bill of
 * its period as things stand now.
 */
@Path("/tdsp-invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TDSP invoices")
public class TdspInvoiceResource {

    /**
     * How an invoice compares with the bill of its period.
     *
     * @param result AGREES or DISAGREES (the period's standing invoices against the bill's TDU lines, within the
     *        tolerance); AWAITING_BILL (stored, checked when the bill is drafted); SUPERSEDED (a cancel or replacement
     *        restated it); NOT_COMPARED (the invoice is a cancel); NOT_CHECKED (the check is switched off)
     * @param billId the bill compared, if any
     * @param billedDelivery the bill's TDU pass-through lines, dollars
     * @param invoicedDelivery the period's standing invoices, dollars
     * @param detail what was compared
     */
    public record Check(String result, UUID billId, BigDecimal billedDelivery, BigDecimal invoicedDelivery,
            String detail) {
    }

    /** A stored invoice; {@code supersededBy} is the invoice number of the cancel or replacement that restated it. */
    public record InvoiceView(UUID id, String esiId, String tdspDuns, String invoiceNumber, LocalDate invoiceDate,
            TdspInvoice.Purpose purpose, String originalInvoiceNumber, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, BigDecimal totalAmount, List<TdspInvoiceReceived.Charge> charges,
            TdspInvoice.Status status, String supersededBy, UUID ediTransactionId, Instant receivedAt, Check check) {
    }

    private record Period(LocalDate start, LocalDate end) {
    }

    @Inject
    TdspInvoiceReconciliation reconciliation;

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "A premise's TDSP invoices (810_02), latest period first, each with its check against the bill of its period (esiId is required)")
    public List<InvoiceView> invoices(@QueryParam("esiId") String esiId) {
        if (esiId == null || esiId.isBlank()) {
            throw ProblemException.invalid("esiId", "is required");
        }
        List<TdspInvoice> invoices = TdspInvoice.list("esiId", Sort.descending("periodStart").and("periodEnd",
                Sort.Direction.Descending).and("receivedAt", Sort.Direction.Descending), esiId.trim());
        Map<UUID, String> numbers = new HashMap<>();
        invoices.forEach(i -> numbers.put(i.id, i.invoiceNumber));
        Map<Period, Optional<TdspInvoiceReconciliation.Comparison>> periods = new HashMap<>();
        return invoices.stream().map(i -> new InvoiceView(i.id, i.esiId, i.tdspDuns, i.invoiceNumber, i.invoiceDate,
                i.purpose, i.originalInvoiceNumber, i.periodStart, i.periodEnd, i.dueDate, i.totalAmount, i.charges,
                i.status, i.supersededBy == null ? null : numbers.get(i.supersededBy), i.ediTransactionId,
                i.receivedAt, check(i, numbers, periods))).toList();
    }

    private Check check(TdspInvoice invoice, Map<UUID, String> numbers,
            Map<Period, Optional<TdspInvoiceReconciliation.Comparison>> periods) {
        switch (invoice.status) {
            case CANCEL -> {
                return new Check("NOT_COMPARED", null, null, null,
                        "a cancel of invoice " + invoice.originalInvoiceNumber);
            }
            case CANCELLED, REPLACED -> {
                return new Check("SUPERSEDED", null, null, null, invoice.status.name().toLowerCase() + " by invoice "
                        + numbers.getOrDefault(invoice.supersededBy, String.valueOf(invoice.supersededBy)));
            }
            case ACTIVE -> {
                if (!reconciliation.enabled()) {
                    return new Check("NOT_CHECKED", null, null, null,
                            "billing.bills.validation.tdsp-invoice.enabled is off");
                }
                Optional<TdspInvoiceReconciliation.Comparison> comparison = periods.computeIfAbsent(
                        new Period(invoice.periodStart, invoice.periodEnd),
                        p -> reconciliation.current(invoice.esiId, p.start(), p.end()));
                if (comparison.isEmpty()) {
                    return new Check("AWAITING_BILL", null, null, invoice.totalAmount, "no bill for "
                            + invoice.periodStart + " – " + invoice.periodEnd
                            + " yet: the bill is checked against the invoice when it is drafted");
                }
                TdspInvoiceReconciliation.Comparison c = comparison.get();
                return new Check(c.result().passed() ? "AGREES" : "DISAGREES", c.bill().id, c.billedDelivery(),
                        c.invoiced() == null ? null : c.invoiced().amount(), c.result().detail());
            }
        }
        throw new IllegalStateException("unknown invoice status " + invoice.status);
    }
}
