package org.metertocash.edi.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

/** The benchmark's large interval usage file: valid, sensible usage, and the same bytes for the same arguments. */
class IntervalUsageFileTest {

    @Test
    void the_generated_file_is_valid_sensible_deterministic_usage_split_into_interchanges() {
        byte[] file = TdspFiles.intervalUsageFile(20, 3, LocalDate.of(2026, 6, 1), 7, 500);

        ParsedFile parsed = new X12Reader(new X12Schemas()).read(file);
        assertThat(parsed.fatalError()).isNull();
        assertThat(parsed.interchanges()).hasSize(3).extracting(Interchange::controlNumber)
                .containsExactly("000000500", "000000501", "000000502");
        List<TransactionSet> transactions = parsed.interchanges().stream().peek(i -> assertThat(i.errors()).isEmpty())
                .flatMap(i -> i.groups().stream()).map(FunctionalGroup::transactions).flatMap(List::stream).toList();
        assertThat(transactions).hasSize(20).allSatisfy(t -> assertThat(t.errors()).isEmpty());
        assertThat(transactions).extracting(t -> t.ref("Q5").orElseThrow())
                .startsWith(TdspFiles.benchmarkEsiId(0), TdspFiles.benchmarkEsiId(1)).doesNotHaveDuplicates();
        for (TransactionSet transaction : transactions) {
            MeterReads.Result result = MeterReads.of(Usage867.read(transaction), MeterReadsTest.DEFAULTS);
            assertThat(result.problems()).isEmpty();
            assertThat(result.meters()).singleElement()
                    .satisfies(m -> assertThat(m.intervalKwh()).hasSize(3 * 96));
        }
        assertThat(TdspFiles.intervalUsageFile(20, 3, LocalDate.of(2026, 6, 1), 7, 500)).isEqualTo(file);
    }
}
