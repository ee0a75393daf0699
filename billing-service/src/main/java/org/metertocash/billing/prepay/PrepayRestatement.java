package org.metertocash.billing.prepay;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Undoes the charge of a pre-pay day whose usage the wires utility restated after it was charged: an 867_03 cancel
 * (BPT01 01) or replacement (BPT01 05) left the read the day was charged from CANCELLED or REPLACED.
 * <p>
 * The customer pays for the usage the utility finally reports, and a pre-pay balance must be accurate (16 TAC
 * §25.498, daily balance messages). So, in one transaction per day: the day's ledger charge is reversed (a mirror
 * posting; the ledger is never edited) and the day's {@code prepay_daily_charge} row moves to
 * {@code prepay_daily_charge_restated} with the reversal's id. The day is then uncharged: a replacement read, ACTIVE
 * and not yet charged, charges it again in the same run of {@link PrepayRun} — under a reference of its own
 * ({@link PrepayCharging#reference(LocalDate, UUID)}), as the ledger keeps each charge reference once. A cancel
 * without replacement leaves the day reversed: the charge is credited back to the prepaid balance, and the run's
 * reassessment announces what that crossing means (reconnect eligibility, typically).
 */
@ApplicationScoped
public class PrepayRestatement {

    /** Work item: a pre-pay day charged from restated usage could not be reversed; retried on every run. */
    public static final String PREPAY_RESTATEMENT_FAILED = "PREPAY_RESTATEMENT_FAILED";

    /** One charged day whose read is no longer active. */
    public record StaleDay(String accountNumber, LocalDate serviceDate, UUID meterReadId) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    WorkQueue workQueue;

    /** Charged days whose meter read has since been cancelled or replaced, oldest first, at most {@code limit}. */
    @Transactional
    public List<StaleDay> staleDays(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.account_number, c.service_date, c.meter_read_id from meter_read r
                join prepay_daily_charge c on c.meter_read_id = r.id
                where r.status <> 'ACTIVE'
                order by c.account_number, c.service_date""").setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new StaleDay((String) row[0], toLocalDate(row[1]), (UUID) row[2])).toList();
    }

    /**
     * Reverses the day's charge and moves its row to the history, once: the row is locked (skipped when another run
     * holds it) and the read's status read again under the lock. True when this call restated the day.
     */
    @Transactional
    public boolean restate(StaleDay day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.esi_id, c.kwh, c.amount, c.posting_id, c.balance_after, c.charged_at, r.status,
                       r.superseded_by
                from prepay_daily_charge c join meter_read r on r.id = c.meter_read_id
                where c.account_number = ?1 and c.service_date = ?2 and c.meter_read_id = ?3
                  and r.status <> 'ACTIVE'
                for update of c skip locked""").setParameter(1, day.accountNumber())
                .setParameter(2, day.serviceDate()).setParameter(3, day.meterReadId()).getResultList();
        if (rows.isEmpty()) {
            return false; // restated by another run meanwhile, or being restated by it now
        }
        Object[] row = rows.get(0);
        String esiId = (String) row[0];
        UUID postingId = (UUID) row[3];
        String readStatus = (String) row[6];
        UUID supersededBy = (UUID) row[7];
        UUID reversalId = null;
        if (postingId != null) {
            String reason = "usage of " + day.serviceDate() + " " + readStatus.toLowerCase()
                    + " by the wires utility";
            reversalId = ledger.reverse(postingId, reason, Origin.system("prepay-restatement",
                    (supersededBy != null ? supersededBy : day.meterReadId()).toString())).id();
        }
        em.createNativeQuery("""
                insert into prepay_daily_charge_restated (account_number, service_date, esi_id, meter_read_id, kwh,
                    amount, posting_id, balance_after, charged_at, read_status, superseded_by, reversal_posting_id,
                    restated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(nullif(?7, '') as uuid), ?8, ?9, ?10,
                    cast(nullif(?11, '') as uuid), cast(nullif(?12, '') as uuid), ?13)""")
                .setParameter(1, day.accountNumber()).setParameter(2, day.serviceDate()).setParameter(3, esiId)
                .setParameter(4, day.meterReadId()).setParameter(5, (BigDecimal) row[1])
                .setParameter(6, (BigDecimal) row[2]).setParameter(7, text(postingId))
                .setParameter(8, (BigDecimal) row[4]).setParameter(9, toInstant(row[5]))
                .setParameter(10, readStatus).setParameter(11, text(supersededBy)).setParameter(12, text(reversalId))
                .setParameter(13, clock.instant()).executeUpdate();
        em.createNativeQuery("""
                delete from prepay_daily_charge
                where account_number = ?1 and service_date = ?2 and meter_read_id = ?3""")
                .setParameter(1, day.accountNumber()).setParameter(2, day.serviceDate())
                .setParameter(3, day.meterReadId()).executeUpdate();
        // An active read of the day already marked fully charged (it met the stale charge and skipped the day) must
        // be looked at again, or the day would stay uncharged.
        em.createNativeQuery("""
                delete from prepay_read_charged d using meter_read r
                where d.account_number = ?1 and r.id = d.meter_read_id and r.esi_id = ?2 and r.status = 'ACTIVE'
                  and r.period_start <= ?3 and r.period_end > ?3""").setParameter(1, day.accountNumber())
                .setParameter(2, esiId).setParameter(3, day.serviceDate()).executeUpdate();
        workQueue.closeByReference(PREPAY_RESTATEMENT_FAILED, reference(day), Origin.SYSTEM, "charge reversed");
        return true;
    }

    /** Reports a day that could not be restated; the day stays charged and is tried again on the next run. */
    @Transactional
    public void raiseFailure(StaleDay day, RuntimeException e) {
        String esiId = (String) em.createNativeQuery("select esi_id from billing_account where account_number = ?1")
                .setParameter(1, day.accountNumber()).getSingleResult();
        workQueue.raise(PREPAY_RESTATEMENT_FAILED, esiId, reference(day),
                "The charge of " + day.serviceDate() + " of pre-pay account " + day.accountNumber()
                        + " comes from usage the wires utility restated and could not be reversed: " + e.getMessage(),
                Map.of("accountNumber", day.accountNumber(), "serviceDate", day.serviceDate().toString(),
                        "meterRead", day.meterReadId().toString(), "reason", String.valueOf(e.getMessage())));
    }

    /** A work item's reference: the account and day. */
    private static String reference(StaleDay day) {
        return day.accountNumber() + ":" + day.serviceDate();
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
