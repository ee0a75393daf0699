package org.metertocash.billing.prepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.metertocash.billing.bill.BillFixtures.clockAt;
import static org.metertocash.billing.prepay.PrepayFixtures.MAY_1;
import static org.metertocash.billing.prepay.PrepayFixtures.RUN;
import static org.metertocash.billing.prepay.PrepayFixtures.WAIT;
import static org.metertocash.billing.prepay.PrepayFixtures.openPrepayAccount;
import static org.metertocash.billing.prepay.PrepayFixtures.payment;
import static org.metertocash.billing.prepay.PrepayFixtures.prepayProduct;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.bill.BillFixtures;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.ledger.PostingKind;
import org.metertocash.billing.rating.RatingRequest;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Restated usage on a pre-pay account: the wires utility cancels or replaces (867_03 BPT01 01 / 05) a read whose days
 * were already charged. The charged days are reversed on the ledger and, for a replacement, charged again at the
 * new usage; the customer's prepaid balance ends where the usage finally reported puts it.
 * <p>
 * Hand-worked days (product 10.0¢/kWh flat; this run's TDU at $3.00/month and 5.0000¢/kWh; a premise outside the
 * configured cities pays only the PUC assessment of 0.1667 %):
 * <ul>
 * <li>48 kWh → energy $4.80 + TDU customer charge $3.00 × 1/30 = $0.10 + delivery $2.40 = $7.30, assessment
 * $0.0122 → $0.01: <b>$7.31</b>;</li>
 * <li>24 kWh → energy $2.40 + $0.10 + delivery $1.20 = $3.70, assessment $0.0062 → $0.01: <b>$3.71</b>.</li>
 * </ul>
 */
