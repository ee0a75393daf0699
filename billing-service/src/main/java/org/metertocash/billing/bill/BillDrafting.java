package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.LockOptions;
import org.hibernate.jpa.HibernateHints;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.bill.validation.BillRules;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.billing.bill.validation.UsageHistory;
import org.metertocash.billing.bill.validation.ValidationResult;
import org.metertocash.billing.invoice.TdspInvoice;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.product.ProductCatalog;
import org.metertocash.billing.rating.BillLine;
import org.metertocash.billing.rating.RatePlan;
import org.metertocash.billing.rating.RatedBill;
import org.metertocash.billing.rating.Rating;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.rating.Usage;
import org.metertocash.billing.rating.taxes.TaxJurisdictions;
import org.metertocash.billing.tariff.TduTariffs;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Drafts the bill of one account for one billable meter read: rates it (the account's product, the TDU tariffs in
 * force, the read's usage, the taxes of the premise's city), stores it with its lines, validates it, and posts it when
 * it is clean and auto-post is on — otherwise it waits as HELD_FOR_REVIEW with a BILL_REVIEW work item naming the
 * rules that failed. What cannot be billed (no product, no tariff) raises a work item and drafts nothing.
 */
@ApplicationScoped
public class BillDrafting {

    /** The account's product is not in the catalogue: no bill until it is (the work item is retryable). */
    public static final String BILL_NO_PRODUCT = "BILL_NO_PRODUCT";
    /** Rating refused the period (no TDU tariff in force, impossible usage): no bill. */
    public static final String BILL_RATING_FAILED = "BILL_RATING_FAILED";
    /** A drafted bill failed a validation rule, or auto-post is off: it waits for operations. */
    public static final String BILL_REVIEW = "BILL_REVIEW";

    /** Work item types that keep a read out of the bill run until operations resolve them. */
    static final List<String> BLOCKING = List.of(BILL_NO_PRODUCT, BILL_RATING_FAILED);

    /**
     * What drafting one read did. BUSY: another transaction holds the read — a concurrent bill run drafting it, or
     * its restatement — so a bill run leaves it to that one (only when drafting a chunk; one read alone waits).
     */
    public enum Outcome {
        POSTED, HELD, ALREADY_BILLED, NOT_BILLABLE, BUSY
    }

    /** A billable read to draft and the account it bills on. */
    public record Target(UUID meterReadId, String accountNumber) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ProductCatalog catalog;

    @Inject
    TduTariffs tariffs;

    @Inject
    TaxJurisdictions taxes;

    @Inject
    WorkQueue workQueue;

    @Inject
    BillPosting posting;

    @Inject
    BillsConfig config;

    /** Drafts one read in a transaction of its own (or the caller's), waiting for it if another transaction holds it. */
    @Transactional
    public Outcome draft(UUID meterReadId, String accountNumber, LocalDate runDate) {
        return draftAll(List.of(new Target(meterReadId, accountNumber)), runDate, new BillRunPrices(), false).get(0);
    }

