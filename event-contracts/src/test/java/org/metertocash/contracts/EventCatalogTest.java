package org.metertocash.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EventCatalogTest {

    private static final Pattern VERSIONED = Pattern.compile("^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$");

    @Test
    void every_annotated_event_class_is_in_the_catalogue() throws Exception {
        List<String> annotated = new ArrayList<>();
        Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(EventType.class)) {
                    annotated.add(type.getAnnotation(EventType.class).value());
                }
            }
        }
        assertThat(annotated).isNotEmpty();
        assertThat(EventCatalog.all().stream().map(EventCatalog::typeOf))
                .containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void every_published_type_is_documented_in_docs_events_md() throws IOException, URISyntaxException {
        String catalogue = Files.readString(docsEventsMd());
        for (var event : EventCatalog.all()) {
            String type = EventCatalog.typeOf(event);
            assertThat(catalogue)
                    .as("docs/events.md has a section '### `%s`' for %s", type, event.getSimpleName())
                    .contains("### `" + type + "`");
            for (RecordComponent field : event.getRecordComponents()) {
                assertThat(sectionOf(catalogue, type))
                        .as("docs/events.md describes field %s of %s", field.getName(), type)
                        .contains("`" + field.getName() + "`");
            }
        }
    }

    @Test
    void type_names_are_versioned_and_topics_are_known() {
        var topics = List.of(Topics.ENROLLMENT, Topics.BILLING, Topics.PAYMENT, Topics.DUNNING, Topics.EDI);
        for (var event : EventCatalog.all()) {
            assertThat(EventCatalog.typeOf(event)).matches(VERSIONED);
            assertThat(topics).contains(EventCatalog.topicOf(event));
            assertThat(event.isRecord()).as("%s is a record", event).isTrue();
        }
    }

    @Test
    void every_event_survives_a_json_round_trip() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        for (var event : EventCatalog.all()) {
            Object sample = Samples.of(event);
            String text = json.writeValueAsString(sample);
            assertThat(json.readValue(text, event)).isEqualTo(sample);
        }
    }

    private static String sectionOf(String catalogue, String type) {
        int start = catalogue.indexOf("### `" + type + "`");
        int next = catalogue.indexOf("\n### ", start + 1);
        return next < 0 ? catalogue.substring(start) : catalogue.substring(start, next);
    }

    private static Path docsEventsMd() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/events.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("docs/events.md not found above " + Path.of("").toAbsolutePath());
    }
}
