package org.metertocash.billing.prepay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.LedgerAccount;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.product.Product;
import org.metertocash.billing.product.ProductCatalog;
import org.metertocash.billing.product.ProductDefinition.PrepayTerms;
import org.metertocash.billing.rating.BillLine;
import org.metertocash.billing.rating.RatePlan;
import org.metertocash.billing.rating.RatedBill;
import org.metertocash.billing.rating.Rating;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.rating.ServicePeriod;
import org.metertocash.billing.rating.Usage;
import org.metertocash.billing.rating.taxes.TaxJurisdictions;
import org.metertocash.billing.tariff.TduTariffs;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Charges one day of a pre-pay account and reassesses its balance against the product's thresholds
 * ({@link BalanceThresholds}), each in one transaction with the events it publishes.
 * <p>
 * A day is rated alone ({@code Rating.rate} over a one-day service period, cycle length {@value #CYCLE_DAYS} days so
 * the base charge and the TDU customer charge are prorated per day; daily charges, energy and TDU delivery charges
 * as on a bill; taxes of the premise's city). Fees and credits are not part of a day's charge: their kWh bands are
 * per billing cycle and cannot be judged on one day's usage. The charge goes to the ledger with reference
 * {@code prepay:<date>}, once per account and day: the day is recorded in {@code prepay_daily_charge} in the same
 * transaction, and the ledger itself refuses a second charge with the same reference.
 * <p>
 * A day whose usage the wires utility restated is reversed by {@link PrepayRestatement} and charged again from the
 * replacement read, with reference {@code prepay:<date>:<read id>}: the ledger keeps every reference once, including
 * that of the reversed charge, so a re-charge needs a reference of its own.
 */
@ApplicationScoped
public class PrepayCharging {

    /** Work item: a pre-pay account's product is missing or has no pre-pay terms, so its days are not charged. */
    public static final String PREPAY_NO_PRODUCT = "PREPAY_NO_PRODUCT";
    /** Work item: a day of a pre-pay account could not be rated or charged. */
    public static final String PREPAY_CHARGE_FAILED = "PREPAY_CHARGE_FAILED";

    static final int CYCLE_DAYS = 30;

    /** What charging a day did. */
    public enum Outcome {
        CHARGED, ALREADY_CHARGED, FAILED,
        /**
         * Nothing charged: the day is charged from a read since restated, or this read was itself restated. The job
         * reverses the stale charge ({@link PrepayRestatement}) and charges the day from the active read afterwards.
         */
        RESTATED
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    ProductCatalog catalog;

    @Inject
    TduTariffs tariffs;

    @Inject
    TaxJurisdictions taxes;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    /** The ledger reference of a day's charge. */
    public static String reference(LocalDate day) {
        return "prepay:" + day;
    }

    /** The ledger reference of a day's charge again, from a read that restated the one first charged. */
    public static String reference(LocalDate day, UUID meterReadId) {
        return reference(day) + ":" + meterReadId;
    }

    /** The product's thresholds, or empty (with a work item) when the account cannot be charged on it. */
    @Transactional
    public Optional<BalanceThresholds> thresholds(BillingAccount account) {
        Optional<Product> product = catalog.find(account.productCode);
        PrepayTerms terms = product.map(p -> p.definition.prepay()).orElse(null);
        if (terms == null) {
            workQueue.raise(PREPAY_NO_PRODUCT, account.esiId, account.accountNumber, "Pre-pay account "
                    + account.accountNumber + " is on product " + account.productCode
                    + (product.isEmpty() ? ", which is not in the catalogue" : ", which has no pre-pay terms")
                    + ": its usage is not charged until it has", Map.of("accountNumber", account.accountNumber,
                            "productCode", account.productCode));
            return Optional.empty();
        }
        return Optional.of(new BalanceThresholds(terms.lowBalanceThreshold(), terms.disconnectionBalance(),
                terms.connectionBalance()));
    }

    /** Charges one day's usage once, publishes the daily balance and any threshold crossing. */
    @Transactional
    public Outcome chargeDay(String accountNumber, UUID meterReadId, LocalDate day, Usage usage) {
        BillingAccount account = BillingAccount.findById(accountNumber);
        Optional<Outcome> charged = alreadyCharged(accountNumber, meterReadId, day);
        if (charged.isPresent()) {
            return charged.get();
        }
        Optional<BalanceThresholds> thresholds = thresholds(account);
        Optional<RatePlan> plan = catalog.ratePlan(account.productCode);
        if (thresholds.isEmpty() || plan.isEmpty()) {
            return Outcome.FAILED;
        }
        RatedBill rated;
        try {
            rated = Rating.rate(request(account, plan.get(), day, usage));
        } catch (IllegalArgumentException e) {
            workQueue.raise(PREPAY_CHARGE_FAILED, account.esiId, accountNumber + ":" + day, "Usage of " + day
                    + " of pre-pay account " + accountNumber + " could not be rated: " + e.getMessage(),
                    Map.of("accountNumber", accountNumber, "serviceDate", day.toString(), "meterRead",
                            meterReadId.toString(), "reason", String.valueOf(e.getMessage())));
            return Outcome.FAILED;
        }
        UUID postingId = null;
        if (rated.total().signum() != 0) {
            String reference = restatedBefore(accountNumber, day) ? reference(day, meterReadId) : reference(day);
            Posting posting = ledger.charge(accountNumber, reference, "Pre-pay usage " + day + ", "
                    + rated.totalKwh().stripTrailingZeros().toPlainString() + " kWh", ledgerLines(rated),
                    Origin.system("prepay", reference));
            postingId = posting.id();
        }
        BigDecimal prepaid = prepaid(accountNumber);
        em.createNativeQuery("""
                insert into prepay_daily_charge (account_number, service_date, esi_id, meter_read_id, kwh, amount,
                    posting_id, balance_after, charged_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(nullif(?7, '') as uuid), ?8, ?9)""")
                .setParameter(1, accountNumber).setParameter(2, day).setParameter(3, account.esiId)
                .setParameter(4, meterReadId).setParameter(5, rated.totalKwh()).setParameter(6, rated.total())
                .setParameter(7, postingId == null ? "" : postingId.toString()).setParameter(8, prepaid)
                .setParameter(9, clock.instant()).executeUpdate();
        Cause cause = Cause.newFlow();
        outbox.publish(new PrepayDailyBalance(accountNumber, account.esiId, day, rated.totalKwh(), rated.total(),
                prepaid), cause);
        assess(account, thresholds.get(), prepaid, day, cause);
        return Outcome.CHARGED;
    }

    /**
     * Reads the account's balance again and announces what crossed since it was last assessed — a payment
     * restoring it to the connection balance, typically. Nothing when it has not changed.
     */
    @Transactional
    public void reassess(String accountNumber) {
        BillingAccount account = BillingAccount.findById(accountNumber);
        Optional<BalanceThresholds> thresholds = thresholds(account);
        if (thresholds.isPresent()) {
            assess(account, thresholds.get(), prepaid(accountNumber), LocalDate.now(clock), Cause.newFlow());
        }
    }

    /** The prepaid balance: the negative of what the receivables ledger says the customer owes. */
    BigDecimal prepaid(String accountNumber) {
        return ledger.balance(accountNumber).negate();
    }

    private void assess(BillingAccount account, BalanceThresholds thresholds, BigDecimal prepaid, LocalDate day,
            Cause cause) {
        em.createNativeQuery("""
                insert into prepay_balance_state (account_number, below_low, below_disconnection, last_balance,
                    updated_at, version) values (?1, false, false, ?2, ?3, 0) on conflict (account_number) do nothing""")
                .setParameter(1, account.accountNumber).setParameter(2, prepaid).setParameter(3, clock.instant())
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select below_low, below_disconnection from prepay_balance_state where account_number = ?1
                for update""").setParameter(1, account.accountNumber).getSingleResult();
        BalanceThresholds.State before = new BalanceThresholds.State((Boolean) row[0], (Boolean) row[1]);
        BalanceThresholds.Crossing crossing = thresholds.assess(before, prepaid);
        if (crossing.low()) {
            outbox.publish(new PrepayBalanceLow(account.accountNumber, account.esiId, prepaid,
                    thresholds.lowBalance(), day), cause);
        }
        if (crossing.belowDisconnection()) {
            outbox.publish(new PrepayBalanceBelowDisconnection(account.accountNumber, account.esiId, prepaid,
                    thresholds.disconnectionBalance(), day), cause);
        }
        if (crossing.reconnectEligible()) {
            outbox.publish(new PrepayReconnectEligible(account.accountNumber, account.esiId, prepaid,
                    thresholds.connectionBalance(), LocalDate.now(clock)), cause);
        }
        em.createNativeQuery("""
                update prepay_balance_state set below_low = ?2, below_disconnection = ?3, last_balance = ?4,
                    updated_at = ?5, version = version + 1 where account_number = ?1""")
                .setParameter(1, account.accountNumber).setParameter(2, crossing.state().belowLow())
                .setParameter(3, crossing.state().belowDisconnection()).setParameter(4, prepaid)
                .setParameter(5, clock.instant()).executeUpdate();
    }

    /**
     * Why the day is not to be charged now, if it is not: it is charged already (from this read or another active
     * one), or the charge on it — or this read — is from usage since restated, which the job reverses first.
     */
    private Optional<Outcome> alreadyCharged(String accountNumber, UUID meterReadId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.meter_read_id, coalesce(charged.status, 'ACTIVE'), own.status
                from meter_read own
                left join prepay_daily_charge c on c.account_number = ?1 and c.service_date = ?2
                left join meter_read charged on charged.id = c.meter_read_id
                where own.id = ?3""").setParameter(1, accountNumber).setParameter(2, day)
                .setParameter(3, meterReadId).getResultList();
        if (rows.isEmpty() || !"ACTIVE".equals(rows.get(0)[2])) {
            return Optional.of(Outcome.RESTATED);
        }
        Object[] row = rows.get(0);
        if (row[0] == null) {
            return Optional.empty();
        }
        return Optional.of("ACTIVE".equals(row[1]) ? Outcome.ALREADY_CHARGED : Outcome.RESTATED);
    }

    /** Whether a charge of the day was reversed before because its usage was restated. */
    private boolean restatedBefore(String accountNumber, LocalDate day) {
        return !em.createNativeQuery("""
                select 1 from prepay_daily_charge_restated where account_number = ?1 and service_date = ?2""")
                .setParameter(1, accountNumber).setParameter(2, day).setMaxResults(1).getResultList().isEmpty();
    }

    private RatingRequest request(BillingAccount account, RatePlan plan, LocalDate day, Usage usage) {
        RatePlan daily = new RatePlan(plan.code(), plan.tdu(), plan.energy(), plan.baseCharge(), plan.dailyCharge(),
                List.of(), List.of());
        LocalDate next = day.plusDays(1);
        return new RatingRequest(daily, tariffs.inForceDuring(plan.tdu(), day, next), new ServicePeriod(day, next),
                CYCLE_DAYS, usage, taxes.schedule(account.city));
    }

    /** The REP's own charges are REVENUE, the wires utility's pass-through TDU_CHARGES, taxes TAXES. */
    static Map<LedgerAccount, BigDecimal> ledgerLines(RatedBill rated) {
        Map<LedgerAccount, BigDecimal> lines = new EnumMap<>(LedgerAccount.class);
        for (BillLine line : rated.lines()) {
            LedgerAccount target = switch (line.kind()) {
                case ENERGY, BASE_CHARGE, DAILY_CHARGE, FEE, CREDIT -> LedgerAccount.REVENUE;
                case TDU_CUSTOMER_CHARGE, TDU_DELIVERY_CHARGE -> LedgerAccount.TDU_CHARGES;
                case TAX -> LedgerAccount.TAXES;
            };
            lines.merge(target, line.amount(), BigDecimal::add);
        }
        lines.replaceAll((k, v) -> v.setScale(2, RoundingMode.UNNECESSARY));
        return lines;
    }
}
