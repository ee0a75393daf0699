package org.metertocash.edi.invoice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;

/**
 * The wires utility's 810_02 invoices for delivery charges: each becomes one {@link TdspInvoiceReceived} with its
 * charges, for billing's pass-through reconciliation. BIG08 05 replaces an invoice after restated usage (cancel and
 * rebill), 01 cancels one; BIG04 names it.
 * <p>
 * An invoice for an ESI ID we never enrolled is held ({@link KnownPremises}); one that makes no business sense
 * ({@link Invoice810#problems()}), an invoice number applied before, or a cancel of an invoice we never received
 * is FAILED with an {@value #INVOICE_INVALID} work item, and nothing is published. A bill goes out within 30 days
 * of receiving usage and the TDSP invoice (16 TAC §25.479), so a failed invoice is raised for operations at once.
 */
@ApplicationScoped
public class TdspInvoices implements InboundHandler {

    public static final String INVOICE_INVALID = "EDI_INVOICE_INVALID";
    public static final String INVOICE = "810_02";

    private static final Logger LOG = Logger.getLogger(TdspInvoices.class);

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    KnownPremises premises;

    @Inject
    Clock clock;

    @Override
    public String transactionSet() {
        return "810";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        inbound.transactionSet = INVOICE;
        Invoice810 invoice;
        List<String> problems = new ArrayList<>();
        try {
            invoice = Invoice810.read(set, interchange.senderId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "810 %s could not be read", inbound.id);
            inbound.bgnReference = set.first("BIG").map(big -> big.element(2)).orElse(null);
            fail(inbound, List.of("the invoice could not be read: " + e.getMessage()));
            return;
        }
        inbound.bgnReference = invoice.invoiceNumber();
        inbound.originalReference = invoice.originalInvoiceNumber();
        Map<String, Object> details = details(invoice);
        log.details(inbound, details);
        if (!premises.requireKnown(inbound, invoice.esiId())) {
            return;
        }
        problems.addAll(invoice.problems());
        if (problems.isEmpty() && EdiTransaction.count("direction = ?1 and transactionSet = ?2 and senderId = ?3 "
                + "and bgnReference = ?4 and status = ?5", Direction.INBOUND, INVOICE, inbound.senderId,
                invoice.invoiceNumber(), TransactionStatus.PROCESSED) > 0) {
            problems.add("invoice " + invoice.invoiceNumber() + " was already applied; a correction comes as a "
                    + "replace (BIG08 05)");
        }
        boolean originalFound = invoice.originalInvoiceNumber() == null
                || EdiTransaction.count("direction = ?1 and transactionSet = ?2 and esiId = ?3 and bgnReference = ?4 "
                        + "and status = ?5", Direction.INBOUND, INVOICE, inbound.esiId,
                        invoice.originalInvoiceNumber(), TransactionStatus.PROCESSED) > 0;
        if (problems.isEmpty() && "CANCEL".equals(invoice.purpose().orElse("")) && !originalFound) {
            problems.add("the cancel quotes invoice " + invoice.originalInvoiceNumber()
                    + ", which we never applied for ESI ID " + invoice.esiId());
        }
        if (!problems.isEmpty()) {
            details.put("problems", problems);
            log.details(inbound, details);
            fail(inbound, problems);
            return;
        }
        if (invoice.originalInvoiceNumber() != null) {
            details.put("originalFound", originalFound);
        }
        String purpose = invoice.purpose().orElseThrow();
        // An invoice arriving from the market on its own starts a flow of its own: correlated with this transaction.
        inbound.producedEventId = outbox.publish(new TdspInvoiceReceived(invoice.esiId(), invoice.tdspDuns(),
                invoice.invoiceNumber(), invoice.invoiceDate(), purpose,
                "ORIGINAL".equals(purpose) ? null : invoice.originalInvoiceNumber(), invoice.periodStart(),
                invoice.periodEnd(), invoice.dueDate(), invoice.total(), invoice.charges(), inbound.id),
                new Cause(inbound.id, null));
        log.details(inbound, details);
        inbound.correlationId = inbound.id;
        inbound.status = TransactionStatus.PROCESSED;
        inbound.updatedAt = clock.instant();
    }

    private static Map<String, Object> details(Invoice810 invoice) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", invoice.purpose().orElse(invoice.purposeCode()));
        details.put("invoiceNumber", invoice.invoiceNumber());
        if (invoice.originalInvoiceNumber() != null) {
            details.put("originalInvoiceNumber", invoice.originalInvoiceNumber());
        }
        details.put("invoiceDate", String.valueOf(invoice.invoiceDate()));
        details.put("tdspDuns", invoice.tdspDuns());
        details.put("periodStart", String.valueOf(invoice.periodStart()));
        details.put("periodEnd", String.valueOf(invoice.periodEnd()));
        if (invoice.dueDate() != null) {
            details.put("dueDate", invoice.dueDate().toString());
        }
        details.put("totalAmount", invoice.total());
        details.put("charges", invoice.charges().stream().map(c -> {
            Map<String, Object> charge = new LinkedHashMap<>();
            charge.put("code", c.code());
            charge.put("description", c.description());
            charge.put("amount", c.amount());
            return charge;
        }).toList());
        if (invoice.informationalLines() > 0) {
            details.put("informationalLines", invoice.informationalLines());
        }
        return details;
    }

    private void fail(EdiTransaction inbound, List<String> problems) {
        log.failForOperations(inbound, INVOICE_INVALID, problems);
    }
}
