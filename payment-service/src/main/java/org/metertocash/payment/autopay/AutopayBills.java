package org.metertocash.payment.autopay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.payment.posting.PaymentRules;
import org.metertocash.platform.calendar.BusinessCalendar;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Turns billing's bills into auto-draft debits. A posted bill of an account with an active mandate is scheduled for
 * its draft date ({@link DraftDates}); a cancelled bill cancels its debit while it has not gone out. Once per bill,
 * however often the events come (the debit is unique per bill, beside the consumer's inbox).
 */
@ApplicationScoped
public class AutopayBills {

    /** A bill of an auto-draft account that could not be scheduled: reference = bill id, details say why. */
    public static final String AUTOPAY_DEBIT_NOT_SCHEDULED = "AUTOPAY_DEBIT_NOT_SCHEDULED";
    /** A bill cancelled after its debit went to the bank: reference = debit id; the money stays a credit. */
    public static final String AUTOPAY_DEBIT_ALREADY_SENT = "AUTOPAY_DEBIT_ALREADY_SENT";

    private static final Logger LOG = Logger.getLogger(AutopayBills.class);

    @Inject
    BusinessCalendar calendar;

    @Inject
    PaymentRules rules;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void posted(BillPosted bill, ConsumedEvent envelope) {
        if (bill.billId() == null || bill.accountNumber() == null) {
            return; // not a bill anyone could draft; billing's own checks own it
        }
        if (AutopayDebit.count("billId", bill.billId()) > 0) {
            return;
        }
        Mandate mandate = Mandate.inForce(bill.accountNumber());
        if (mandate == null) {
            return;
        }
        if (mandate.status != Mandate.Status.ACTIVE) {
            notScheduled(bill, mandate, "MANDATE_" + mandate.status, "the mandate is " + mandate.status
                    + (mandate.statusReason == null ? "" : " (" + mandate.statusReason + ")"));
            return;
        }
        BigDecimal amount = bill.amountDue();
        if (amount == null || amount.signum() <= 0) {
            LOG.infof("Bill %s of account %s owes nothing (%s): no debit", bill.billId(), bill.accountNumber(), amount);
            return;
        }
        var amountProblem = rules.amount(amount);
        if (amountProblem.isPresent() || bill.dueDate() == null) {
            notScheduled(bill, mandate, "INVALID_BILL", bill.dueDate() == null ? "the bill has no due date"
                    : "amount due " + amount.toPlainString() + " " + amountProblem.get());
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate draftDate = DraftDates.draftDate(calendar, bill.dueDate(), mandate.daysBeforeDue);
        if (draftDate.isBefore(today)) {
            if (bill.dueDate().isBefore(today)) {
                notScheduled(bill, mandate, "PAST_DUE", "the bill arrived after its due date " + bill.dueDate()
                        + ": a debit is never drafted after the due date");
                return;
            }
            draftDate = today; // arrived late: drafted in the next file, still by the due date
        }
        Instant now = clock.instant();
        AutopayDebit debit = new AutopayDebit();
        debit.id = UUID.randomUUID();
        debit.mandateId = mandate.id;
        debit.billId = bill.billId();
        debit.accountNumber = mandate.accountNumber;
        debit.esiId = bill.esiId() != null ? bill.esiId() : mandate.esiId;
        debit.amount = amount.setScale(2);
        debit.dueDate = bill.dueDate();
        debit.draftDate = draftDate;
        debit.moveTo(AutopayDebit.Status.SCHEDULED, null, now);
        debit.createdAt = now;
        debit.sourceEventId = envelope.id();
        debit.persist();
        LOG.infof("Bill %s of account %s ($%s due %s): auto-draft debit %s scheduled for %s", bill.billId(),
                bill.accountNumber(), debit.amount.toPlainString(), bill.dueDate(), debit.id, draftDate);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(BillCancelled bill, ConsumedEvent envelope) {
        if (bill.billId() == null) {
            return;
        }
        AutopayDebit debit = AutopayDebit.<AutopayDebit> find("billId", bill.billId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (debit == null) {
            return;
        }
        switch (debit.status) {
            case SCHEDULED -> {
                debit.moveTo(AutopayDebit.Status.CANCELLED, "bill cancelled" + (bill.reason() == null ? ""
                        : ": " + bill.reason()), clock.instant());
                LOG.infof("Bill %s cancelled: its auto-draft debit %s is cancelled", bill.billId(), debit.id);
            }
            case SENT -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("debitId", debit.id.toString());
                details.put("billId", bill.billId().toString());
                details.put("accountNumber", debit.accountNumber);
                details.put("amount", debit.amount.toPlainString());
                details.put("traceNumber", debit.traceNumber);
                details.put("paymentId", String.valueOf(debit.paymentId));
                workQueue.raise(AUTOPAY_DEBIT_ALREADY_SENT, debit.esiId, debit.id.toString(), "Bill " + bill.billId()
                        + " was cancelled after its auto-draft of $" + debit.amount.toPlainString()
                        + " went to the bank (trace " + debit.traceNumber + "): the payment stands as a credit on the "
                        + "account; refund it if the customer asks", details);
            }
            default -> {
                // returned, cancelled or failed already: nothing left to stop
            }
        }
    }

    private void notScheduled(BillPosted bill, Mandate mandate, String reasonCode, String why) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("billId", bill.billId().toString());
        details.put("accountNumber", bill.accountNumber());
        details.put("mandateId", mandate.id.toString());
        details.put("reasonCode", reasonCode);
        details.put("amountDue", bill.amountDue() == null ? null : bill.amountDue().toPlainString());
        details.put("dueDate", bill.dueDate() == null ? null : bill.dueDate().toString());
        workQueue.raise(AUTOPAY_DEBIT_NOT_SCHEDULED, bill.esiId(), bill.billId().toString(), "Bill " + bill.billId()
                + " of auto-draft account " + bill.accountNumber() + " is not drafted: " + why
                + "; collect it another way", details);
    }
}
