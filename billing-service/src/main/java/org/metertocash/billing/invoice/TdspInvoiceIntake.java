package org.metertocash.billing.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.events.PoisonRecordException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Stores the wires utility's 810_02 invoices ({@link TdspInvoiceReceived}) and reconciles their period with its bills.
 * <ul>
 * <li>Once per utility and invoice number: the same invoice announced again has no effect; the number announced
 * again with other content is not applied and raises a {@value #TDSP_INVOICE_CONFLICT} work item carrying it whole.</li>
 * <li>A cancel (01) is stored as a CANCEL and marks the invoice it names CANCELLED; a replacement (05) stands and
 * marks it REPLACED. Either may arrive before the invoice it names: that invoice is then stored already restated.</li>
 * <li>When no bill exists yet for the period the invoice is only stored: the bill is checked against it when it is
 * drafted (rule TDSP_INVOICE_MISMATCH). 16 TAC §25.479 wants the bill within 30 days of receiving the usage and the
 * TDSP invoice, so a bill never waits for an invoice; one arriving after its bill is compared at once
 * ({@link TdspInvoiceReconciliation}).</li>
 * <li>An event without an ESI ID, utility, invoice number, date, period or amount, or with a purpose that is not
 * ORIGINAL, CANCEL or REPLACE, cannot be an invoice: it is dead-lettered (kept whole, reported with the reason, raised
 * as a work item) rather than guessed at.</li>
 * </ul>
 */
@ApplicationScoped
public class TdspInvoiceIntake {

    /** Work item: an invoice number already applied came again with different content. */
    public static final String TDSP_INVOICE_CONFLICT = "TDSP_INVOICE_CONFLICT";

    private static final Logger LOG = Logger.getLogger(TdspInvoiceIntake.class);

    @Inject
    Clock clock;

    @Inject
    WorkQueue workQueue;

    @Inject
    TdspInvoiceReconciliation reconciliation;

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(TdspInvoiceReceived received, ConsumedEvent envelope) {
        TdspInvoice.Purpose purpose = usable(received);
        TdspInvoice existing = TdspInvoice.<TdspInvoice> find("tdspDuns = ?1 and invoiceNumber = ?2",
                received.tdspDuns().trim(), received.invoiceNumber().trim()).firstResult();
        if (existing != null) {
            if (sameInvoice(existing, received, purpose)) {
                LOG.debugf("TDSP invoice %s of %s is stored already", received.invoiceNumber(), received.tdspDuns());
            } else {
                conflict(existing, received, envelope);
            }
            return;
        }
        TdspInvoice invoice = invoice(received, purpose, envelope.id());
        List<TdspInvoice> restated = new ArrayList<>();
        switch (purpose) {
            case ORIGINAL -> {
                invoice.status = TdspInvoice.Status.ACTIVE;
                restatementOf(invoice).ifPresent(by -> {
                    invoice.status = by.purpose == TdspInvoice.Purpose.CANCEL ? TdspInvoice.Status.CANCELLED
                            : TdspInvoice.Status.REPLACED;
                    invoice.supersededBy = by.id;
                });
            }
            case CANCEL -> {
                invoice.status = TdspInvoice.Status.CANCEL;
                restated(invoice).ifPresent(original -> {
                    original.status = TdspInvoice.Status.CANCELLED;
                    restated.add(original);
                });
            }
            case REPLACE -> {
                invoice.status = TdspInvoice.Status.ACTIVE;
                restated(invoice).ifPresent(original -> {
                    original.status = TdspInvoice.Status.REPLACED;
                    restated.add(original);
                });
            }
        }
        invoice.persist();
        if (purpose != TdspInvoice.Purpose.ORIGINAL && restated.isEmpty()) {
            LOG.infof("TDSP invoice %s (%s) restates invoice %s, which is not here (yet): it is marked when it arrives",
                    invoice.invoiceNumber, purpose, invoice.originalInvoiceNumber);
        }
        if (!reconciliation.enabled() || invoice.status == TdspInvoice.Status.CANCELLED
                || invoice.status == TdspInvoice.Status.REPLACED) {
            return; // nothing compared, or an invoice restated before it arrived: what stands did not change
        }
        TdspInvoice.flush();
        reconciliation.reconcile(invoice.esiId, invoice.periodStart, invoice.periodEnd);
        for (TdspInvoice original : restated) {
            if (!original.periodStart.equals(invoice.periodStart) || !original.periodEnd.equals(invoice.periodEnd)) {
                reconciliation.reconcile(original.esiId, original.periodStart, original.periodEnd);
            }
        }
    }

    private static TdspInvoice.Purpose usable(TdspInvoiceReceived received) {
        List<String> missing = new ArrayList<>();
        if (blank(received.esiId())) {
            missing.add("esiId");
        }
        if (blank(received.tdspDuns())) {
            missing.add("tdspDuns");
        }
        if (blank(received.invoiceNumber())) {
            missing.add("invoiceNumber");
        }
        if (received.invoiceDate() == null) {
            missing.add("invoiceDate");
        }
        if (received.periodStart() == null) {
            missing.add("periodStart");
        }
        if (received.periodEnd() == null) {
            missing.add("periodEnd");
        }
        if (received.totalAmount() == null && (received.charges() == null || received.charges().isEmpty())) {
            missing.add("totalAmount");
        }
        if (!missing.isEmpty()) {
            throw new PoisonRecordException("a TDSP invoice without " + String.join(", ", missing));
        }
        if (received.periodEnd().isBefore(received.periodStart())) {
            throw new PoisonRecordException("TDSP invoice " + received.invoiceNumber() + ": the period ends ("
                    + received.periodEnd() + ") before it starts (" + received.periodStart() + ")");
        }
        TdspInvoice.Purpose purpose;
        try {
            purpose = TdspInvoice.Purpose.valueOf(String.valueOf(received.purpose()).trim());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("TDSP invoice " + received.invoiceNumber() + ": purpose "
                    + received.purpose() + " is not ORIGINAL, CANCEL or REPLACE", e);
        }
        if (purpose != TdspInvoice.Purpose.ORIGINAL && blank(received.originalInvoiceNumber())) {
            throw new PoisonRecordException("TDSP invoice " + received.invoiceNumber() + ": a " + purpose
                    + " must name the invoice it restates");
        }
        return purpose;
    }

    private TdspInvoice invoice(TdspInvoiceReceived received, TdspInvoice.Purpose purpose, UUID eventId) {
        TdspInvoice invoice = new TdspInvoice();
        invoice.id = UUID.randomUUID();
        invoice.esiId = received.esiId().trim();
        invoice.tdspDuns = received.tdspDuns().trim();
        invoice.invoiceNumber = received.invoiceNumber().trim();
        invoice.invoiceDate = received.invoiceDate();
        invoice.purpose = purpose;
        invoice.originalInvoiceNumber = purpose == TdspInvoice.Purpose.ORIGINAL || blank(received.originalInvoiceNumber())
                ? null : received.originalInvoiceNumber().trim();
        invoice.periodStart = received.periodStart();
        invoice.periodEnd = received.periodEnd();
        invoice.dueDate = received.dueDate();
        invoice.charges = received.charges() == null ? List.of() : List.copyOf(received.charges());
        invoice.totalAmount = total(received);
        invoice.ediTransactionId = received.ediTransactionId();
        invoice.eventId = eventId;
        invoice.receivedAt = clock.instant();
        return invoice;
    }

    /** TDS01; the sum of the charges when an invoice came without it. */
    private static BigDecimal total(TdspInvoiceReceived received) {
        if (received.totalAmount() != null) {
            return received.totalAmount();
        }
        return received.charges().stream().map(TdspInvoiceReceived.Charge::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The standing invoice a cancel or replacement names (BIG04), marked superseded by it. */
    private static Optional<TdspInvoice> restated(TdspInvoice by) {
        Optional<TdspInvoice> original = TdspInvoice.<TdspInvoice> find(
                "tdspDuns = ?1 and invoiceNumber = ?2 and esiId = ?3 and status = ?4", by.tdspDuns,
                by.originalInvoiceNumber, by.esiId, TdspInvoice.Status.ACTIVE).firstResultOptional();
        original.ifPresent(invoice -> invoice.supersededBy = by.id);
        return original;
    }

    /** A cancel or replacement of this invoice that arrived before it. */
    private static Optional<TdspInvoice> restatementOf(TdspInvoice original) {
        return TdspInvoice.<TdspInvoice> find("tdspDuns = ?1 and originalInvoiceNumber = ?2 and esiId = ?3 "
                + "and purpose in ?4", original.tdspDuns, original.invoiceNumber, original.esiId,
                List.of(TdspInvoice.Purpose.CANCEL, TdspInvoice.Purpose.REPLACE)).firstResultOptional();
    }

    private static boolean sameInvoice(TdspInvoice stored, TdspInvoiceReceived received, TdspInvoice.Purpose purpose) {
        return stored.esiId.equals(received.esiId().trim()) && stored.purpose == purpose
                && stored.periodStart.equals(received.periodStart()) && stored.periodEnd.equals(received.periodEnd())
                && stored.totalAmount.compareTo(total(received)) == 0;
    }

    private void conflict(TdspInvoice stored, TdspInvoiceReceived received, ConsumedEvent envelope) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storedInvoiceId", stored.id.toString());
        details.put("eventId", envelope.id().toString());
        details.put("received", received);
        workQueue.raise(TDSP_INVOICE_CONFLICT, received.esiId(), received.tdspDuns() + ":" + received.invoiceNumber()
                + ":" + envelope.id(), "TDSP invoice " + received.invoiceNumber() + " of " + received.tdspDuns()
                + " came again with other content (" + received.esiId() + ", " + received.periodStart() + " – "
                + received.periodEnd() + ", " + received.purpose() + ", " + total(received) + "); the stored one ("
                + stored.esiId + ", " + stored.periodStart + " – " + stored.periodEnd + ", " + stored.purpose + ", "
                + stored.totalAmount + ") stands and this one is not applied", details);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
