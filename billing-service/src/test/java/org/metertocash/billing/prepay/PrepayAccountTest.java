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
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.bill.BillFixtures;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.ledger.PostingKind;
import org.metertocash.billing.rating.RatingRequest;
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

import io.quarkus.test.junit.QuarkusTest;

/**
 * A pre-pay account end to end inside billing-service: a prepayment and the wires utility's usage arrive on Kafka,
 * the pre-pay job charges each day once, and billing.events carries the daily balances, the low-balance and
 * below-disconnection crossings, and — after a payment restoring the connection balance — reconnect eligibility.
 * <p>
 * Hand-worked day (product 10.0¢/kWh flat; this run's TDU at $3.00/month and 5.0000¢/kWh; a premise outside the
 * configured cities pays only the PUC assessment of 0.1667 %): 48 kWh → energy $4.80 + TDU customer charge
 * $3.00 × 1/30 = $0.10 + delivery $2.40 = $7.30, assessment $0.0122 → $0.01: <b>$7.31 a day</b>.
 */
@QuarkusTest
class PrepayAccountTest extends BillFixtures.Connected {

    private static final BigDecimal DAY_CHARGE = new BigDecimal("7.31");

    @Inject
    Ledger ledger;

    @Inject
    PrepayRun prepayRun;

    // ------------------------------------------------------------------------------------------------ fixtures

    /** Hourly interval usage of 2.0 kWh (48 kWh a day) from local midnight of {@code start}. */
    private static void intervalUsage(String esiId, String document, LocalDate start, LocalDate end) {
        int hours = (int) (end.toEpochDay() - start.toEpochDay()) * 24;
        List<BigDecimal> kwh = Collections.nCopies(hours, new BigDecimal("2.0"));
        producer.publish(new UsageReported(esiId, "M100", "ORIGINAL", document, null, start, end, "ACTUAL", false,
                new BigDecimal("2.0").multiply(BigDecimal.valueOf(hours)), null,
                start.atStartOfDay(RatingRequest.ERCOT_ZONE).toInstant(), 60, kwh, UUID.randomUUID()));
    }

    private static void monthlyUsage(String esiId, String document, LocalDate start, LocalDate end, String kwh) {
        producer.publish(new UsageReported(esiId, "M100", "ORIGINAL", document, null, start, end, "ACTUAL", false,
                new BigDecimal(kwh), null, null, null, List.of(), UUID.randomUUID()));
    }

    private List<Posting> charges(BillingAccount account) {
        return ledger.postings(account.accountNumber).stream().filter(p -> p.kind() == PostingKind.CHARGE).toList();
    }

