package org.metertocash.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metertocash.contracts.CloudEvents;
import org.metertocash.contracts.Topics;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps records a consumer gave up on: a row here (what the status endpoint counts and operations replay), a
 * copy on the dead-letter topic {@code <service>.dlq} with the reason in headers (through the outbox, like
 * every record we produce), and a DEAD_LETTER item in the work queue.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String WORK_ITEM_TYPE = "DEAD_LETTER";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Instance<TopicConsumer> consumers;

    @Inject
    Instance<Inbox> inbox;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public void record(ConsumerRecord<String, byte[]> record, String reason, int attempts) {
        Map<String, String> headers = ConsumedEvent.headersOf(record);
        LOG.errorf("Dead-lettering %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                headers.get(CloudEvents.TYPE), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<DeadLetter> existing = em.createQuery("""
                    from DeadLetter where topic = ?1 and partition = ?2 and offset = ?3 and consumer = ?4""",
                    DeadLetter.class)
                    .setParameter(1, record.topic()).setParameter(2, record.partition())
                    .setParameter(3, record.offset()).setParameter(4, service)
                    .getResultStream().findFirst();
            if (existing.isPresent()) {
                // the same record redelivered after its dead-lettering was committed but before the offset was
                DeadLetter letter = existing.get();
                letter.attempts += attempts;
                letter.reason = reason;
                letter.updatedAt = clock.instant();
                return;
            }
            DeadLetter letter = new DeadLetter();
            letter.id = UUID.randomUUID();
            letter.consumer = service;
            letter.topic = record.topic();
            letter.partition = record.partition();
            letter.offset = record.offset();
            letter.recordKey = record.key();
            letter.eventId = headers.get(CloudEvents.ID);
            letter.eventType = headers.get(CloudEvents.TYPE);
            letter.headers = toJson(headers);
            letter.payload = record.value();
            letter.reason = reason;
            letter.status = DeadLetter.Status.OPEN;
            letter.attempts = attempts;
            letter.createdAt = clock.instant();
            letter.updatedAt = letter.createdAt;
            em.persist(letter);

            Map<String, String> dlqHeaders = new LinkedHashMap<>(headers);
            dlqHeaders.put("dead-letter-reason", reason);
            dlqHeaders.put("dead-letter-topic", record.topic());
            dlqHeaders.put("dead-letter-partition", Integer.toString(record.partition()));
            dlqHeaders.put("dead-letter-offset", Long.toString(record.offset()));
            dlqHeaders.put("dead-letter-consumer", service);
            dlqHeaders.put("dead-letter-id", letter.id.toString());
            String key = record.key() != null ? record.key() : letter.id.toString();
            byte[] body = record.value() != null ? record.value() : new byte[0];
            outbox.publishRaw(Topics.deadLetterTopic(service), key,
                    letter.eventType != null ? letter.eventType : "unknown", body, dlqHeaders, Cause.newFlow());

            workQueue.raise(WORK_ITEM_TYPE, subjectOf(headers, record.key()), letter.id.toString(),
                    "Event from " + record.topic() + " could not be processed: " + reason,
                    Map.of("deadLetterId", letter.id.toString(), "topic", record.topic(),
                            "partition", record.partition(), "offset", record.offset(),
                            "eventType", String.valueOf(letter.eventType)));
        });
    }

    public List<DeadLetter> list(DeadLetter.Status status, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = status == null
                    ? em.createQuery("from DeadLetter order by createdAt desc", DeadLetter.class)
                    : em.createQuery("from DeadLetter where status = ?1 order by createdAt desc", DeadLetter.class)
                            .setParameter(1, status);
            return query.setMaxResults(limit).getResultList();
        });
    }

    public Optional<DeadLetter> find(UUID id) {
        return Optional.ofNullable(em.find(DeadLetter.class, id));
    }

    /** Result of a replay: the dead letter's new status and, if it failed again, why. */
    public record ReplayResult(UUID id, DeadLetter.Status status, String outcome) {
    }

    /** Runs the dead letter through its consumer's routes again, with the inbox's duplicate protection. */
    public ReplayResult replay(UUID id, String actor) {
        DeadLetter letter = QuarkusTransaction.requiringNew().call(() -> em.find(DeadLetter.class, id));
        if (letter == null) {
            throw ProblemException.notFound("No dead letter " + id);
        }
        if (letter.status != DeadLetter.Status.OPEN) {
            throw ProblemException.conflict("dead-letter-closed", "Dead letter " + id + " is " + letter.status);
        }
        TopicConsumer consumer = consumers.stream().filter(c -> c.topic().equals(letter.topic)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("no-consumer",
                        "This service no longer consumes " + letter.topic));
        String outcome;
        DeadLetter.Status status;
        try {
            ConsumedEvent event = ConsumedEvent.from(letter.topic, letter.partition, letter.offset, letter.recordKey,
                    letter.payload, fromJson(letter.headers));
            Inbox.Outcome result = inbox.get().handleOnce(event, consumer.routes());
            status = DeadLetter.Status.REPLAYED;
            outcome = result == Inbox.Outcome.DUPLICATE ? "already processed" : "processed";
        } catch (RuntimeException e) {
            status = DeadLetter.Status.OPEN;
            outcome = "failed again: " + e.getMessage();
        }
        DeadLetter.Status finalStatus = status;
        String finalOutcome = outcome;
        QuarkusTransaction.requiringNew().run(() -> {
            DeadLetter managed = em.find(DeadLetter.class, id);
            managed.attempts++;
            managed.status = finalStatus;
            managed.updatedAt = clock.instant();
            if (finalStatus == DeadLetter.Status.OPEN) {
                managed.reason = finalOutcome;
            } else {
                workQueue.closeByReference(WORK_ITEM_TYPE, id.toString(), actor, "replayed: " + finalOutcome);
            }
        });
        return new ReplayResult(id, finalStatus, finalOutcome);
    }

    public long countOpen() {
        return QuarkusTransaction.joiningExisting().call(() -> em
                .createQuery("select count(d) from DeadLetter d where d.status = ?1", Long.class)
                .setParameter(1, DeadLetter.Status.OPEN).getSingleResult());
    }

    private static String subjectOf(Map<String, String> headers, String key) {
        String subject = headers.get(CloudEvents.SUBJECT);
        String candidate = subject != null ? subject : key;
        return candidate != null && candidate.matches("\\d{17}|\\d{22}") ? candidate : null;
    }

    private String toJson(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String headers) {
        try {
            return json.readValue(headers, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] payload) {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }
}
