package org.metertocash.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.CloudEvents;

class ConsumedEventTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private static Map<String, String> envelope() {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEvents.ID, "6f1c3f0e-8d56-4c1e-9b3e-2d9f4f1f7a10");
        headers.put(CloudEvents.TYPE, "enrollment.accepted.v1");
        headers.put(CloudEvents.SUBJECT, "10443720000000001");
        headers.put(CloudEvents.TIME, "2026-11-23T10:15:30Z");
        headers.put(CloudEvents.CORRELATION_ID, "0b3b5c3e-0d4e-4a8e-9e1f-3c2d1b0a9f8e");
        return headers;
    }

    @Test
    void reads_the_cloud_events_envelope() {
        ConsumedEvent event = ConsumedEvent.from("enrollment.events", 2, 41, "10443720000000001", BODY, envelope());
        assertThat(event.id()).isEqualTo(UUID.fromString("6f1c3f0e-8d56-4c1e-9b3e-2d9f4f1f7a10"));
        assertThat(event.type()).isEqualTo("enrollment.accepted.v1");
        assertThat(event.time()).hasToString("2026-11-23T10:15:30Z");
        assertThat(event.causationId()).isNull();
        assertThat(Cause.of(event).causationId()).isEqualTo(event.id());
        assertThat(Cause.of(event).correlationId()).isEqualTo(event.correlationId());
    }

    @Test
    void a_record_without_id_or_type_or_body_is_poison() {
        Map<String, String> noId = envelope();
        noId.remove(CloudEvents.ID);
        assertThatThrownBy(() -> ConsumedEvent.from("t", 0, 0, "k", BODY, noId))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("ce_id");
        Map<String, String> noType = envelope();
        noType.remove(CloudEvents.TYPE);
        assertThatThrownBy(() -> ConsumedEvent.from("t", 0, 0, "k", BODY, noType))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> ConsumedEvent.from("t", 0, 0, "k", new byte[0], envelope()))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("empty body");
    }

    @Test
    void malformed_ids_and_times_are_poison() {
        Map<String, String> badId = envelope();
        badId.put(CloudEvents.ID, "not-a-uuid");
        assertThatThrownBy(() -> ConsumedEvent.from("t", 0, 0, "k", BODY, badId))
                .isInstanceOf(PoisonRecordException.class);
        Map<String, String> badTime = envelope();
        badTime.put(CloudEvents.TIME, "yesterday");
        assertThatThrownBy(() -> ConsumedEvent.from("t", 0, 0, "k", BODY, badTime))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("ce_time");
    }

    @Test
    void a_caller_correlation_id_that_is_not_a_uuid_maps_to_a_stable_uuid() {
        assertThat(Cause.correlatedWith("crm-4711").correlationId())
                .isEqualTo(Cause.correlatedWith("crm-4711").correlationId());
        assertThat(Cause.correlatedWith(null).correlationId()).isNotNull();
    }
}
