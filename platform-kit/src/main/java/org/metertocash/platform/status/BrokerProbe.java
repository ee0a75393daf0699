package org.metertocash.platform.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

/** Asks the broker what operations want to know: is it reachable, and how far behind are our consumers. */
@ApplicationScoped
public class BrokerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    public BrokerProbe(Config config) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG,
                config.getOptionalValue("quarkus.application.name", String.class).orElse("service") + "-status");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(props);
    }

    public record BrokerState(boolean reachable, Integer nodes, String error) {
    }

    public record TopicLag(String topic, String group, long lag, int partitions) {
    }

    public BrokerState state() {
        try {
            Collection<?> nodes = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new BrokerState(true, nodes.size(), null);
        } catch (Exception e) {
            return new BrokerState(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The lag of a consumer group on each topic: end offsets minus committed offsets, summed over partitions. */
    public List<TopicLag> lag(String group, Collection<String> topics) throws Exception {
        List<TopicLag> lags = new ArrayList<>();
        if (topics.isEmpty()) {
            return lags;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions()
                .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (String topic : topics) {
            long lag = 0;
            int partitions = 0;
            for (var end : ends.entrySet()) {
                if (end.getKey().topic().equals(topic)) {
                    partitions++;
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
                }
            }
            lags.add(new TopicLag(topic, group, lag, partitions));
        }
        return lags;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
