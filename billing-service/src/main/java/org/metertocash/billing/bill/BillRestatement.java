package org.metertocash.billing.bill;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.billing.usage.UsageIntake;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Restated usage after a bill: when the wires utility cancels (867_03 BPT01 01) or replaces (BPT01 05) the read a bill
 * was drafted from, that bill is cancelled in the same transaction as the restatement — a posted bill by reversing its
 * ledger charge and announcing {@code BillCancelled}, never by an edit; a draft or held bill is simply dropped. A
 * replacement is an ACTIVE read without a bill, so the bill run drafts its rebill once the restatement commits and
 * links it to the cancelled bill both ways ({@link BillDrafting}). A correction of a bill issued more than
 * {@code billing.bills.rebill.late-after-cycles} (3) cycles earlier raises BILL_LATE_CORRECTION: 16 TAC §25.480(d),
 * interest may be owed unless an overbilling is corrected within 3 billing cycles.
 */
@ApplicationScoped
public class BillRestatement {

    /** A posted bill was corrected more than 3 billing cycles after its issue: check whether interest is owed. */
    public static final String BILL_LATE_CORRECTION = "BILL_LATE_CORRECTION";

    static final String ACTOR = Origin.SYSTEM;

    @Inject
    Clock clock;

    @Inject
    BillPosting posting;

    @Inject
    WorkQueue workQueue;

    @Inject
    BillsConfig config;

    void onRestated(@Observes UsageIntake.Restated restated) {
        List<Bill> bills = Bill.list("meterReadId = ?1 and status <> ?2", restated.readId(), Bill.Status.CANCELLED);
        for (Bill found : bills) {
            Bill bill = Bill.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
            if (bill.status == Bill.Status.CANCELLED) {
                continue;
            }
            String reason = restated.status() == MeterRead.Status.REPLACED
                    ? "usage " + bill.periodStart + " – " + bill.periodEnd + " replaced by the wires utility; rebilled"
                    : "usage " + bill.periodStart + " – " + bill.periodEnd + " cancelled by the wires utility";
            bill.restatedByReadId = restated.byReadId();
            if (bill.status == Bill.Status.POSTED) {
                Cause cause = new Cause(null, restated.eventId());
                posting.reverse(bill, reason, Origin.system("usage-restatement", restated.byReadId().toString()),
                        cause);
                lateCorrection(bill, reason);
            } else {
                bill.status = Bill.Status.CANCELLED;
                bill.cancelledAt = clock.instant();
                workQueue.closeByReference(BillDrafting.BILL_REVIEW, bill.id.toString(), ACTOR,
                        "usage restated; bill cancelled");
            }
            BillAction.record(bill.id, BillAction.Action.CANCELLED, ACTOR, reason, clock.instant());
        }
    }

    /** 16 TAC §25.480(d): interest may be owed on a correction made more than 3 billing cycles after the bill. */
    private void lateCorrection(Bill bill, String reason) {
        LocalDate today = LocalDate.now(clock);
        LocalDate onTimeUntil = bill.issueDate.plusDays((long) config.rebill().cycleDays()
                * config.rebill().lateAfterCycles());
        if (!today.isAfter(onTimeUntil)) {
            return;
        }
        long days = ChronoUnit.DAYS.between(bill.issueDate, today);
        workQueue.raise(BILL_LATE_CORRECTION, bill.esiId, bill.id.toString(), "Bill of account " + bill.accountNumber
                + " for " + bill.periodStart + " – " + bill.periodEnd + " (" + bill.amountDue + ", issued "
                + bill.issueDate + ") was corrected " + days + " days after issue, beyond "
                + config.rebill().lateAfterCycles() + " billing cycles: interest may be owed (16 TAC §25.480(d))",
                Map.of("billId", bill.id.toString(), "accountNumber", bill.accountNumber,
                        "issueDate", bill.issueDate.toString(), "correctedOn", today.toString(),
                        "daysAfterIssue", days, "amountReversed", bill.amountDue.toPlainString(),
                        "reason", reason));
    }
}
