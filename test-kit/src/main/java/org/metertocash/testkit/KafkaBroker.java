package org.metertocash.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.metertocash.contracts.Topics;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Apache Kafka's own broker in KRaft mode (one node acting as broker and controller), on loopback. Settings are
 * those of a one-node cluster: replication factor 1, no rebalance delay for new consumer groups.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Partitions of each domain topic: enough to show per-key ordering across partitions. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker on the given port (0 = any free port) and creates the five domain topics. */
    public static KafkaBroker start(int port) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> {
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("offsets.topic.replication.factor", "1");
                    props.put("offsets.topic.num.partitions", "5");
                    props.put("transaction.state.log.replication.factor", "1");
                    props.put("transaction.state.log.min.isr", "1");
                    props.put("num.partitions", Integer.toString(PARTITIONS));
                    props.put("auto.create.topics.enable", "true");
                    props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
                });
        if (port > 0) {
            broker.withKafkaPort(port);
        }
        broker.start();
        KafkaBroker started = new KafkaBroker(broker);
        started.createDomainTopics();
        return started;
    }

    public String bootstrapServers() {
        return bootstrapServersOf(broker.getAdvertisedListeners());
    }

    static String bootstrapServersOf(String advertisedListeners) {
        List<String> servers = new ArrayList<>();
        for (String listener : advertisedListeners.split(",")) {
            int scheme = listener.indexOf("://");
            servers.add(scheme >= 0 ? listener.substring(scheme + 3) : listener);
        }
        return String.join(",", servers);
    }

    private void createDomainTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(Topics.ENROLLMENT, Topics.BILLING, Topics.PAYMENT, Topics.DUNNING, Topics.EDI)) {
                if (!existing.contains(topic)) {
                    topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
                }
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the domain topics", e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
