package org.metertocash.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, outside any consumer group, so tests can assert on what was really
 * published to the broker.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            // a topic nobody has published to yet does not exist: wait for its first record to create it
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            var found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            while (found.isEmpty() && System.nanoTime() < deadline) {
                sleep();
                found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            }
            found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a record matching the predicate has arrived and returns it. */
    public ReceivedEvent await(Predicate<ReceivedEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (int i = seen; i < received.size(); i++) {
                if (match.test(received.get(i))) {
                    return received.get(i);
                }
            }
            seen = received.size();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + "; received: " + describe());
            }
            poll(Duration.ofMillis(200));
        }
    }

    public ReceivedEvent awaitType(String type, String subject, Duration timeout) {
        return await(e -> type.equals(e.type()) && (subject == null || subject.equals(e.subject())), timeout);
    }

    /** Everything that has arrived so far (polls for up to the given time first). */
    public List<ReceivedEvent> drain(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(received);
    }

    public List<ReceivedEvent> received() {
        return List.copyOf(received);
    }

    private void poll(Duration duration) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(duration)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value()));
            }
            received.add(new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), headers,
                    record.value()));
        }
    }

    private String describe() {
        return received.stream().map(e -> e.type() + "(" + e.subject() + ")").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
