package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
        bill.dueDate = dueDate(issued);
        List<BillItem> lines = lines(bill);
        if (bill.amountDue.signum() != 0) {
            Posting posting = ledger.charge(bill.accountNumber, bill.id.toString(), description(bill),
                    byLedgerAccount(lines), origin);
            bill.ledgerPostingId = posting.id();
        }
        bill.status = Bill.Status.POSTED;
        bill.postedAt = clock.instant();
        BillAction.record(bill.id, BillAction.Action.POSTED, origin.actor(), null, bill.postedAt);
        outbox.publish(posted(bill, lines), cause);
    }

    /** A drafted bill to post with {@link #postAll}: the bill, its lines as drafted, who posts it and why. */
    record ToPost(Bill bill, List<BillItem> lines, Origin origin, Cause cause) {
    }

    /**
     * Posts many drafted bills in the caller's transaction, each exactly as {@link #post} does — issued today, due
     * on the same business day, charged to the ledger, announced — with their lines as drafted rather than read
     * back, their ledger charges written together ({@link Ledger#chargeAll}) and their POSTED steps returned for
     * the caller to write in one batch ({@link BillAction#recordAll}) once the bills are written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<BillAction.Entry> postAll(List<ToPost> bills) {
        LocalDate issued = LocalDate.now(clock);
        LocalDate due = dueDate(issued);
        List<Ledger.Charge> charges = new ArrayList<>();
        List<Bill> charged = new ArrayList<>();
        for (ToPost toPost : bills) {
            Bill bill = toPost.bill();
            if (bill.status == Bill.Status.POSTED || bill.status == Bill.Status.CANCELLED) {
                throw new IllegalStateException("bill " + bill.id + " is already " + bill.status);
            }
            bill.issueDate = issued;
            bill.dueDate = due;
            if (bill.amountDue.signum() != 0) {
                charges.add(new Ledger.Charge(bill.accountNumber, bill.id.toString(), description(bill),
                        byLedgerAccount(toPost.lines()), toPost.origin()));
                charged.add(bill);
            }
        }
        List<Posting> postings = ledger.chargeAll(charges);
        for (int i = 0; i < charged.size(); i++) {
            charged.get(i).ledgerPostingId = postings.get(i).id();
        }
        List<BillAction.Entry> steps = new ArrayList<>(bills.size());
        for (ToPost toPost : bills) {
            Bill bill = toPost.bill();
            bill.status = Bill.Status.POSTED;
            bill.postedAt = clock.instant();
            steps.add(new BillAction.Entry(bill.id, BillAction.Action.POSTED, toPost.origin().actor(), null,
                    bill.postedAt));
            outbox.publish(posted(bill, toPost.lines()), toPost.cause());
        }
        return steps;
    }

    /** 16 TAC §25.480(b): due {@code due-days} (at least 16) after issue, on a business day. */
    private LocalDate dueDate(LocalDate issued) {
        return calendar.dueDate(issued, Math.max(MINIMUM_DUE_DAYS, config.dueDays()));
    }

    private static String description(Bill bill) {
        return "Bill " + bill.periodStart + " – " + bill.periodEnd;
    }

    /** The bill's lines summed by the ledger account they are charged to. */
    private static Map<LedgerAccount, BigDecimal> byLedgerAccount(List<BillItem> lines) {
        Map<LedgerAccount, BigDecimal> byAccount = new EnumMap<>(LedgerAccount.class);
        for (BillItem line : lines) {
            byAccount.merge(line.ledgerAccount, line.amount, BigDecimal::add);
        }
        return byAccount;
    }

    private static BillPosted posted(Bill bill, List<BillItem> lines) {
        return new BillPosted(bill.id, bill.accountNumber, bill.esiId, bill.periodStart, bill.periodEnd,
                bill.issueDate, bill.dueDate, bill.amountDue, bill.totalKwh,
                lines.stream().map(l -> new BillPosted.Line(l.code, l.description, l.amount)).toList());
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
