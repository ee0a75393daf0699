package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.bill.validation.BillRules;
import org.metertocash.billing.bill.validation.BillValidation;
import org.metertocash.billing.bill.validation.UsageHistory;
import org.metertocash.billing.bill.validation.ValidationResult;
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

    /** What drafting one read did. */
    public enum Outcome {
        POSTED, HELD, ALREADY_BILLED, NOT_BILLABLE
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

    @Transactional
    public Outcome draft(UUID meterReadId, String accountNumber, LocalDate runDate) {
        // locked: a restatement of the read waits for this bill (and then cancels it), or this sees the read restated
        MeterRead read = MeterRead.findById(meterReadId, LockModeType.PESSIMISTIC_WRITE);
        BillingAccount account = BillingAccount.findById(accountNumber);
        if (read == null || account == null || read.status != MeterRead.Status.ACTIVE) {
            return Outcome.NOT_BILLABLE;
        }
        if (billed(read, accountNumber)) {
            return Outcome.ALREADY_BILLED;
        }
        String reference = read.id.toString();
        Optional<RatePlan> plan = catalog.ratePlan(account.productCode);
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
            rated = Rating.rate(request(account, read, plan.get()));
        } catch (IllegalArgumentException e) {
            workQueue.raise(BILL_RATING_FAILED, account.esiId, reference, "Usage " + read.periodStart + " – "
                    + read.periodEnd + " of account " + account.accountNumber + " could not be rated: "
                    + e.getMessage(), Map.of("accountNumber", account.accountNumber, "meterRead", reference,
                            "reason", String.valueOf(e.getMessage())));
            return Outcome.NOT_BILLABLE;
        }
        Bill bill = store(account, read, rated, runDate);
        linkRebill(bill, read);
        List<ValidationResult> results = BillValidation.validate(rated, read.readingQuality,
                history(account.accountNumber, read.periodStart), BillRules.of(config.validation()));
        bill.validation = results;
        Cause cause = new Cause(null, read.eventId);
        if (BillValidation.clean(results) && config.autoPost()) {
            posting.post(bill, Origin.system("bill-run", bill.id.toString()), cause);
            return Outcome.POSTED;
        }
        hold(bill, BillValidation.failed(results));
        return Outcome.HELD;
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

    /** A bill drafted from a replacing read rebills the bills the replacement cancelled: linked both ways. */
    private void linkRebill(Bill bill, MeterRead read) {
        List<Bill> cancelled = Bill.list("restatedByReadId = ?1 and status = ?2 and rebilledBy is null "
                + "and accountNumber = ?3", read.id, Bill.Status.CANCELLED, bill.accountNumber);
        for (Bill original : cancelled) {
            original.rebilledBy = bill.id;
            bill.rebillOf = original.id;
            BillAction.record(original.id, BillAction.Action.REBILLED, Origin.SYSTEM, "rebilled by " + bill.id,
                    clock.instant());
            BillAction.record(bill.id, BillAction.Action.REBILLED, Origin.SYSTEM, "rebill of " + original.id,
                    clock.instant());
        }
    }

    /**
     * What the bill depends on. Cycle days are the period's own length: without a better source of the account's
     * regular cycle, a period is a full cycle and pays the base and TDU customer charges in full.
     */
    private RatingRequest request(BillingAccount account, MeterRead read, RatePlan plan) {
        ServicePeriod period = new ServicePeriod(read.periodStart, read.periodEnd);
        Usage usage = read.intervalKwh != null && !read.intervalKwh.isEmpty() && read.intervalStart != null
                && read.intervalMinutes != null
                        ? new Usage.Interval(read.intervalStart, read.intervalMinutes, read.intervalKwh)
                        : new Usage.Monthly(read.totalKwh);
        return new RatingRequest(plan, tariffs.inForceDuring(plan.tdu(), read.periodStart, read.periodEnd), period,
                (int) period.days(), usage, taxes.schedule(account.city));
    }

    private Bill store(BillingAccount account, MeterRead read, RatedBill rated, LocalDate runDate) {
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
        bill.persist();
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
            item.persist();
        }
        BillAction.record(bill.id, BillAction.Action.DRAFTED, Origin.SYSTEM, null, bill.draftedAt);
        return bill;
    }

    private void hold(Bill bill, List<String> failed) {
        bill.status = Bill.Status.HELD_FOR_REVIEW;
        String why = failed.isEmpty() ? "auto-post is off" : "failed " + String.join(", ", failed);
        BillAction.record(bill.id, BillAction.Action.HELD, Origin.SYSTEM, why, clock.instant());
        workQueue.raise(BILL_REVIEW, bill.esiId, bill.id.toString(), "Bill of account " + bill.accountNumber + " for "
                + bill.periodStart + " – " + bill.periodEnd + " (" + bill.amountDue + ") is held: " + why,
                Map.of("billId", bill.id.toString(), "accountNumber", bill.accountNumber, "rules", failed,
                        "amountDue", bill.amountDue.toPlainString()));
    }

    /** The kWh and days of the account's latest posted bills before the period. */
    private UsageHistory history(String accountNumber, LocalDate before) {
        List<Object[]> rows = em.createQuery("select b.totalKwh, b.days from Bill b where b.accountNumber = :account "
                + "and b.status = :posted and b.periodEnd <= :before order by b.periodStart desc", Object[].class)
                .setParameter("account", accountNumber).setParameter("posted", Bill.Status.POSTED)
                .setParameter("before", before).setMaxResults(config.validation().usage().historyBills())
                .getResultList();
        BigDecimal kwh = BigDecimal.ZERO;
        long days = 0;
        for (Object[] row : rows) {
            kwh = kwh.add((BigDecimal) row[0]);
            days += ((Number) row[1]).longValue();
        }
        return new UsageHistory(rows.size(), kwh, days);
    }
}
