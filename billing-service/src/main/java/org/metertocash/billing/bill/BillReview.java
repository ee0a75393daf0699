package org.metertocash.billing.bill;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.metertocash.billing.bill.validation.ValidationResult;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * What operations do with a bill, each with a note, recorded in the bill's audit trail: approve (post it), hold (keep
 * it from posting), cancel (an unposted bill is dropped; a posted bill's ledger charge is reversed, never edited).
 */
@ApplicationScoped
public class BillReview {

    @Inject
    Clock clock;

    @Inject
    BillPosting posting;

    @Inject
    WorkQueue workQueue;

    @Transactional
    public Bill approve(UUID billId, String actor, String note, String requestId) {
        Bill bill = lock(billId);
        if (bill.status != Bill.Status.HELD_FOR_REVIEW && bill.status != Bill.Status.DRAFT) {
            throw ProblemException.conflict("bill-not-reviewable",
                    "Bill " + billId + " is " + bill.status + "; only a held or draft bill is approved");
        }
        BillAction.record(bill.id, BillAction.Action.APPROVED, actor, note, clock.instant());
        posting.post(bill, Origin.user(actor, "POST /bills/{id}/approve", requestId), Cause.newFlow());
        workQueue.closeByReference(BillDrafting.BILL_REVIEW, bill.id.toString(), actor, "approved and posted");
        return bill;
    }

    @Transactional
    public Bill hold(UUID billId, String actor, String note) {
        Bill bill = lock(billId);
        if (bill.status != Bill.Status.HELD_FOR_REVIEW && bill.status != Bill.Status.DRAFT) {
            throw ProblemException.conflict("bill-not-reviewable",
                    "Bill " + billId + " is " + bill.status + "; only a held or draft bill can be held");
        }
        bill.status = Bill.Status.HELD_FOR_REVIEW;
        BillAction.record(bill.id, BillAction.Action.HELD, actor, note, clock.instant());
        return bill;
    }

    @Transactional
    public Bill cancel(UUID billId, String actor, String note, String requestId) {
        Bill bill = lock(billId);
        switch (bill.status) {
            case CANCELLED -> throw ProblemException.conflict("bill-cancelled", "Bill " + billId + " is already cancelled");
            case POSTED -> posting.reverse(bill, note, Origin.user(actor, "POST /bills/{id}/cancel", requestId),
                    Cause.newFlow());
            case DRAFT, HELD_FOR_REVIEW -> {
                bill.status = Bill.Status.CANCELLED;
                bill.cancelledAt = clock.instant();
            }
        }
        BillAction.record(bill.id, BillAction.Action.CANCELLED, actor, note, clock.instant());
        workQueue.closeByReference(BillDrafting.BILL_REVIEW, bill.id.toString(), actor, "cancelled");
        return bill;
    }

    /**
     * A rule checked again after the bill was drafted (the TDSP invoice of its period arrived later): on a bill not
     * yet posted, the new result replaces the rule's earlier one in the bill's validation, and a failure is written to
     * its audit trail. A bill posted or cancelled meanwhile keeps the validation it was posted with. Whether the bill
     * took the result.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recheck(UUID billId, ValidationResult result) {
        Bill bill = Bill.findById(billId, LockModeType.PESSIMISTIC_WRITE);
        if (bill == null || (bill.status != Bill.Status.HELD_FOR_REVIEW && bill.status != Bill.Status.DRAFT)) {
            return false;
        }
        List<ValidationResult> validation = new ArrayList<>();
        bill.validation.stream().filter(r -> !r.rule().equals(result.rule())).forEach(validation::add);
        validation.add(result);
        bill.validation = validation;
        if (!result.passed()) {
            BillAction.record(bill.id, BillAction.Action.HELD, Origin.SYSTEM,
                    "failed " + result.rule() + ": " + result.detail(), clock.instant());
        }
        return true;
    }

    private static Bill lock(UUID billId) {
        Bill bill = Bill.findById(billId, LockModeType.PESSIMISTIC_WRITE);
        if (bill == null) {
            throw ProblemException.notFound("No bill " + billId);
        }
        return bill;
    }
}
