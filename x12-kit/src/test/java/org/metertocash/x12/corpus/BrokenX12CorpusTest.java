package org.metertocash.x12.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

/**
 * The reader against a generated corpus of broken files (see {@link BrokenX12Corpus}): it never throws and never
 * hangs; a file it cannot read has a fatal error; every other broken file is reported with the X12 code a 997 or
 * TA1 would carry, at its level and position; the intact interchanges of a multi-interchange file are still read.
 */
class BrokenX12CorpusTest {

    /** A guard against a reader that loops forever on some input, not a performance limit. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static final X12Schemas SCHEMAS = new X12Schemas();
    private final X12Reader reader = new X12Reader(SCHEMAS);
    private final BrokenX12Corpus corpus = new BrokenX12Corpus(SCHEMAS);

    /** One error as read, with where it was found. */
    record Found(int interchange, int transaction, SyntaxError error) {
        @Override
        public String toString() {
            return error + " (interchange " + interchange + (transaction >= 0 ? ", transaction " + transaction : "")
                    + ")";
        }
    }

    @Test
    void the_valid_sources_read_without_any_error() {
        for (SourceFile source : corpus.sources()) {
            ParsedFile parsed = reader.read(source.bytes());
            assertThat(parsed.fatalError()).as(source.name).isNull();
            assertThat(parsed.interchanges()).as(source.name).hasSize(source.interchanges);
            assertThat(errorsOf(parsed)).as(source.name).isEmpty();
        }
    }

    @Test
    void the_corpus_covers_every_kind_of_damage() {
        Map<String, Long> byCategory = corpus.generate().stream()
                .collect(Collectors.groupingBy(BrokenFile::category, Collectors.counting()));
        assertThat(byCategory.keySet()).containsAll(BrokenX12Corpus.CATEGORIES);
        assertThat(byCategory.get("truncated")).isGreaterThan(500);
        assertThat(byCategory.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(700);
    }

    @TestFactory
    Stream<DynamicTest> each_broken_file_is_reported_with_its_x12_code_at_its_level_and_position() {
        return corpus.generate().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
    }

    @Test
    void randomly_damaged_files_never_make_the_reader_throw_or_hang() {
        for (byte[] damaged : corpus.randomDamage(400, 20261123L)) {
            ParsedFile parsed = assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(damaged));
            assertThat(parsed.fatalError() != null || !parsed.interchanges().isEmpty()).isTrue();
        }
    }

    private void check(BrokenFile file) {
        ParsedFile parsed = assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file.content()),
                () -> file + ": the reader did not return");
        List<Found> found = errorsOf(parsed);
        if (file.fatal()) {
            assertThat(parsed.fatalError()).as("%s: fatal error; found %s", file, found).isNotNull();
        } else {
            assertThat(parsed.fatalError()).as("%s: readable", file).isNull();
            assertThat(found).as("%s: at least one syntax error", file).isNotEmpty();
        }
        for (BrokenFile.Expected expected : file.errors()) {
            assertThat(found).as("%s: expected %s; fatal: %s", file, expected, parsed.fatalError())
                    .anyMatch(f -> matches(f, expected));
        }
        if (!file.intactInterchanges().isEmpty()) {
            ParsedFile original = reader.read(file.original());
            for (int index : file.intactInterchanges()) {
                assertThat(parsed.interchanges()).as("%s: interchanges read", file).hasSizeGreaterThan(index);
                assertThat(parsed.interchanges().get(index)).as("%s: interchange %d as it was", file, index)
                        .isEqualTo(original.interchanges().get(index));
            }
        }
    }

    private static boolean matches(Found found, BrokenFile.Expected expected) {
        SyntaxError e = found.error();
        return found.interchange() == expected.interchange()
                && (expected.transaction() < 0 || found.transaction() == expected.transaction())
                && e.level() == expected.level()
                && expected.codes().contains(e.code())
                && (expected.segmentTag() == null || expected.segmentTag().equals(e.segmentTag()))
                && (expected.segmentPosition() == null || expected.segmentPosition() == e.segmentPosition())
                && (expected.elementPosition() == null || expected.elementPosition() == e.elementPosition());
    }

    /** Every error of the file, interchange, group and transaction alike, with where it was found. */
    static List<Found> errorsOf(ParsedFile parsed) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < parsed.interchanges().size(); i++) {
            Interchange interchange = parsed.interchanges().get(i);
            int index = i;
            Function<SyntaxError, Found> envelope = e -> new Found(index, -1, e);
            interchange.errors().stream().map(envelope).forEach(found::add);
            int transaction = 0;
            for (FunctionalGroup group : interchange.groups()) {
                group.errors().stream().map(envelope).forEach(found::add);
                for (TransactionSet set : group.transactions()) {
                    int t = transaction++;
                    set.errors().forEach(e -> found.add(new Found(index, t, e)));
                }
            }
        }
        return found;
    }
}