    private static List<ReceivedEvent> of(TopicProbe probe, String type, String esiId) {
        return probe.received().stream().filter(e -> type.equals(e.type()) && esiId.equals(e.subject())).toList();
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void a_prepaid_balance_is_charged_daily_crosses_both_thresholds_once_and_a_payment_makes_it_reconnect_eligible() {
        clockAt(Instant.parse("2026-05-10T17:00:00Z"));
        BillingAccount account = openPrepayAccount(prepayProduct());
        String esiId = account.esiId;
        PaymentPosted prepayment = payment(account, "45.00");
        producer.publish(prepayment);
        await().atMost(WAIT).until(() -> ledger.paymentPosting(prepayment.paymentId()).isPresent());

        // 1–3 May from interval data, 4–5 May from a monthly read of 96 kWh spread evenly (48 kWh a day)
        intervalUsage(esiId, "P" + RUN + "-1", MAY_1, LocalDate.of(2026, 5, 4));
        monthlyUsage(esiId, "P" + RUN + "-2", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 6), "96");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.BILLING)) {
            ReceivedEvent disconnection = probe.awaitType(PrepayBalanceBelowDisconnection.TYPE, esiId, WAIT);
            List<Posting> charges = charges(account);
            assertThat(charges).extracting(Posting::reference).containsExactlyInAnyOrder("prepay:2026-05-01",
                    "prepay:2026-05-02", "prepay:2026-05-03", "prepay:2026-05-04", "prepay:2026-05-05");
            assertThat(charges).allSatisfy(c -> assertThat(c.balanceChange()).isEqualByComparingTo(DAY_CHARGE));
            BigDecimal prepaid = new BigDecimal("45.00").subtract(DAY_CHARGE.multiply(BigDecimal.valueOf(5)));
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(prepaid.negate()); // owes −8.45

            // a daily balance per day, the prepaid balance falling by the day's charge
            probe.awaitType(PrepayDailyBalance.TYPE, esiId, WAIT);
            await().atMost(WAIT).until(() -> {
                probe.drain(Duration.ofMillis(200));
                return of(probe, PrepayDailyBalance.TYPE, esiId).size() >= 5;
            });
            List<PrepayDailyBalance> daily = of(probe, PrepayDailyBalance.TYPE, esiId).stream()
                    .map(e -> e.as(PrepayDailyBalance.class)).toList();
            assertThat(daily).extracting(PrepayDailyBalance::serviceDate).containsExactly(MAY_1,
                    LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 4),
                    LocalDate.of(2026, 5, 5));
            for (int i = 0; i < daily.size(); i++) {
                assertThat(daily.get(i).charge()).isEqualByComparingTo(DAY_CHARGE);
                assertThat(daily.get(i).kwh()).isEqualByComparingTo("48");
                assertThat(daily.get(i).balance()).isEqualByComparingTo(
                        new BigDecimal("45.00").subtract(DAY_CHARGE.multiply(BigDecimal.valueOf(i + 1))));
            }

            // 45.00 − 3 × 7.31 = 23.07 < 30 on 3 May; 45.00 − 5 × 7.31 = 8.45 < 10 on 5 May
            PrepayBalanceLow low = probe.awaitType(PrepayBalanceLow.TYPE, esiId, WAIT).as(PrepayBalanceLow.class);
            assertThat(low.serviceDate()).isEqualTo(LocalDate.of(2026, 5, 3));
            assertThat(low.balance()).isEqualByComparingTo("23.07");
            PrepayBalanceBelowDisconnection below = disconnection.as(PrepayBalanceBelowDisconnection.class);
            assertThat(below.serviceDate()).isEqualTo(LocalDate.of(2026, 5, 5));
            assertThat(below.balance()).isEqualByComparingTo(prepaid);
            assertThat(below.disconnectionBalance()).isEqualByComparingTo("10.00");

            // a payment of $60 restores 68.45 ≥ the $50 connection balance; delivered twice, applied once
            PaymentPosted restore = payment(account, "60.00");
            UUID eventId = producer.publish(restore);
            producer.publish(restore, eventId);
            PrepayReconnectEligible reconnect = probe.awaitType(PrepayReconnectEligible.TYPE, esiId, WAIT)
                    .as(PrepayReconnectEligible.class);
            assertThat(reconnect.balance()).isEqualByComparingTo(prepaid.add(new BigDecimal("60.00")));
            assertThat(reconnect.connectionBalance()).isEqualByComparingTo("50.00");
            assertThat(reconnect.eligibleOn()).isEqualTo(LocalDate.of(2026, 5, 10));

            // running the job again charges nothing twice
            PrepayRun.Outcome again = prepayRun.run(LocalDate.of(2026, 5, 10));
            assertThat(again.charged()).isZero();
            assertThat(charges(account)).hasSize(5);
            assertThat(ledger.postings(account.accountNumber).stream().filter(p -> p.kind() == PostingKind.PAYMENT))
                    .hasSize(2);

            // the next day's usage: its daily balance comes after everything above on the premise's partition
            monthlyUsage(esiId, "P" + RUN + "-3", LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 7), "48");
            probe.await(e -> PrepayDailyBalance.TYPE.equals(e.type()) && esiId.equals(e.subject())
                    && e.as(PrepayDailyBalance.class).serviceDate().equals(LocalDate.of(2026, 5, 6)), WAIT);
            assertThat(of(probe, PrepayDailyBalance.TYPE, esiId)).hasSize(6);
            assertThat(of(probe, PrepayBalanceLow.TYPE, esiId)).hasSize(1);
            assertThat(of(probe, PrepayBalanceBelowDisconnection.TYPE, esiId)).hasSize(1);
            assertThat(of(probe, PrepayReconnectEligible.TYPE, esiId)).hasSize(1);
            assertThat(charges(account)).hasSize(6);
            assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo(
                    new BigDecimal("105.00").subtract(DAY_CHARGE.multiply(BigDecimal.valueOf(6))).negate());
        }
    }
}
