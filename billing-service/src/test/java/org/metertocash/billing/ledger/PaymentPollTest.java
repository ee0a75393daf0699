package org.metertocash.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metertocash.billing.ledger.LedgerFixtures.newEsiId;
import static org.metertocash.billing.ledger.LedgerFixtures.openAccount;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.messaging.PaymentEventsConsumer;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.Inbox.BatchOutcome;
import org.metertocash.platform.inbox.Inbox.Outcome;
import org.metertocash.testkit.TestJson;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A whole poll of {@code payment.events} applied in bulk ({@link PaymentApplications#postedAll} through
 * {@link Inbox#consumeBatch}) leaves exactly what consuming its records one at a time leaves: each payment applied
 * once, unmatched payments queued with their reason, payments seen before handled as before, returns in their place.
 * The polls are handed to the inbox directly (records built here, as Kafka would deliver them), so what is in one
 * poll is certain.
 */
@QuarkusTest
class PaymentPollTest {

    /** offsets unique across the tests of a run and across runs on one database (dead letters are keyed by them) */
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    Inbox inbox;

    @Inject
    PaymentEventsConsumer consumer;

    @Inject
    PaymentApplications payments;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "billing.ledger.returned-payment-fee")
    BigDecimal returnedPaymentFee;

    @Test
    void given_a_run_of_new_payments_when_applied_together_then_each_is_on_its_ledger_once_with_what_it_named() {
        BillingAccount first = openAccount(newEsiId());
        BillingAccount second = openAccount(newEsiId());
        PaymentPosted byNumber = payment(first.accountNumber, first.esiId, "25.00");
        PaymentPosted byEsiId = payment(null, second.esiId, "7.10");
        PaymentPosted twice = payment(first.accountNumber, first.esiId, "3.00");

        QuarkusTransaction.requiringNew().run(() -> payments.postedAll(List.of(delivery(byNumber), delivery(twice),
                delivery(byEsiId), delivery(twice))));

        Posting applied = ledger.paymentPosting(byNumber.paymentId()).orElseThrow();
        assertThat(applied.accountNumber()).isEqualTo(first.accountNumber);
        assertThat(applied.esiId()).isEqualTo(first.esiId);
        assertThat(applied.kind()).isEqualTo(PostingKind.PAYMENT);
        assertThat(applied.reference()).isEqualTo(byNumber.paymentId().toString());
        assertThat(applied.source()).isEqualTo(PaymentPosted.TYPE);
        assertThat(applied.effectiveDate()).isEqualTo(byNumber.receivedAt().atZone(clock.getZone()).toLocalDate());
        assertThat(applied.entries()).containsExactly(
                new Posting.Entry(LedgerAccount.CASH_CLEARING, new BigDecimal("25.00"), new BigDecimal("0.00")),
                new Posting.Entry(LedgerAccount.RECEIVABLE, new BigDecimal("0.00"), new BigDecimal("25.00")));
        assertThat(ledger.paymentPosting(byEsiId.paymentId()).orElseThrow().accountNumber())
                .isEqualTo(second.accountNumber);
        assertThat(ledger.postings(first.accountNumber)).extracting(Posting::reference)
                .containsExactlyInAnyOrder(byNumber.paymentId().toString(), twice.paymentId().toString());
        assertThat(ledger.balance(first.accountNumber)).isEqualByComparingTo("-28.00");
        assertThat(ledger.balance(second.accountNumber)).isEqualByComparingTo("-7.10");

        PaymentApplication record = QuarkusTransaction.requiringNew()
                .call(() -> PaymentApplication.<PaymentApplication> findById(byEsiId.paymentId()));
        assertThat(record.status).isEqualTo(PaymentApplication.Status.APPLIED);
        assertThat(record.accountNumber).isEqualTo(second.accountNumber);
        assertThat(record.namedAccountNumber).isNull();
        assertThat(record.namedEsiId).isEqualTo(second.esiId);
        assertThat(record.postingId).isEqualTo(ledger.paymentPosting(byEsiId.paymentId()).orElseThrow().id());
        assertThat(record.amount).isEqualByComparingTo("7.10");
        assertThat(record.receivedAt).isEqualTo(byEsiId.receivedAt());
        assertThat(record.paymentPostedAt).isEqualTo(byEsiId.postedAt());
        assertThat(record.version).isZero();
    }

    @Test
    void given_a_poll_of_every_kind_of_payment_when_consumed_in_bulk_then_it_leaves_what_one_at_a_time_leaves() {
        Scenario bulk = new Scenario();
        BatchOutcome outcome = inbox.consumeBatch(bulk.poll, consumer.routes());
        assertThat(outcome.consumedOneByOne()).isFalse();
        assertThat(outcome.count(Outcome.DUPLICATE)).isEqualTo(1); // the redelivered event
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(bulk.poll.size() - 1);

        Scenario oneByOne = new Scenario();
        for (ConsumerRecord<String, byte[]> record : oneByOne.poll) {
            inbox.consume(record, consumer.routes());
        }

        Map<String, String> result = bulk.describe();
        assertThat(result).isEqualTo(oneByOne.describe());
        // and what that is, spelled out
        assertThat(result.get("byNumber")).isEqualTo("APPLIED to first; PAYMENT 40.00");
        assertThat(result.get("announcedTwice")).isEqualTo("APPLIED to first; PAYMENT 5.00");
        assertThat(result.get("byEsiId")).isEqualTo("APPLIED to second; PAYMENT 6.00");
        assertThat(result.get("mistypedNumber")).isEqualTo("APPLIED to second; PAYMENT 1.50");
        assertThat(result.get("noAccount")).isEqualTo("UNAPPLIED NO_ACCOUNT; UNAPPLIED_PAYMENT OPEN x1");
        assertThat(result.get("severalAccounts")).isEqualTo("UNAPPLIED SEVERAL_ACCOUNTS; UNAPPLIED_PAYMENT OPEN x1");
        assertThat(result.get("invalidAmount")).isEqualTo("UNAPPLIED INVALID_AMOUNT; UNAPPLIED_PAYMENT OPEN x1");
        assertThat(result.get("alreadyApplied")).isEqualTo("APPLIED to first; PAYMENT 9.00");
        assertThat(result.get("unappliedBefore")).isEqualTo("APPLIED to late; PAYMENT 11.00; UNAPPLIED_PAYMENT RESOLVED x1");
        assertThat(result.get("stillUnapplied")).isEqualTo("UNAPPLIED NO_ACCOUNT; UNAPPLIED_PAYMENT OPEN x2");
        assertThat(result.get("returnedBefore")).isEqualTo("RETURNED; UNMATCHED_PAYMENT_RETURN RESOLVED x1");
        assertThat(result.get("returnedInPoll")).isEqualTo("RETURNED to third; PAYMENT 20.00; PAYMENT_RETURN 20.00");
        assertThat(result.get("afterTheReturn")).isEqualTo("APPLIED to third; PAYMENT 2.00");
        assertThat(result.get("fees on third")).isEqualTo(returnedPaymentFee.signum() > 0 ? "1" : "0");
    }

    @Test
    void given_a_poll_with_a_record_that_fails_when_consumed_then_it_is_consumed_again_one_at_a_time_and_the_rest_applied_once() {
        BillingAccount account = openAccount(newEsiId());
        PaymentPosted before = payment(account.accountNumber, account.esiId, "4.00");
        PaymentPosted broken = new PaymentPosted(null, account.accountNumber, account.esiId, new BigDecimal("1.00"),
                "CARD", "AUTH-broken", Instant.now().minusSeconds(60), Instant.now());
        PaymentPosted after = payment(account.accountNumber, account.esiId, "6.00");

        BatchOutcome outcome = inbox.consumeBatch(List.of(record(before), record(broken), record(after)),
                consumer.routes());

        assertThat(outcome.consumedOneByOne()).isTrue();
        assertThat(outcome.count(Outcome.DEAD_LETTERED)).isEqualTo(1);
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(2);
        assertThat(ledger.postings(account.accountNumber)).extracting(Posting::reference)
                .containsExactlyInAnyOrder(before.paymentId().toString(), after.paymentId().toString());
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("-10.00");
    }

    // ------------------------------------------------------------------------------------------------ the scenario

    /**
     * Accounts and what happened before, then one poll with every kind of payment announcement, for its own accounts
     * (so that two scenarios can be consumed differently and compared).
     */
    private final class Scenario {
        final Map<String, String> accountRoles = new LinkedHashMap<>();
        final Map<String, UUID> paymentsByRole = new LinkedHashMap<>();
        final List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        final BillingAccount third;

        Scenario() {
            BillingAccount first = account("first", newEsiId());
            BillingAccount second = account("second", newEsiId());
            third = account("third", newEsiId());
            String crowded = newEsiId();
            account("crowdedA", crowded);
            account("crowdedB", crowded);

            // before the poll, each in a poll of its own: one applied, two unapplied, one return of a payment unheard of
            PaymentPosted alreadyApplied = role("alreadyApplied", payment(first.accountNumber, first.esiId, "9.00"));
            consumeAlone(alreadyApplied);
            String lateEsiId = newEsiId();
            PaymentPosted unappliedBefore = role("unappliedBefore", payment(null, lateEsiId, "11.00"));
            consumeAlone(unappliedBefore);
            account("late", lateEsiId); // opened since: announced again, the payment now matches
            PaymentPosted stillUnapplied = role("stillUnapplied", payment(null, newEsiId(), "12.00"));
            consumeAlone(stillUnapplied);
            PaymentPosted returnedBefore = role("returnedBefore", payment(third.accountNumber, third.esiId, "13.00"));
            consumeAlone(returnOf(returnedBefore));

            PaymentPosted byNumber = role("byNumber", payment(first.accountNumber, first.esiId, "40.00"));
            PaymentPosted twice = role("announcedTwice", payment(first.accountNumber, first.esiId, "5.00"));
            PaymentPosted byEsiId = role("byEsiId", payment(null, second.esiId, "6.00"));
            PaymentPosted mistyped = role("mistypedNumber", payment("1000000017", second.esiId, "1.50"));
            PaymentPosted noAccount = role("noAccount", payment("9999999999", newEsiId(), "7.00"));
            PaymentPosted several = role("severalAccounts", payment(null, crowded, "8.00"));
            PaymentPosted invalid = role("invalidAmount", payment(first.accountNumber, first.esiId, "10.005"));
            PaymentPosted returnedInPoll = role("returnedInPoll", payment(third.accountNumber, third.esiId, "20.00"));
            PaymentPosted afterTheReturn = role("afterTheReturn", payment(third.accountNumber, third.esiId, "2.00"));

            ConsumerRecord<String, byte[]> firstOfTwice = record(twice);
            poll.add(record(byNumber));
            poll.add(firstOfTwice);
            poll.add(record(byEsiId));
            poll.add(record(alreadyApplied));
            poll.add(record(mistyped));
            poll.add(record(noAccount));
            poll.add(record(unappliedBefore));
            poll.add(record(twice)); // the same payment announced again under another event id
            poll.add(record(several));
            poll.add(record(stillUnapplied));
            poll.add(record(invalid));
            poll.add(redelivery(firstOfTwice));
            poll.add(record(returnedBefore));
            poll.add(record(returnedInPoll));
            poll.add(record(returnOf(returnedInPoll)));
            poll.add(record(afterTheReturn));
        }

        private BillingAccount account(String role, String esiId) {
            BillingAccount account = openAccount(esiId);
            accountRoles.put(account.accountNumber, role);
            return account;
        }

        private PaymentPosted role(String role, PaymentPosted payment) {
            paymentsByRole.put(role, payment.paymentId());
            return payment;
        }

        private void consumeAlone(DomainEvent event) {
            assertThat(inbox.consumeBatch(List.of(record(event)), consumer.routes()).count(Outcome.PROCESSED))
                    .isEqualTo(1);
        }

        /** Each payment's application, postings and work items in words, with accounts named by their role. */
        Map<String, String> describe() {
            Map<String, String> described = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                paymentsByRole.forEach((role, paymentId) -> {
                    List<String> parts = new ArrayList<>();
                    PaymentApplication record = PaymentApplication.findById(paymentId);
                    parts.add(record.status + (record.accountNumber != null
                            ? " to " + accountRoles.get(record.accountNumber)
                            : record.unappliedReason != null ? " " + record.unappliedReason : ""));
                    @SuppressWarnings("unchecked")
                    List<Object[]> postings = em.createNativeQuery("""
                            select p.kind, sum(e.debit) from ledger_posting p join ledger_entry e on e.posting_id = p.id
                            where p.posting_key = ?1 or p.reverses in (select id from ledger_posting where posting_key = ?1)
                            group by p.id, p.kind order by p.kind""")
                            .setParameter(1, "PAYMENT:" + paymentId).getResultList();
                    postings.forEach(p -> parts.add(p[0] + " " + ((BigDecimal) p[1]).toPlainString()));
                    @SuppressWarnings("unchecked")
                    List<Object[]> items = em.createNativeQuery("""
                            select type, status, occurrences from work_item where reference = ?1 order by type""")
                            .setParameter(1, paymentId.toString()).getResultList();
                    items.forEach(i -> parts.add(i[0] + " " + i[1] + " x" + i[2]));
                    described.put(role, String.join("; ", parts));
                });
                described.put("fees on third", String.valueOf(((Number) em.createNativeQuery(
                        "select count(*) from ledger_posting where account_number = ?1 and kind = 'FEE'")
                        .setParameter(1, third.accountNumber).getSingleResult()).longValue()));
            });
            return described;
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    private static PaymentPosted payment(String accountNumber, String esiId, String amount) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps of it
        return new PaymentPosted(UUID.randomUUID(), accountNumber, esiId, new BigDecimal(amount), "CARD",
                "AUTH-" + now.toEpochMilli(), now.minusSeconds(60), now);
    }

    private static PaymentReturned returnOf(PaymentPosted payment) {
        return new PaymentReturned(UUID.randomUUID(), payment.paymentId(), payment.accountNumber(), payment.esiId(),
                payment.amount(), "R01", "Insufficient funds", Instant.now());
    }

    private static EventRoutes.Delivery<PaymentPosted> delivery(PaymentPosted payment) {
        return new EventRoutes.Delivery<>(payment, ConsumedEvent.from(record(payment)));
    }

    /** The event as payment-service's outbox relay would put it on {@code payment.events}, under a new event id. */
    private static ConsumerRecord<String, byte[]> record(DomainEvent event) {
        byte[] body;
        try {
            body = TestJson.MAPPER.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String key = event.subject() == null ? "none" : event.subject();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.PAYMENT, 0, OFFSETS.incrementAndGet(), key,
                body);
        Map<String, String> headers = Map.of(
                CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0,
                CloudEvents.ID, UUID.randomUUID().toString(),
                CloudEvents.SOURCE, "payment-service",
                CloudEvents.TYPE, EventCatalog.typeOf(event.getClass()),
                CloudEvents.SUBJECT, key,
                CloudEvents.TIME, Instant.now().toString(),
                CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The same record delivered again (same event id), as after a consumer restart. */
    private static ConsumerRecord<String, byte[]> redelivery(ConsumerRecord<String, byte[]> original) {
        ConsumerRecord<String, byte[]> again = new ConsumerRecord<>(original.topic(), original.partition(),
                OFFSETS.incrementAndGet(), original.key(), original.value());
        original.headers().forEach(h -> again.headers().add(h.key(), h.value()));
        return again;
    }
}