@QuarkusTest
class PrepayRestatedUsageTest extends BillFixtures.Connected {

    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);
    private static final BigDecimal CHARGE_48_KWH = new BigDecimal("7.31");
    private static final BigDecimal CHARGE_24_KWH = new BigDecimal("3.71");

    @Inject
    Ledger ledger;

    @Inject
    PrepayRun prepayRun;

    @Inject
    PrepayRestatement restatement;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void resumePrepayRun() {
        scheduler.resume("prepay-run");
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** A prepayment, applied before anything else happens. */
    private void prepay(BillingAccount account, String amount) {
        PaymentPosted payment = payment(account, amount);
        producer.publish(payment);
        await().atMost(WAIT).until(() -> ledger.paymentPosting(payment.paymentId()).isPresent());
    }

    /** Hourly interval usage of {@code hourly} kWh from local midnight of {@code start} to that of {@code end}. */
    private static UsageReported intervalUsage(String esiId, String purpose, String document, String restates,
            LocalDate start, LocalDate end, String hourly) {
        int hours = (int) (end.toEpochDay() - start.toEpochDay()) * 24;
        BigDecimal each = new BigDecimal(hourly);
        return new UsageReported(esiId, "M100", purpose, document, restates, start, end, "ACTUAL", false,
                each.multiply(BigDecimal.valueOf(hours)), null,
                start.atStartOfDay(RatingRequest.ERCOT_ZONE).toInstant(), 60, Collections.nCopies(hours, each),
                UUID.randomUUID());
    }

    /** A cancel of a usage document, repeating the total it cancels. */
    private static UsageReported cancel(String esiId, String document, String restates, LocalDate start,
            LocalDate end, String totalKwh) {
        return new UsageReported(esiId, "M100", "CANCEL", document, restates, start, end, "ACTUAL", false,
                new BigDecimal(totalKwh), null, null, null, List.of(), UUID.randomUUID());
    }

    private static UUID readId(String esiId, String document, MeterRead.Purpose purpose) {
        return QuarkusTransaction.requiringNew().call(() -> MeterRead.<MeterRead> find(
                "esiId = ?1 and documentReference = ?2 and purpose = ?3", esiId, document, purpose).singleResult().id);
    }

    private List<Posting> postings(BillingAccount account, PostingKind kind) {
        return ledger.postings(account.accountNumber).stream().filter(p -> p.kind() == kind).toList();
    }

    /** The account's restated days: (date, read, status, superseded by, amount, posting, reversal). */
    private static List<Object[]> restatedDays(BillingAccount account) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = BillingAccount.getEntityManager().createNativeQuery("""
                    select service_date, meter_read_id, read_status, superseded_by, amount, posting_id,
                           reversal_posting_id
                    from prepay_daily_charge_restated where account_number = ?1 order by service_date""")
                    .setParameter(1, account.accountNumber).getResultList();
            return rows;
        });
    }

    /** The account's charged days: (service date, read, amount). */
    private static List<Object[]> chargedDays(BillingAccount account) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = BillingAccount.getEntityManager().createNativeQuery("""
                    select service_date, meter_read_id, amount from prepay_daily_charge where account_number = ?1
                    order by service_date""").setParameter(1, account.accountNumber).getResultList();
            return rows;
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static List<PrepayDailyBalance> dailyBalances(TopicProbe probe, String esiId) {
        probe.drain(Duration.ofMillis(200));
        return of(probe, PrepayDailyBalance.TYPE, esiId).stream().map(e -> e.as(PrepayDailyBalance.class)).toList();
    }

    private static List<ReceivedEvent> of(TopicProbe probe, String type, String esiId) {
        return probe.received().stream().filter(e -> type.equals(e.type()) && esiId.equals(e.subject())).toList();
    }

    private static BigDecimal times(BigDecimal amount, int count) {
        return amount.multiply(BigDecimal.valueOf(count));
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void a_replaced_read_reverses_its_charged_days_and_charges_them_again_at_the_new_usage() {
        clockAt(Instant.parse("2026-05-10T17:00:00Z"));
        BillingAccount account = openPrepayAccount(prepayProduct());
        String esiId = account.esiId;
        BigDecimal paid = new BigDecimal("45.00");
        prepay(account, paid.toPlainString());
        LocalDate may4 = MAY_1.plusDays(3);

        // 1–3 May at 48 kWh a day: 45.00 − 3 × 7.31 = 23.07, below the $30 low-balance threshold
        String original = "R" + RUN + "-1";
        producer.publish(intervalUsage(esiId, "ORIGINAL", original, null, MAY_1, may4, "2.0"));
        await().atMost(WAIT).until(() -> postings(account, PostingKind.CHARGE).size() == 3);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(times(CHARGE_48_KWH, 3).subtract(paid));
        UUID originalRead = readId(esiId, original, MeterRead.Purpose.ORIGINAL);
        List<Posting> firstCharges = postings(account, PostingKind.CHARGE);

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            probe.awaitType(PrepayBalanceLow.TYPE, esiId, WAIT);

            // the utility restates the period at 24 kWh a day
            String replacement = "R" + RUN + "-2";
            producer.publish(intervalUsage(esiId, "REPLACE", replacement, original, MAY_1, may4, "1.0"));
            await().atMost(WAIT).until(() -> restatedDays(account).size() == 3 && chargedDays(account).size() == 3
                    && chargedDays(account).stream().noneMatch(row -> originalRead.equals(row[1])));
            UUID replacementRead = readId(esiId, replacement, MeterRead.Purpose.REPLACE);

            // the ledger: each first charge reversed once, each day charged again at 3.71 under its own reference
            List<Posting> reversals = postings(account, PostingKind.REVERSAL);
            assertThat(reversals).extracting(Posting::reverses)
                    .containsExactlyInAnyOrderElementsOf(firstCharges.stream().map(Posting::id).toList());
            assertThat(reversals).allSatisfy(r -> assertThat(r.balanceChange()).isEqualByComparingTo("-7.31"));
            List<Posting> charges = postings(account, PostingKind.CHARGE);
            assertThat(charges).hasSize(6);
            assertThat(charges).filteredOn(c -> !firstCharges.stream().map(Posting::id).toList().contains(c.id()))
                    .extracting(Posting::reference).containsExactlyInAnyOrder(
                            "prepay:2026-05-01:" + replacementRead, "prepay:2026-05-02:" + replacementRead,
                            "prepay:2026-05-03:" + replacementRead);
            BigDecimal prepaid = paid.subtract(times(CHARGE_24_KWH, 3)); // 33.87
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(prepaid.negate());

            // the days now charged from the replacement; the first charges kept in the history with their reversal
            assertThat(chargedDays(account)).allSatisfy(row -> {
                assertThat(row[1]).isEqualTo(replacementRead);
                assertThat((BigDecimal) row[2]).isEqualByComparingTo(CHARGE_24_KWH);
            });
            List<Object[]> history = restatedDays(account);
            assertThat(history).extracting(row -> date(row[0])).containsExactly(MAY_1, MAY_1.plusDays(1),
                    MAY_1.plusDays(2));
            assertThat(history).allSatisfy(row -> {
                assertThat(row[1]).isEqualTo(originalRead);
                assertThat(row[2]).isEqualTo("REPLACED");
                assertThat(row[3]).isEqualTo(replacementRead);
                assertThat((BigDecimal) row[4]).isEqualByComparingTo(CHARGE_48_KWH);
                Posting reversal = reversals.stream().filter(r -> r.id().equals(row[6])).findFirst().orElseThrow();
                assertThat(reversal.reverses()).isEqualTo(row[5]);
            });

            // a daily balance again for each re-charged day: all three reversed first, then 45.00 − n × 3.71
            await().atMost(WAIT).until(() -> dailyBalances(probe, esiId).size() >= 6);
            List<PrepayDailyBalance> again = dailyBalances(probe, esiId).stream()
                    .filter(b -> b.charge().compareTo(CHARGE_24_KWH) == 0).toList();
            assertThat(again).extracting(PrepayDailyBalance::serviceDate).containsExactly(MAY_1, MAY_1.plusDays(1),
                    MAY_1.plusDays(2));
            for (int i = 0; i < again.size(); i++) {
                assertThat(again.get(i).kwh()).isEqualByComparingTo("24");
                assertThat(again.get(i).balance()).isEqualByComparingTo(paid.subtract(times(CHARGE_24_KWH, i + 1)));
            }
            assertThat(dailyBalances(probe, esiId)).hasSize(6);
            assertThat(of(probe, PrepayBalanceLow.TYPE, esiId)).hasSize(1);

            // running the job again changes nothing
            int postingsBefore = ledger.postings(account.accountNumber).size();
            PrepayRun.Outcome rerun = prepayRun.run(MAY_10);
            assertThat(rerun.restated()).isZero();
            assertThat(ledger.postings(account.accountNumber)).hasSize(postingsBefore);
            assertThat(restatedDays(account)).hasSize(3);
            assertThat(chargedDays(account)).hasSize(3);
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(prepaid.negate());
        }
    }

    @Test
    void a_cancelled_read_credits_its_charged_days_back_once_and_the_restored_balance_may_reconnect() throws Exception {
        clockAt(Instant.parse("2026-05-10T17:00:00Z"));
        BillingAccount account = openPrepayAccount(prepayProduct());
        String esiId = account.esiId;
        BigDecimal paid = new BigDecimal("52.00");
        prepay(account, paid.toPlainString());
        LocalDate may7 = MAY_1.plusDays(6);

        // 1–6 May at 48 kWh a day: 52.00 − 6 × 7.31 = 8.14, below the $10 disconnection balance
        String original = "R" + RUN + "-3";
        producer.publish(intervalUsage(esiId, "ORIGINAL", original, null, MAY_1, may7, "2.0"));
        await().atMost(WAIT).until(() -> postings(account, PostingKind.CHARGE).size() == 6);
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(times(CHARGE_48_KWH, 6).subtract(paid));
        UUID originalRead = readId(esiId, original, MeterRead.Purpose.ORIGINAL);

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            probe.awaitType(PrepayBalanceBelowDisconnection.TYPE, esiId, WAIT);

            // the scheduled job held, so that two workers restate the same days at once below
            scheduler.pause("prepay-run");
            prepayRun.run(MAY_10); // waits for a run already under way

            String cancellation = "R" + RUN + "-4";
            producer.publish(cancel(esiId, cancellation, original, MAY_1, may7, "288"));
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> MeterRead.<MeterRead> findById(originalRead).status == MeterRead.Status.CANCELLED));
            List<PrepayRestatement.StaleDay> stale = restatement.staleDays(10_000).stream()
                    .filter(d -> d.accountNumber().equals(account.accountNumber)).toList();
            assertThat(stale).hasSize(6);

            // two workers race on every day: each day is restated by exactly one of them
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService workers = Executors.newFixedThreadPool(2);
            List<Future<Integer>> done = new ArrayList<>();
            try {
                for (int w = 0; w < 2; w++) {
                    done.add(workers.submit(() -> {
                        start.await();
                        int restated = 0;
                        for (PrepayRestatement.StaleDay day : stale) {
                            restated += restatement.restate(day) ? 1 : 0;
                        }
                        return restated;
                    }));
                }
                int total = done.get(0).get(30, TimeUnit.SECONDS) + done.get(1).get(30, TimeUnit.SECONDS);
                assertThat(total).isEqualTo(6);
            } finally {
                workers.shutdownNow();
            }

            // every charge reversed once, nothing charged again: the balance is the prepayment
            assertThat(postings(account, PostingKind.REVERSAL)).hasSize(6);
            assertThat(postings(account, PostingKind.CHARGE)).hasSize(6);
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(paid.negate());
            assertThat(chargedDays(account)).isEmpty();
            List<Object[]> history = restatedDays(account);
            assertThat(history).hasSize(6);
            UUID cancelRow = readId(esiId, cancellation, MeterRead.Purpose.CANCEL);
            assertThat(history).allSatisfy(row -> {
                assertThat(row[1]).isEqualTo(originalRead);
                assertThat(row[2]).isEqualTo("CANCELLED");
                assertThat(row[3]).isEqualTo(cancelRow);
                assertThat(row[6]).isNotNull();
            });

            // the job reassesses the balance restored to 52.00 ≥ the $50 connection balance
            PrepayRun.Outcome run = prepayRun.run(MAY_10);
            assertThat(run.restated()).isZero();
            assertThat(run.charged()).isZero();
            assertThat(run.reassessed()).isPositive();
            PrepayReconnectEligible reconnect = probe.awaitType(PrepayReconnectEligible.TYPE, esiId, WAIT)
                    .as(PrepayReconnectEligible.class);
            assertThat(reconnect.balance()).isEqualByComparingTo(paid);
            assertThat(reconnect.connectionBalance()).isEqualByComparingTo("50.00");
            assertThat(reconnect.eligibleOn()).isEqualTo(MAY_10);
            // a cancelled day is reversed, not charged again: no daily balance beyond the six first charges
            assertThat(dailyBalances(probe, esiId)).hasSize(6);

            // running the job again changes nothing
            scheduler.resume("prepay-run");
            PrepayRun.Outcome rerun = prepayRun.run(MAY_10);
            assertThat(rerun.restated()).isZero();
            assertThat(rerun.charged()).isZero();
            assertThat(postings(account, PostingKind.REVERSAL)).hasSize(6);
            assertThat(postings(account, PostingKind.CHARGE)).hasSize(6);
            assertThat(restatedDays(account)).hasSize(6);
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(paid.negate());
            assertThat(of(probe, PrepayReconnectEligible.TYPE, esiId)).hasSize(1);
        }
    }
}
