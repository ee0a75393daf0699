package org.metertocash.dunning.collections;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.WAIT;
import static org.metertocash.dunning.collections.CollectionsFixtures.awaitState;
import static org.metertocash.dunning.collections.CollectionsFixtures.today;
import static org.metertocash.dunning.collections.CollectionsFixtures.turnTo;
import static org.metertocash.dunning.collections.CollectionsFixtures.view;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.dunning.collections.CollectionsFixtures.Premise;
import org.metertocash.dunning.messaging.BillingEventsConsumer;
import org.metertocash.dunning.messaging.PaymentEventsConsumer;
import org.metertocash.dunning.serviceorders.ServiceOrder;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.Inbox.BatchOutcome;
import org.metertocash.platform.inbox.Inbox.Outcome;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestJson;
import org.metertocash.testkit.TestProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A poll of {@code payment.events} consumed in bulk ({@link Collections#paymentsPosted} through
 * {@link Inbox#consumeBatch}) leaves exactly what consuming the same records one at a time leaves: the same payments
 * recorded once each (or kept under the number they name, or for nothing), the same plan payments, the same steps
 * with the same rules, the same orders, and the same events with the same payments named on them. Two identical
 * worlds of accounts are walked to the same day; one gets the poll in bulk, the other record by record. The poll is
 * handed to the inbox directly (records built here, as Kafka would deliver them), so what is in it is certain.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentRunTest {

    private static final Logger LOG = Logger.getLogger(PaymentRunTest.class);

    /** offsets unique across runs on one database (dead letters would be keyed by them) */
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    private static TestProducer producer;
    private static CollectionsFixtures fixtures;

    @Inject
    Inbox inbox;

    @Inject
    PaymentEventsConsumer consumer;

    @Inject
    BillingEventsConsumer billing;

    @Inject
    Collections collections;

    @Inject
    EntityManager em;

    /** The last history row and outbox row written before the polls: what came after them is the polls' doing. */
    private long lastTransitionBefore;
    private long lastOutboxBefore;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
        fixtures = new CollectionsFixtures(producer);
    }

    @AfterEach
    void backToRealTime() {
        CollectionsFixtures.resetClock();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    @Order(1)
    void a_poll_of_every_kind_of_payment_consumed_in_bulk_leaves_what_one_at_a_time_leaves() {
        // bills of 120.00 (fee 6.00). Due Tuesday 2028-02-01: past due 02-02, notice Monday 02-07 (02-06 is a
        // Sunday), disconnect date Thursday 02-17, ordered Friday 02-18. Due Tuesday 2028-02-08: past due 02-09,
        // notice Monday 02-14, disconnect date Thursday 02-24 — the day of the poll
        today(of(2028, 1, 10));
        World bulk = new World();
        World oneByOne = new World();
        for (LocalDate day = of(2028, 2, 2); !day.isAfter(of(2028, 2, 24)); day = day.plusDays(1)) {
            turnTo(day);
            if (day.equals(of(2028, 2, 22))) {
                bulk.disconnect();
                oneByOne.disconnect();
            }
        }
        bulk.before();
        oneByOne.before();
        long[] before = QuarkusTransaction.requiringNew().call(() -> new long[] {
                ((Number) em.createNativeQuery("select coalesce(max(id), 0) from collection_transition")
                        .getSingleResult()).longValue(),
                ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from outbox_event").getSingleResult())
                        .longValue() });
        lastTransitionBefore = before[0];
        lastOutboxBefore = before[1];
        for (World world : List.of(bulk, oneByOne)) {
            assertThat(view(world.premise("requestedPaid").esiId()).getString("state")).isEqualTo("DISCONNECT_REQUESTED");
            assertThat(view(world.premise("disconnectedPaid").esiId()).getString("state")).isEqualTo("DISCONNECTED");
            assertThat(view(world.premise("pendingPaid").esiId()).getString("state")).isEqualTo("DISCONNECT_PENDING");
            assertThat(view(world.premise("plan").esiId()).getString("state")).isEqualTo("PAYMENT_PLAN");
        }

        BatchOutcome outcome = inbox.consumeBatch(bulk.poll(), consumer.routes());
        assertThat(outcome.consumedOneByOne()).isFalse();
        assertThat(outcome.count(Outcome.DUPLICATE)).isEqualTo(1); // the redelivered record
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(bulk.poll().size() - 1);
        for (ConsumerRecord<String, byte[]> record : oneByOne.poll()) {
            inbox.consume(record, consumer.routes());
        }

        Map<String, String> result = bulk.describe();
        assertThat(result).isEqualTo(oneByOne.describe());
        // and what that is, spelled out
        assertThat(result.get("pendingPaid")).isEqualTo("CURRENT (current); DISCONNECT_PENDING>CURRENT current;"
                + " payments [pendingPaid 126.00 counted]; orders []; events [CollectionStateChanged,"
                + " DunningHoldCleared by pendingPaid from DISCONNECT_PENDING]");
        assertThat(result.get("requestedPaid")).isEqualTo("CURRENT (current); DISCONNECT_REQUESTED>CURRENT current;"
                + " payments [requestedPaid 126.00 counted]; orders [DISCONNECT CANCELLED, CANCEL REQUESTED];"
                + " events [CollectionStateChanged, DisconnectCancelRequested, DunningHoldCleared by requestedPaid"
                + " from DISCONNECT_REQUESTED]");
        assertThat(result.get("disconnectedPaid")).isEqualTo("RECONNECT_REQUESTED (reconnect §25.483(n));"
                + " DISCONNECTED>RECONNECT_REQUESTED reconnect §25.483(n); payments [disconnectedPaid 126.00 counted];"
                + " orders [DISCONNECT COMPLETED, RECONNECT REQUESTED]; events [CollectionStateChanged,"
                + " ReconnectRequested, DunningHoldCleared by disconnectedPaid from DISCONNECTED]");
        // 80.00 leaves 40.00 of the bill past due, above the threshold; 30.00 more leaves 10.00: the second clears it
        assertThat(result.get("partialTwice")).isEqualTo("PAST_DUE (past-due §25.480(b));"
                + " DISCONNECT_PENDING>PAST_DUE past-due §25.480(b);"
                + " payments [partialTwice1 80.00 counted, partialTwice2 30.00 counted]; orders [];"
                + " events [CollectionStateChanged, DunningHoldCleared by partialTwice2 from DISCONNECT_PENDING]");
        assertThat(result.get("partial")).isEqualTo("DISCONNECT_PENDING (disconnect-pending §25.483); ;"
                + " payments [partial 50.00 returned]; orders []; events []");
        assertThat(result.get("plan")).isEqualTo("PAYMENT_PLAN (payment-plan §25.480(j)); ;"
                + " payments [plan 26.00 counted, plan payment 26.00]; orders []; events []");
        assertThat(result.get("current")).isEqualTo("CURRENT (account opened); ;"
                + " payments [returnedBefore 13.00 returned, announcedTwice 10.00 counted, postedBefore 9.00 counted,"
                + " afterReturn 5.00 counted]; orders []; events []");
        assertThat(result.get("unknownNumber")).isEqualTo("kept under 9999999999, 7.00");
        assertThat(result.get("noAccount")).isEqualTo("kept under no account: no account in collections for ESI ID");
    }

    @Test
    @Order(2)
    void polls_of_payments_each_clearing_an_account_are_applied_in_bulk_as_they_are_event_by_event() {
        // per round 2 × 100 accounts opened, each billed 120.00 due Wednesday 2028-03-01: past due Thursday 03-02
        // (fee 6.00); on Friday 03-03 each gets one payment of 126.00 that brings it back to CURRENT. The same
        // consumer without the batch handler takes the other world's poll: one transaction, each payment on its own.
        int accounts = 100;
        EventRoutes eventByEvent = EventRoutes.builder()
                .on(PaymentPosted.class, collections::paymentPosted)
                .on(PaymentReturned.class, collections::paymentReturned)
                .build();
        List<String> timings = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            today(of(2028, 2, 20));
            List<String[]> bulkAccounts = openBilled(accounts);
            List<String[]> eachAccounts = openBilled(accounts);
            turnTo(of(2028, 3, 2));
            today(of(2028, 3, 3));
            List<ConsumerRecord<String, byte[]>> bulkPoll = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> eachPoll = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                bulkPoll.add(record(paymentOn(bulkAccounts.get(i), i, of(2028, 3, 3))));
                eachPoll.add(record(paymentOn(eachAccounts.get(i), i, of(2028, 3, 3))));
            }
            // alternate which goes first, so that neither always meets a colder or busier service
            long eachMillis;
            long bulkMillis;
            BatchOutcome each;
            BatchOutcome bulk;
            if (round % 2 == 1) {
                long start = System.nanoTime();
                each = inbox.consumeBatch(eachPoll, eventByEvent);
                eachMillis = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                bulk = inbox.consumeBatch(bulkPoll, consumer.routes());
                bulkMillis = (System.nanoTime() - start) / 1_000_000;
            } else {
                long start = System.nanoTime();
                bulk = inbox.consumeBatch(bulkPoll, consumer.routes());
                bulkMillis = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                each = inbox.consumeBatch(eachPoll, eventByEvent);
                eachMillis = (System.nanoTime() - start) / 1_000_000;
            }
            timings.add("round " + round + ": event by event " + eachMillis + " ms, in bulk " + bulkMillis + " ms");

            assertThat(bulk.consumedOneByOne()).isFalse();
            assertThat(each.consumedOneByOne()).isFalse();
            assertThat(bulk.count(Outcome.PROCESSED)).isEqualTo(accounts);
            assertThat(each.count(Outcome.PROCESSED)).isEqualTo(accounts);
            assertThat(summary(bulkAccounts)).isEqualTo(summary(eachAccounts))
                    .isEqualTo(Map.of("CURRENT current; 1 payment of 126.00; history PAST_DUE>CURRENT", accounts));
        }
        LOG.infof("Polls of %d payments each clearing a past-due account: %s", accounts, String.join("; ", timings));
    }

    /** Opens and bills accounts through billing's events, consumed as a poll each; returns their numbers and premises. */
    private List<String[]> openBilled(int count) {
        List<String[]> opened = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> accounts = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> bills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String esiId = newEsiId();
            String accountNumber = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
            opened.add(new String[] { accountNumber, esiId });
            accounts.add(record(new BillingAccountOpened(accountNumber, esiId, UUID.randomUUID(), "Dana Smith",
                    "FIXED-12", BillingType.POSTPAY, "ONCOR", 3, of(2028, 1, 1))));
            bills.add(record(new BillPosted(UUID.randomUUID(), accountNumber, esiId, of(2028, 1, 12), of(2028, 2, 11),
                    of(2028, 2, 14), of(2028, 3, 1), new BigDecimal("120.00"), new BigDecimal("1000"),
                    List.of(new BillPosted.Line("ENERGY", "Energy charge", new BigDecimal("120.00"))))));
        }
        assertThat(inbox.consumeBatch(accounts, billing.routes()).count(Outcome.PROCESSED)).isEqualTo(count);
        assertThat(inbox.consumeBatch(bills, billing.routes()).count(Outcome.PROCESSED)).isEqualTo(count);
        return opened;
    }

    private static PaymentPosted paymentOn(String[] account, int i, LocalDate on) {
        Instant at = on.atTime(LocalTime.of(9, 0)).atZone(CollectionsFixtures.ZONE).toInstant();
        return new PaymentPosted(UUID.randomUUID(), i % 2 == 0 ? account[0] : null, account[1],
                new BigDecimal("126.00"), "CARD", "AUTH-" + OFFSETS.incrementAndGet(), at, at);
    }

    /** How many accounts end in each state, with their payments and their steps from past due on. */
    private Map<String, Integer> summary(List<String[]> accounts) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] number : accounts) {
                CollectionAccount account = CollectionAccount.findById(number[0]);
                @SuppressWarnings("unchecked")
                List<BigDecimal> payments = em.createNativeQuery(
                        "select amount from ledger_payment where account_number = ?1 and posted and not returned")
                        .setParameter(1, number[0]).getResultList();
                List<String> steps = CollectionTransition.<CollectionTransition> list(
                        "accountNumber = ?1 and fromState is not null order by id", number[0]).stream()
                        .filter(t -> t.fromState != CollectionState.CURRENT)
                        .map(t -> t.fromState + ">" + t.toState).toList();
                String line = account.state + " " + account.rule + "; " + payments.size() + " payment of "
                        + payments.stream().map(BigDecimal::toPlainString).distinct().toList().stream()
                                .findFirst().orElse("-")
                        + "; history " + String.join(", ", steps);
                summary.merge(line, 1, Integer::sum);
            }
        });
        return summary;
    }

    // ------------------------------------------------------------------------------------------------ the world

    /** Premises in every state a payment meets, and the poll that pays them, for their own accounts. */
    private final class World {
        final Map<String, Premise> premises = new LinkedHashMap<>();
        final Map<UUID, String> paymentRoles = new LinkedHashMap<>();
        private List<ConsumerRecord<String, byte[]>> poll;
        private final String strangerEsiId = newEsiId();
        private final String strangerEsiId2 = newEsiId();

        World() {
            for (String role : List.of("requestedPaid", "disconnectedPaid")) {
                Premise premise = open(role);
                fixtures.bill(premise, "120.00", of(2028, 1, 13), of(2028, 2, 1));
            }
            for (String role : List.of("pendingPaid", "partialTwice", "partial", "plan")) {
                Premise premise = open(role);
                fixtures.bill(premise, "120.00", of(2028, 1, 20), of(2028, 2, 8));
            }
            open("current");
            // the bills are recorded: each account knows when it falls past due
            premises.forEach((role, premise) -> {
                String pastDue = List.of("requestedPaid", "disconnectedPaid").contains(role) ? "2028-02-02"
                        : role.equals("current") ? null : "2028-02-09";
                if (pastDue != null) {
                    await().atMost(WAIT).untilAsserted(() -> Api.operations()
                            .get("/accounts/" + premise.esiId() + "/collections").then()
                            .body("next.on", equalTo(pastDue)));
                }
            });
        }

        private Premise open(String role) {
            Premise premise = fixtures.postpayPremise("Dallas");
            premises.put(role, premise);
            return premise;
        }

        Premise premise(String role) {
            return premises.get(role);
        }

        /** The wires utility completes the disconnect of "disconnectedPaid". */
        void disconnect() {
            Premise premise = premise("disconnectedPaid");
            UUID requestId = QuarkusTransaction.requiringNew().call(() -> ServiceOrder.<ServiceOrder> find(
                    "accountNumber = ?1 and kind = ?2", premise.accountNumber(), ServiceOrder.Kind.DISCONNECT)
                    .singleResult().requestId);
            fixtures.publish(new ServiceOrderCompleted(requestId, premise.esiId(), "DISCONNECT", "650B1",
                    of(2028, 2, 22), UUID.randomUUID()));
            awaitState(premise.esiId(), "DISCONNECTED");
        }

        /** On the day of the poll: a plan for "plan", and what was consumed before the poll, each on its own. */
        void before() {
            Premise plan = premise("plan");
            Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("esiId", plan.esiId(), "amount", "126.00", "downPayment", "26.00", "installments", 4,
                            "firstInstallmentDue", "2028-03-24", "reason", "STATED_INABILITY"))
                    .post("/payment-plans").then().statusCode(201);
            Premise current = premise("current");
            consumeAlone(role("postedBefore", payment(current.accountNumber(), current.esiId(), "9.00")));
            PaymentPosted returnedBefore = role("returnedBefore",
                    payment(current.accountNumber(), current.esiId(), "13.00"));
            consumeAlone(returnOf(returnedBefore));
            poll = buildPoll(returnedBefore);
        }

        private List<ConsumerRecord<String, byte[]>> buildPoll(PaymentPosted returnedBefore) {
            Premise current = premise("current");
            PaymentPosted announcedTwice = role("announcedTwice",
                    payment(current.accountNumber(), current.esiId(), "10.00"));
            PaymentPosted partial = role("partial", payment(premise("partial").accountNumber(), null, "50.00"));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            ConsumerRecord<String, byte[]> firstOfTwice = record(announcedTwice);
            records.add(record(role("pendingPaid", payment(null, premise("pendingPaid").esiId(), "126.00"))));
            records.add(record(role("partialTwice1", payment(premise("partialTwice").accountNumber(),
                    premise("partialTwice").esiId(), "80.00"))));
            records.add(firstOfTwice);
            records.add(record(role("requestedPaid", payment(premise("requestedPaid").accountNumber(), null,
                    "126.00"))));
            records.add(record(role("unknownNumber", payment("9999999999", strangerEsiId, "7.00"))));
            records.add(record(role("partialTwice2", payment(null, premise("partialTwice").esiId(), "30.00"))));
            records.add(record(findPayment("postedBefore")));
            records.add(record(announcedTwice)); // the same payment announced again under another event id
            records.add(record(role("disconnectedPaid", payment(null, premise("disconnectedPaid").esiId(),
                    "126.00"))));
            records.add(record(role("noAccount", payment(null, strangerEsiId2, "8.00"))));
            records.add(record(returnedBefore));
            records.add(record(partial));
            records.add(redelivery(firstOfTwice));
            records.add(record(role("plan", payment(premise("plan").accountNumber(), premise("plan").esiId(),
                    "26.00"))));
            records.add(record(returnOf(partial))); // ends the run: the payments after it are a run of their own
            records.add(record(role("afterReturn", payment(current.accountNumber(), null, "5.00"))));
            return records;
        }

        List<ConsumerRecord<String, byte[]>> poll() {
            return poll;
        }

        private final Map<String, PaymentPosted> byRole = new LinkedHashMap<>();

        private PaymentPosted role(String role, PaymentPosted payment) {
            paymentRoles.put(payment.paymentId(), role);
            byRole.put(role, payment);
            return payment;
        }

        private PaymentPosted findPayment(String role) {
            return byRole.get(role);
        }

        private void consumeAlone(DomainEvent event) {
            assertThat(inbox.consumeBatch(List.of(record(event)), consumer.routes()).count(Outcome.PROCESSED))
                    .isEqualTo(1);
        }

        /** Each account's state, its steps since the poll, its payments, orders and events, in words, by role. */
        Map<String, String> describe() {
            Map<String, String> described = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                premises.forEach((role, premise) -> described.put(role, describe(premise)));
                for (String stranger : List.of("unknownNumber", "noAccount")) {
                    UUID id = byRole.get(stranger).paymentId();
                    Object[] row = (Object[]) em.createNativeQuery("""
                            select account_number, amount, unmatched_reason from ledger_payment
                            where payment_id = ?1 and posted""").setParameter(1, id).getSingleResult();
                    described.put(stranger, row[0] != null ? "kept under " + row[0] + ", " + row[1]
                            : "kept under no account: " + String.valueOf(row[2]).replace(
                                    byRole.get(stranger).esiId(), "").trim());
                }
            });
            return described;
        }

        private String describe(Premise premise) {
            CollectionAccount account = CollectionAccount.findById(premise.accountNumber());
            List<String> steps = new ArrayList<>();
            for (CollectionTransition t : CollectionTransition.<CollectionTransition> list(
                    "accountNumber = ?1 and id > ?2 order by id", premise.accountNumber(), lastTransitionBefore)) {
                steps.add(t.fromState + ">" + t.toState + " " + t.rule);
            }
            List<String> payments = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select payment_id, amount, returned from ledger_payment
                    where account_number = ?1 and posted order by amount desc, payment_id""")
                    .setParameter(1, premise.accountNumber()).getResultList();
            for (Object[] row : rows) {
                payments.add(paymentRoles.get((UUID) row[0]) + " " + row[1] + ((Boolean) row[2] ? " returned"
                        : " counted"));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> planRows = em.createNativeQuery("""
                    select pp.amount from payment_plan_payment pp join payment_plan p on p.id = pp.plan_id
                    where p.account_number = ?1 and not pp.reversed""").setParameter(1, premise.accountNumber())
                    .getResultList();
            for (Object amount : planRows) {
                payments.add("plan payment " + amount);
            }
            List<String> orders = ServiceOrder.<ServiceOrder> list("accountNumber = ?1 order by requestedAt",
                    premise.accountNumber()).stream().map(o -> o.kind + " " + o.status).toList();
            List<String> events = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> outbox = em.createNativeQuery("""
                    select event_type, convert_from(payload, 'UTF8') from outbox_event
                    where subject = ?1 and seq > ?2 order by seq""").setParameter(1, premise.esiId())
                    .setParameter(2, lastOutboxBefore).getResultList();
            for (Object[] row : outbox) {
                String type = EventCatalog.classOf((String) row[0]).map(Class::getSimpleName).orElse((String) row[0]);
                if (type.equals("DunningHoldCleared")) {
                    DunningHoldCleared cleared;
                    try {
                        cleared = TestJson.MAPPER.readValue((String) row[1], DunningHoldCleared.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    type += " by " + paymentRoles.get(cleared.paymentId()) + " from " + cleared.clearedState();
                }
                events.add(type);
            }
            return account.state + " (" + account.rule + "); " + String.join(", ", steps) + "; payments " + payments
                    + "; orders " + orders + "; events " + events;
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    private static String newEsiId() {
        return String.format("1044372%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static PaymentPosted payment(String accountNumber, String esiId, String amount) {
        Instant at = of(2028, 2, 24).atTime(LocalTime.of(11, 0)).atZone(CollectionsFixtures.ZONE).toInstant();
        return new PaymentPosted(UUID.randomUUID(), accountNumber, esiId, new BigDecimal(amount), "CARD",
                "AUTH-" + OFFSETS.incrementAndGet(), at, at);
    }

    private static PaymentReturned returnOf(PaymentPosted payment) {
        return new PaymentReturned(UUID.randomUUID(), payment.paymentId(), payment.accountNumber(), payment.esiId(),
                payment.amount(), "R01", "Insufficient funds",
                of(2028, 2, 24).atTime(LocalTime.NOON).atZone(CollectionsFixtures.ZONE).toInstant());
    }

    /** The event as the producing service's outbox relay would put it on its topic, under a new event id. */
    private static ConsumerRecord<String, byte[]> record(DomainEvent event) {
        byte[] body;
        try {
            body = TestJson.MAPPER.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String key = event.subject() == null ? "none" : event.subject();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(EventCatalog.topicOf(event.getClass()), 0,
                OFFSETS.incrementAndGet(), key, body);
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