    /**
     * Drafts a chunk of reads in one transaction — all of them or, when anything fails, none (the caller then drafts
     * them one by one, so that one bad read never keeps the others from their bills). Each read comes out exactly as
     * {@link #draft} would draft it alone; only the work is shared: the reads, accounts and bills already made are
     * read for the whole chunk at once, the prices come from the run's {@link BillRunPrices}, and the bills, lines,
     * ledger postings, audit steps and events are written together at the end (in JDBC batches). The reads must
     * belong to different accounts: a read's usage history must see the bill of an earlier read of its account.
     *
     * @param skipLocked leave reads another transaction holds ({@link Outcome#BUSY}) instead of waiting for them
     * @return the outcome of each target, in order
     */
    @Transactional
    public List<Outcome> draftAll(List<Target> targets, LocalDate runDate, BillRunPrices prices, boolean skipLocked) {
        // Nothing this transaction writes is read back by its own queries before write(chunk) flushes it (bills,
        // lines and postings are only built until then), so queries need not flush first. Left at AUTO, Hibernate
        // would look over every entity of the chunk before each of the chunk's per-read queries.
        FlushModeType flushMode = em.getFlushMode();
        em.flush();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return draftChunk(targets, runDate, prices, skipLocked);
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    private List<Outcome> draftChunk(List<Target> targets, LocalDate runDate, BillRunPrices prices,
            boolean skipLocked) {
        List<UUID> readIds = targets.stream().map(Target::meterReadId).toList();
        // locked: a restatement of a read waits for its bill (and then cancels it), or this sees the read restated
        Map<UUID, MeterRead> reads = lockedReads(readIds, skipLocked);
        Map<String, BillingAccount> accounts = new HashMap<>();
        em.createQuery("select a from BillingAccount a where a.accountNumber in :numbers", BillingAccount.class)
                .setParameter("numbers", targets.stream().map(Target::accountNumber).distinct().toList())
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()
                .forEach(a -> accounts.put(a.accountNumber, a));
        Billed billed = billed(reads.values(), accounts.keySet());
        Map<UUID, List<Bill>> toRebill = cancelledBillsOf(reads.keySet());
        Chunk chunk = new Chunk();
        List<Outcome> outcomes = new ArrayList<>(targets.size());
        for (Target target : targets) {
            MeterRead read = reads.get(target.meterReadId());
            BillingAccount account = accounts.get(target.accountNumber());
            if (read == null && skipLocked && MeterRead.findById(target.meterReadId()) != null) {
                outcomes.add(Outcome.BUSY);
            } else if (read == null || account == null || read.status != MeterRead.Status.ACTIVE) {
                outcomes.add(Outcome.NOT_BILLABLE);
            } else if (billed.of(read, account.accountNumber)) {
                outcomes.add(Outcome.ALREADY_BILLED);
            } else {
                outcomes.add(draftOne(read, account, runDate, prices,
                        toRebill.getOrDefault(read.id, List.of()), chunk));
            }
        }
        write(chunk);
        return outcomes;
    }

    private Outcome draftOne(MeterRead read, BillingAccount account, LocalDate runDate, BillRunPrices prices,
            List<Bill> cancelledByRead, Chunk chunk) {
        String reference = read.id.toString();
        Optional<RatePlan> plan = prices.ratePlan(account.productCode, catalog::ratePlan);
        if (plan.isEmpty()) {
            workQueue.raise(BILL_NO_PRODUCT, account.esiId, reference, "Account " + account.accountNumber
                    + " bills on product " + account.productCode + ", which is not in the catalogue: usage "
                    + read.periodStart + " – " + read.periodEnd + " is not billed until the product exists",
                    Map.of("accountNumber", account.accountNumber, "productCode", account.productCode,
                            "meterRead", reference));
            return Outcome.NOT_BILLABLE;
        }
        RatedBill rated;
        try {
            rated = Rating.rate(request(account, read, plan.get(), prices));
        } catch (IllegalArgumentException e) {
            workQueue.raise(BILL_RATING_FAILED, account.esiId, reference, "Usage " + read.periodStart + " – "
                    + read.periodEnd + " of account " + account.accountNumber + " could not be rated: "
                    + e.getMessage(), Map.of("accountNumber", account.accountNumber, "meterRead", reference,
                            "reason", String.valueOf(e.getMessage())));
            return Outcome.NOT_BILLABLE;
        }
        Bill bill = store(account, read, rated, runDate, chunk);
        linkRebill(bill, cancelledByRead, chunk);
        BillRules rules = BillRules.of(config.validation());
        List<ValidationResult> results = BillValidation.validate(rated, read.readingQuality,
                history(account.accountNumber, read.periodStart), rules, rules.checksTdspInvoice()
                        ? TdspInvoice.invoicedDuring(account.esiId, read.periodStart, read.periodEnd) : null);
        bill.validation = results;
        Cause cause = new Cause(null, read.eventId);
        if (BillValidation.clean(results) && config.autoPost()) {
            chunk.toPost.add(new BillPosting.ToPost(bill, chunk.linesOf(bill),
                    Origin.system("bill-run", bill.id.toString()), cause));
            return Outcome.POSTED;
        }
        hold(bill, BillValidation.failed(results), chunk);
        return Outcome.HELD;
    }

    /** What a chunk writes at its end: its bills in their final state, their lines, audit steps and postings. */
    private static final class Chunk {
        final List<Bill> bills = new ArrayList<>();
        final Map<UUID, List<BillItem>> lines = new HashMap<>();
        final List<BillAction.Entry> steps = new ArrayList<>();
        final List<BillPosting.ToPost> toPost = new ArrayList<>();

        List<BillItem> linesOf(Bill bill) {
            return lines.get(bill.id);
        }
    }

    /**
     * Writes the chunk. Everything is decided by now, so each row is inserted once in its final state (no insert
     * then update), and rows of a kind follow each other, which lets Hibernate send them in JDBC batches: ledger
     * postings and events (posting), bills, lines; then the audit steps in one batch of their own.
     */
    private void write(Chunk chunk) {
        List<BillAction.Entry> posted = chunk.toPost.isEmpty() ? List.of() : posting.postAll(chunk.toPost);
        chunk.bills.forEach(bill -> bill.persist());
        chunk.bills.forEach(bill -> chunk.lines.get(bill.id).forEach(line -> line.persist()));
        if (chunk.bills.isEmpty() && chunk.steps.isEmpty()) {
            return;
        }
        em.flush();
        List<BillAction.Entry> steps = new ArrayList<>(chunk.steps);
        steps.addAll(posted); // after each bill's DRAFTED and REBILLED steps: a bill's history keeps its order
        BillAction.recordAll(em, steps);
    }

    private Map<UUID, MeterRead> lockedReads(List<UUID> ids, boolean skipLocked) {
        var query = em.createQuery("select r from MeterRead r where r.id in :ids", MeterRead.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                // read, never changed here: no snapshot to compare at flush (interval reads carry thousands of values)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        if (skipLocked) {
            query.setHint(org.hibernate.jpa.SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED);
        }
        Map<UUID, MeterRead> reads = new HashMap<>();
        query.getResultList().forEach(r -> reads.put(r.id, r));
        return reads;
    }

    /**
     * Whether the read is billed already: it has a bill (even one operations cancelled), or its account and period
     * have a bill that stands. A bill cancelled because its usage was restated does not stand: its period is rebilled.
     */
    static boolean billed(MeterRead read, String accountNumber) {
        return Bill.count("meterReadId", read.id) > 0
                || Bill.count("accountNumber = ?1 and periodStart = ?2 and periodEnd = ?3 and status <> ?4",
                        accountNumber, read.periodStart, read.periodEnd, Bill.Status.CANCELLED) > 0;
    }

    /** {@link #billed(MeterRead, String)} for a chunk of reads, from two queries. */
    private record Billed(Set<UUID> reads, Set<String> periods) {
        boolean of(MeterRead read, String accountNumber) {
            return reads.contains(read.id) || periods.contains(period(accountNumber, read.periodStart, read.periodEnd));
        }

        static String period(String accountNumber, LocalDate start, LocalDate end) {
            return accountNumber + "/" + start + "/" + end;
        }
    }

    private Billed billed(Collection<MeterRead> reads, Collection<String> accountNumbers) {
        if (reads.isEmpty()) {
            return new Billed(Set.of(), Set.of());
        }
        Set<UUID> billedReads = new HashSet<>(em.createQuery(
                "select b.meterReadId from Bill b where b.meterReadId in :reads", UUID.class)
                .setParameter("reads", reads.stream().map(r -> r.id).toList()).getResultList());
        Set<String> periods = new HashSet<>();
        em.createQuery("select b.accountNumber, b.periodStart, b.periodEnd from Bill b where b.accountNumber in :accounts"
                + " and b.periodStart in :starts and b.status <> :cancelled", Object[].class)
                .setParameter("accounts", accountNumbers)
                .setParameter("starts", reads.stream().map(r -> r.periodStart).distinct().toList())
                .setParameter("cancelled", Bill.Status.CANCELLED).getResultList()
                .forEach(row -> periods.add(Billed.period((String) row[0], (LocalDate) row[1], (LocalDate) row[2])));
        return new Billed(billedReads, periods);
    }

    /** The cancelled bills each read replaced and no rebill has taken up yet, for the whole chunk at once. */
    private Map<UUID, List<Bill>> cancelledBillsOf(Collection<UUID> readIds) {
        if (readIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Bill>> byRead = new HashMap<>();
        Bill.<Bill> list("restatedByReadId in ?1 and status = ?2 and rebilledBy is null", readIds,
                Bill.Status.CANCELLED).forEach(b -> byRead.computeIfAbsent(b.restatedByReadId, r -> new ArrayList<>())
                        .add(b));
        return byRead;
    }

    /** A bill drafted from a replacing read rebills the bills the replacement cancelled: linked both ways. */
    private void linkRebill(Bill bill, List<Bill> cancelledByRead, Chunk chunk) {
        for (Bill original : cancelledByRead) {
            if (!original.accountNumber.equals(bill.accountNumber)) {
                continue;
            }
            original.rebilledBy = bill.id;
            bill.rebillOf = original.id;
            chunk.steps.add(new BillAction.Entry(original.id, BillAction.Action.REBILLED, Origin.SYSTEM,
                    "rebilled by " + bill.id, clock.instant()));
            chunk.steps.add(new BillAction.Entry(bill.id, BillAction.Action.REBILLED, Origin.SYSTEM,
                    "rebill of " + original.id, clock.instant()));
        }
    }

    /**
     * What the bill depends on. Cycle days are the period's own length: without a better source of the account's
     * regular cycle, a period is a full cycle and pays the base and TDU customer charges in full.
     */
    private RatingRequest request(BillingAccount account, MeterRead read, RatePlan plan, BillRunPrices prices) {
        ServicePeriod period = new ServicePeriod(read.periodStart, read.periodEnd);
        Usage usage = read.intervalKwh != null && !read.intervalKwh.isEmpty() && read.intervalStart != null
                && read.intervalMinutes != null
                        ? new Usage.Interval(read.intervalStart, read.intervalMinutes, read.intervalKwh)
                        : new Usage.Monthly(read.totalKwh);
        return new RatingRequest(plan, prices.tariffs(plan.tdu(), read.periodStart, read.periodEnd,
                () -> tariffs.inForceDuring(plan.tdu(), read.periodStart, read.periodEnd)), period,
                (int) period.days(), usage, prices.taxes(account.city, taxes::schedule));
    }

    /** The bill and its lines as rated, kept in the chunk to be written at its end. */
    private Bill store(BillingAccount account, MeterRead read, RatedBill rated, LocalDate runDate, Chunk chunk) {
        Bill bill = new Bill();
        bill.id = UUID.randomUUID();
        bill.accountNumber = account.accountNumber;
        bill.esiId = account.esiId;
        bill.meterReadId = read.id;
        bill.productCode = account.productCode;
        bill.periodStart = read.periodStart;
        bill.periodEnd = read.periodEnd;
        bill.days = (int) rated.days();
        bill.totalKwh = rated.totalKwh();
        bill.readingQuality = read.readingQuality;
        bill.chargesTotal = rated.chargesTotal();
        bill.taxTotal = rated.taxTotal();
        bill.amountDue = rated.total();
        bill.status = Bill.Status.DRAFT;
        bill.validation = List.of();
        bill.runDate = runDate;
        bill.draftedAt = clock.instant();
        List<BillItem> items = new ArrayList<>(rated.lines().size());
        int number = 0;
        for (BillLine line : rated.lines()) {
            BillItem item = new BillItem();
            item.id = UUID.randomUUID();
            item.billId = bill.id;
            item.lineNo = ++number;
            item.kind = line.kind();
            item.code = line.code();
            item.description = line.description();
            item.quantity = line.quantity();
            item.unit = line.unit();
            item.rate = line.rate();
            item.amount = line.amount();
            item.ledgerAccount = BillItem.ledgerAccountOf(line.kind());
            items.add(item);
        }
        chunk.bills.add(bill);
        chunk.lines.put(bill.id, items);
        chunk.steps.add(new BillAction.Entry(bill.id, BillAction.Action.DRAFTED, Origin.SYSTEM, null, bill.draftedAt));
        return bill;
    }

    private void hold(Bill bill, List<String> failed, Chunk chunk) {
        bill.status = Bill.Status.HELD_FOR_REVIEW;
        String why = failed.isEmpty() ? "auto-post is off" : "failed " + String.join(", ", failed);
        chunk.steps.add(new BillAction.Entry(bill.id, BillAction.Action.HELD, Origin.SYSTEM, why, clock.instant()));
        workQueue.raise(BILL_REVIEW, bill.esiId, bill.id.toString(), "Bill of account " + bill.accountNumber + " for "
                + bill.periodStart + " – " + bill.periodEnd + " (" + bill.amountDue + ") is held: " + why,
                Map.of("billId", bill.id.toString(), "accountNumber", bill.accountNumber, "rules", failed,
                        "amountDue", bill.amountDue.toPlainString()));
    }

    /**
     * The kWh and days of the account's latest posted bills before the period, and how many of them, newest first,
     * were billed on estimated reads before the first actual one (enough bills are read to see a run one longer than
     * the consecutive-estimates allowance). Posted bills of earlier periods are committed: the query does not flush
     * what this transaction is still writing (a rebill's link from the bill it replaces is written with the rebill).
     */
    private UsageHistory history(String accountNumber, LocalDate before) {
        int historyBills = config.validation().usage().historyBills();
        int read = Math.max(historyBills, config.validation().consecutiveEstimates().allowance() + 1);
        List<Object[]> rows = em.createQuery("select b.totalKwh, b.days, b.readingQuality from Bill b "
                + "where b.accountNumber = :account and b.status = :posted and b.periodEnd <= :before "
                + "order by b.periodStart desc", Object[].class)
                .setParameter("account", accountNumber).setParameter("posted", Bill.Status.POSTED)
                .setParameter("before", before).setMaxResults(read).setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        BigDecimal kwh = BigDecimal.ZERO;
        long days = 0;
        int bills = Math.min(rows.size(), historyBills);
        for (Object[] row : rows.subList(0, bills)) {
            kwh = kwh.add((BigDecimal) row[0]);
            days += ((Number) row[1]).longValue();
        }
        int estimatedRun = 0;
        while (estimatedRun < rows.size() && BillValidation.estimated((String) rows.get(estimatedRun)[2])) {
            estimatedRun++;
        }
        return new UsageHistory(bills, kwh, days, estimatedRun);
    }
}
