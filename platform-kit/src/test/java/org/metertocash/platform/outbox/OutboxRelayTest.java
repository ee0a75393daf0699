package org.metertocash.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void several_relays_at_once_publish_every_event_exactly_once_in_order_per_key() throws Exception {
        String topic = "kit.relay." + System.nanoTime();
        int events = 300;
        int keys = 7;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // three writers and three extra relay passes running together, as on several replicas
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 3; writer++) {
                int first = writer;
                work.add(pool.submit(() -> {
                    for (int i = first; i < events; i += 3) {
                        int n = i;
                        // each key has one writer: the order of its commits is the order consumers must see
                        String key = "writer" + first + "-" + (n % keys);
                        QuarkusTransaction.requiringNew().run(() -> outbox.publishRaw(topic, key, "kit.test.v1",
                                Integer.toString(n).getBytes(StandardCharsets.UTF_8), Map.of(), Cause.newFlow()));
                    }
                }));
            }
            for (int replica = 0; replica < 3; replica++) {
                work.add(pool.submit(() -> {
                    for (int pass = 0; pass < 40; pass++) {
                        relay.relayOnce();
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), topic)) {
            List<ReceivedEvent> received = probe.drain(Duration.ofSeconds(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < events && System.nanoTime() < deadline) {
                received = probe.drain(Duration.ofMillis(500));
            }
            assertThat(received).hasSize(events);
            assertThat(received.stream().map(ReceivedEvent::id).distinct()).hasSize(events);
            Map<String, Integer> lastPerKey = new HashMap<>();
            for (ReceivedEvent event : received.stream()
                    .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                            : Long.compare(a.offset(), b.offset()))
                    .toList()) {
                int value = Integer.parseInt(event.body());
                Integer previous = lastPerKey.put(event.key(), value);
                assertThat(previous == null || previous < value)
                        .as("key %s: %s after %s", event.key(), value, previous).isTrue();
            }
        }
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_published() throws Exception {
        String topic = "kit.rollback." + System.nanoTime();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishRaw(topic, "k", "kit.test.v1", "lost".getBytes(StandardCharsets.UTF_8), Map.of(),
                    Cause.newFlow());
            throw new IllegalStateException("the state change fails");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.publishRaw(topic, "k", "kit.test.v1",
                "kept".getBytes(StandardCharsets.UTF_8), Map.of(), Cause.newFlow()));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(e -> "kept".equals(e.body()), Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).extracting(ReceivedEvent::body).containsExactly("kept");
        }
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.publishRaw("kit.none", "k", "kit.test.v1", new byte[] { 1 }, Map.of(),
                Cause.newFlow())).isInstanceOf(jakarta.transaction.TransactionalException.class);
    }
}
