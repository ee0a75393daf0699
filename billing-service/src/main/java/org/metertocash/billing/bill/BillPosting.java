package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.LedgerAccount;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.platform.calendar.BusinessCalendar;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;

import io.quarkus.panache.common.Sort;

/**
 * Issues a bill and takes one back, each in the caller's transaction together with its ledger posting and its event:
 * a bill is posted if and only if the customer was charged and {@code BillPosted} will be published.
 */
@ApplicationScoped
public class BillPosting {

    /** 16 TAC §25.480(b): a bill is due at least 16 days after it is issued. */
    static final int MINIMUM_DUE_DAYS = 16;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    BillsConfig config;

    /**
     * Posts the bill: issued today by the business clock, due {@code due-days} (at least 16) later on a business day
     * (16 TAC §25.480(b)), charged to the ledger with its lines grouped by ledger account, announced.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void post(Bill bill, Origin origin, Cause cause) {
        if (bill.status == Bill.Status.POSTED || bill.status == Bill.Status.CANCELLED) {
            throw new IllegalStateException("bill " + bill.id + " is already " + bill.status);
        }
        LocalDate issued = LocalDate.now(clock);
        bill.issueDate = issued;
        bill.dueDate = calendar.dueDate(issued, Math.max(MINIMUM_DUE_DAYS, config.dueDays()));
        List<BillItem> lines = lines(bill);
        Map<LedgerAccount, BigDecimal> byAccount = new EnumMap<>(LedgerAccount.class);
        for (BillItem line : lines) {
            byAccount.merge(line.ledgerAccount, line.amount, BigDecimal::add);
        }
        if (bill.amountDue.signum() != 0) {
            Posting posting = ledger.charge(bill.accountNumber, bill.id.toString(),
                    "Bill " + bill.periodStart + " – " + bill.periodEnd, byAccount, origin);
            bill.ledgerPostingId = posting.id();
        }
        bill.status = Bill.Status.POSTED;
        bill.postedAt = clock.instant();
        BillAction.record(bill.id, BillAction.Action.POSTED, origin.actor(), null, bill.postedAt);
        outbox.publish(new BillPosted(bill.id, bill.accountNumber, bill.esiId, bill.periodStart, bill.periodEnd,
                bill.issueDate, bill.dueDate, bill.amountDue, bill.totalKwh,
                lines.stream().map(l -> new BillPosted.Line(l.code, l.description, l.amount)).toList()), cause);
    }

    /** Cancels a posted bill: its ledger charge is reversed (never edited) and {@code BillCancelled} published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reverse(Bill bill, String reason, Origin origin, Cause cause) {
        if (bill.status != Bill.Status.POSTED) {
            throw new IllegalStateException("only a posted bill is reversed; bill " + bill.id + " is " + bill.status);
        }
        if (bill.ledgerPostingId != null) {
            bill.reversalPostingId = ledger.reverse(bill.ledgerPostingId, reason, origin).id();
        }
        bill.status = Bill.Status.CANCELLED;
        bill.cancelledAt = clock.instant();
        outbox.publish(new BillCancelled(bill.id, bill.accountNumber, bill.esiId, bill.periodStart, bill.periodEnd,
                bill.amountDue, LocalDate.now(clock), reason), cause);
    }

    static List<BillItem> lines(Bill bill) {
        return BillItem.list("billId", Sort.by("lineNo"), bill.id);
    }
}
