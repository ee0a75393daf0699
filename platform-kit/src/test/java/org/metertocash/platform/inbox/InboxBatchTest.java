package org.metertocash.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.EventCatalog;
import org.metertocash.platform.deadletter.DeadLetter;
import org.metertocash.platform.deadletter.DeadLetters;
import org.metertocash.platform.inbox.Inbox.BatchOutcome;
import org.metertocash.platform.inbox.Inbox.Outcome;
import org.metertocash.platform.inbox.InboxTestConsumer.Action;
import org.metertocash.platform.inbox.InboxTestConsumer.TestEvent;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestJson;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Inbox#consumeBatch} against the real database: one transaction per batch, duplicates counted and not
 * applied, unreadable records dead-lettered without holding up the others, and a failing handler isolated by
 * consuming its batch again one record at a time — every event applied exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class InboxBatchTest {

    private static final String TOPIC = InboxTestConsumer.TOPIC;
    /** offsets unique across the tests of a run and across runs on one database (dead letters are keyed by them) */
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    Inbox inbox;

    @Inject
    InboxTestConsumer consumer;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "platform.inbox.max-attempts", defaultValue = "3")
    int maxAttempts;

    @BeforeEach
    void effectsTable() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                create table if not exists kit_inbox_effect (
                    seq             bigserial primary key,
                    event_id        uuid      not null,
                    reference       text      not null,
                    kafka_partition integer   not null,
                    kafka_offset    bigint    not null,
                    observed        bigint    not null)""").executeUpdate());
    }

    @AfterEach
    void nothingRefused() {
        consumer.acceptAll();
    }

    @Test
    void a_batch_of_new_events_is_applied_once_each_in_one_transaction_in_partition_order() {
        String reference = "all-new-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(record(i % 3, new TestEvent("k" + (i % 3), Action.APPLY, reference), UUID.randomUUID()));
        }

        BatchOutcome outcome = inbox.consumeBatch(batch, consumer.routes());

        assertThat(outcome.consumedOneByOne()).isFalse();
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(batch.size());
        assertThat(outcome.count(Outcome.DUPLICATE)).isZero();
        assertThat(effectsPerEvent(reference)).containsOnlyKeys(idsOf(batch)).allSatisfy((id, n) -> assertThat(n)
                .as("effects of %s", id).isEqualTo(1L));
        assertThat(inboxRows(batch)).isEqualTo(batch.size());
        // within each partition the handlers ran in offset order (the effect rows' sequence follows it)
        List<Object[]> applied = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select kafka_partition, kafka_offset from kit_inbox_effect where reference = ?1 order by seq""",
                Object[].class).setParameter(1, reference).getResultList());
        Map<Integer, Long> lastOffset = new HashMap<>();
        for (Object[] row : applied) {
            int partition = ((Number) row[0]).intValue();
            long offset = ((Number) row[1]).longValue();
            Long previous = lastOffset.put(partition, offset);
            assertThat(previous == null || previous < offset).as("partition %d: %d after %d", partition, offset,
                    previous).isTrue();
        }
    }

    @Test
    void duplicates_in_a_batch_are_counted_and_not_applied_again() {
        String reference = "duplicates-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> earlier = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            earlier.add(record(0, new TestEvent("k", Action.APPLY, reference), UUID.randomUUID()));
        }
        earlier.forEach(record -> assertThat(inbox.consume(record, consumer.routes())).isEqualTo(Outcome.PROCESSED));
        long processedBefore = statusInbox("processed");
        long duplicatesBefore = statusInbox("duplicatesIgnored");
        double duplicateMetricBefore = counter(Outcome.DUPLICATE);

        // the ten again (redelivered after a rebalance), ten new ones, and one of the new ones twice in the poll
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> again : earlier) {
            batch.add(record(0, new TestEvent("k", Action.APPLY, reference), eventIdOf(again)));
        }
        List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fresh.add(record(1, new TestEvent("k", Action.APPLY, reference), UUID.randomUUID()));
        }
        batch.addAll(fresh);
        batch.add(record(1, new TestEvent("k", Action.APPLY, reference), eventIdOf(fresh.get(3))));

        BatchOutcome outcome = inbox.consumeBatch(batch, consumer.routes());

        assertThat(outcome.consumedOneByOne()).isFalse();
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(fresh.size());
        assertThat(outcome.count(Outcome.DUPLICATE)).isEqualTo(earlier.size() + 1);
        List<UUID> all = new ArrayList<>(idsOf(earlier));
        all.addAll(idsOf(fresh));
        assertThat(effectsPerEvent(reference)).containsOnlyKeys(all).allSatisfy((id, n) -> assertThat(n)
                .as("effects of %s", id).isEqualTo(1L));
        Map<UUID, Integer> duplicateDeliveries = duplicateDeliveries(all);
        all.forEach(id -> assertThat(duplicateDeliveries.get(id)).as("duplicates of %s", id)
                .isEqualTo(idsOf(earlier).contains(id) || id.equals(eventIdOf(fresh.get(3))) ? 1 : 0));
        // the operations view and the metrics count them as before
        assertThat(statusInbox("processed") - processedBefore).isEqualTo(fresh.size());
        assertThat(statusInbox("duplicatesIgnored") - duplicatesBefore).isEqualTo(earlier.size() + 1);
        assertThat(counter(Outcome.DUPLICATE) - duplicateMetricBefore).isEqualTo(earlier.size() + 1.0);
    }

    @Test
    void unreadable_records_in_the_middle_go_to_dead_letters_at_once_and_the_rest_of_the_batch_is_applied() {
        String reference = "poison-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(record(0, new TestEvent("k", Action.APPLY, reference), UUID.randomUUID()));
        }
        ConsumerRecord<String, byte[]> noEnvelope = new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(), "k",
                "{}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> notJson = new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(), "k",
                "not json at all".getBytes(StandardCharsets.UTF_8));
        envelope(notJson, UUID.randomUUID());
        batch.add(noEnvelope);
        batch.add(notJson);
        List<ConsumerRecord<String, byte[]>> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(record(0, new TestEvent("k", Action.APPLY, reference), UUID.randomUUID()));
        }
        batch.addAll(after);

        BatchOutcome outcome = inbox.consumeBatch(batch, consumer.routes());

        assertThat(outcome.consumedOneByOne()).as("unreadable records do not spoil the batch").isFalse();
        assertThat(outcome.count(Outcome.DEAD_LETTERED)).isEqualTo(2);
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(10);
        List<ConsumerRecord<String, byte[]>> good = new ArrayList<>(batch);
        good.remove(noEnvelope);
        good.remove(notJson);
        assertThat(effectsPerEvent(reference)).containsOnlyKeys(idsOf(good)).allSatisfy((id, n) -> assertThat(n)
                .isEqualTo(1L));
        for (ConsumerRecord<String, byte[]> poison : List.of(noEnvelope, notJson)) {
            DeadLetter letter = deadLetterOf(poison);
            assertThat(letter.status).isEqualTo(DeadLetter.Status.OPEN);
            assertThat(letter.attempts).isEqualTo(1);
            assertThat(letter.payload).isEqualTo(poison.value());
            assertThat(openWorkItems(DeadLetters.WORK_ITEM_TYPE, letter.id.toString())).isEqualTo(1);
        }
        assertThat(deadLetterOf(noEnvelope).reason).contains(CloudEvents.ID);
        assertThat(deadLetterOf(notJson).reason).contains("TestEvent");
    }

    @Test
    void a_failing_handler_rolls_the_batch_back_and_only_its_record_is_dead_lettered_after_retries() {
        String reference = "ok-" + UUID.randomUUID();
        String refused = "refused-" + UUID.randomUUID();
        consumer.refuse(refused);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(record(i % 2, new TestEvent("k" + (i % 2), Action.APPLY, reference), UUID.randomUUID()));
        }
        ConsumerRecord<String, byte[]> failing = record(1, new TestEvent("k1", Action.APPLY, refused),
                UUID.randomUUID());
        batch.add(failing);
        for (int i = 0; i < 5; i++) {
            batch.add(record(i % 2, new TestEvent("k" + (i % 2), Action.APPLY, reference), UUID.randomUUID()));
        }

        BatchOutcome outcome = inbox.consumeBatch(batch, consumer.routes());

        assertThat(outcome.consumedOneByOne()).isTrue();
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(batch.size() - 1);
        assertThat(outcome.count(Outcome.DEAD_LETTERED)).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> good = new ArrayList<>(batch);
        good.remove(failing);
        // the effects of the rolled-back batch are gone: each good event is there once, the failing one not at all
        assertThat(effectsPerEvent(reference)).containsOnlyKeys(idsOf(good)).allSatisfy((id, n) -> assertThat(n)
                .as("effects of %s", id).isEqualTo(1L));
        assertThat(effectsPerEvent(refused)).isEmpty();
        assertThat(inboxRows(List.of(failing))).isZero();
        DeadLetter letter = deadLetterOf(failing);
        assertThat(letter.status).isEqualTo(DeadLetter.Status.OPEN);
        assertThat(letter.attempts).isEqualTo(maxAttempts);
        assertThat(letter.reason).contains("is refused");
        assertThat(openWorkItems(DeadLetters.WORK_ITEM_TYPE, letter.id.toString())).isEqualTo(1);

        // once the cause is fixed, the dead letter replays through the same routes, once
        consumer.accept(refused);
        DeadLetters.ReplayResult replay = deadLetters.replay(letter.id, "ops");
        assertThat(replay.status()).isEqualTo(DeadLetter.Status.REPLAYED);
        assertThat(effectsPerEvent(refused)).containsOnlyKeys(eventIdOf(failing)).containsValue(1L);
        assertThat(openWorkItems(DeadLetters.WORK_ITEM_TYPE, letter.id.toString())).isZero();
        // and the batch redelivered (its offsets were not committed, say) changes nothing
        BatchOutcome again = inbox.consumeBatch(batch, consumer.routes());
        assertThat(again.consumedOneByOne()).isFalse();
        assertThat(again.count(Outcome.DUPLICATE)).isEqualTo(batch.size());
        assertThat(effectsPerEvent(reference).values()).containsOnly(1L);
        assertThat(effectsPerEvent(refused).values()).containsOnly(1L);
    }

    @Test
    void each_event_of_a_batch_sees_what_the_earlier_ones_wrote() {
        String reference = "state-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                record(0, new TestEvent("k", Action.RAISE, reference), UUID.randomUUID()),
                record(0, new TestEvent("k", Action.RAISE, reference), UUID.randomUUID()),
                record(0, new TestEvent("k", Action.OBSERVE, reference), UUID.randomUUID()));

        BatchOutcome outcome = inbox.consumeBatch(batch, consumer.routes());

        assertThat(outcome.consumedOneByOne()).isFalse();
        assertThat(outcome.count(Outcome.PROCESSED)).isEqualTo(3);
        // the second raise found the item the first one created (one item, two occurrences) ...
        List<?> occurrences = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select occurrences from work_item where type = ?1 and reference = ?2""")
                .setParameter(1, InboxTestConsumer.WORK_ITEM_TYPE).setParameter(2, reference).getResultList());
        assertThat(occurrences).extracting(n -> ((Number) n).intValue()).containsExactly(2);
        // ... and a native query of the third saw both
        Number observed = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                select observed from kit_inbox_effect where event_id = ?1""")
                .setParameter(1, eventIdOf(batch.get(2))).getSingleResult());
        assertThat(observed.longValue()).isEqualTo(2L);
    }

    @Test
    void a_batch_of_records_nobody_routes_is_skipped() {
        ConsumerRecord<String, byte[]> other = new ConsumerRecord<>(TOPIC, 2, OFFSETS.incrementAndGet(), "k",
                "{}".getBytes(StandardCharsets.UTF_8));
        envelope(other, UUID.randomUUID());
        other.headers().remove(CloudEvents.TYPE);
        other.headers().add(CloudEvents.TYPE, "kit.someone-elses.v1".getBytes(StandardCharsets.UTF_8));

        BatchOutcome outcome = inbox.consumeBatch(List.of(other), consumer.routes());

        assertThat(outcome.count(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(inboxRows(List.of(other))).isZero();
    }

    private static ConsumerRecord<String, byte[]> record(int partition, TestEvent event, UUID eventId) {
        byte[] body;
        try {
            body = TestJson.MAPPER.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, partition, OFFSETS.incrementAndGet(),
                event.subject(), body);
        envelope(record, eventId);
        return record;
    }

    private static void envelope(ConsumerRecord<String, byte[]> record, UUID eventId) {
        Map<String, String> headers = Map.of(
                CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0,
                CloudEvents.ID, eventId.toString(),
                CloudEvents.SOURCE, "test",
                CloudEvents.TYPE, EventCatalog.typeOf(TestEvent.class),
                CloudEvents.TIME, Instant.now().toString(),
                CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID eventIdOf(ConsumerRecord<String, byte[]> record) {
        return UUID.fromString(new String(record.headers().lastHeader(CloudEvents.ID).value(), StandardCharsets.UTF_8));
    }

    private static List<UUID> idsOf(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(InboxBatchTest::eventIdOf).toList();
    }

    private Map<UUID, Long> effectsPerEvent(String reference) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select event_id, count(*) from kit_inbox_effect where reference = ?1 group by event_id""",
                Object[].class).setParameter(1, reference).getResultList());
        Map<UUID, Long> effects = new HashMap<>();
        rows.forEach(row -> effects.put((UUID) row[0], ((Number) row[1]).longValue()));
        return effects;
    }

    private long inboxRows(List<ConsumerRecord<String, byte[]>> records) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from inbox_event where consumer = ?1 and event_id = any(?2)""")
                .setParameter(1, TOPIC).setParameter(2, idsOf(records).toArray(UUID[]::new)).getSingleResult())
                .longValue());
    }

    private Map<UUID, Integer> duplicateDeliveries(List<UUID> ids) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select event_id, duplicate_deliveries from inbox_event where consumer = ?1 and event_id = any(?2)""",
                Object[].class).setParameter(1, TOPIC).setParameter(2, ids.toArray(UUID[]::new)).getResultList());
        Map<UUID, Integer> duplicates = new HashMap<>();
        rows.forEach(row -> duplicates.put((UUID) row[0], ((Number) row[1]).intValue()));
        return duplicates;
    }

    private DeadLetter deadLetterOf(ConsumerRecord<String, byte[]> record) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from DeadLetter where topic = ?1 and partition = ?2 and offset = ?3", DeadLetter.class)
                .setParameter(1, record.topic()).setParameter(2, record.partition())
                .setParameter(3, record.offset()).getSingleResult());
    }

    private long openWorkItems(String type, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from work_item where type = ?1 and reference = ?2 and status = 'OPEN'""")
                .setParameter(1, type).setParameter(2, reference).getSingleResult()).longValue());
    }

    private long statusInbox(String figure) {
        return Api.operations().get("/status").then().statusCode(200).extract().jsonPath()
                .getLong("inbox." + figure);
    }

    private double counter(Outcome outcome) {
        var counter = metrics.find("inbox.events").tags("topic", TOPIC, "outcome", outcome.name().toLowerCase())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
