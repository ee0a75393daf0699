package org.metertocash.dunning.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Reading the moratorium bulk-import file: every line checked, every problem named by its line. */
class MoratoriumCsvTest {

    private static MoratoriumCsv.Parsed parse(String text) {
        return MoratoriumCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_good_file_gives_one_moratorium_per_line_with_quoted_reasons_and_county_names_tidied() {
        MoratoriumCsv.Parsed parsed = parse("""
                county,date,reason
                Harris,2026-12-01,heat advisory
                "Fort  Bend County",2026-12-01,"freeze, 28°F forecast"

                Dallas,2026-12-02,
                """);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.lineCount()).isEqualTo(3);
        assertThat(parsed.lines()).containsExactly(
                new MoratoriumCsv.Line(2, "Harris", LocalDate.of(2026, 12, 1), "heat advisory"),
                new MoratoriumCsv.Line(3, "Fort Bend", LocalDate.of(2026, 12, 1), "freeze, 28°F forecast"),
                new MoratoriumCsv.Line(5, "Dallas", LocalDate.of(2026, 12, 2), null));
    }

    @Test
    void the_reason_column_may_be_left_out_and_windows_line_ends_are_read() {
        MoratoriumCsv.Parsed parsed = parse("County,Date\r\nTravis,2026-07-14\r\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.lines()).containsExactly(new MoratoriumCsv.Line(2, "Travis", LocalDate.of(2026, 7, 14),
                null));
    }

    @Test
    void every_bad_line_is_named_with_its_reason_and_nothing_is_kept() {
        MoratoriumCsv.Parsed parsed = parse("""
                county,date,reason
                Harris,2026-12-01,ok
                ,2026-12-01,no county
                Bexar,2026-13-01,bad month
                Travis,2026-12-01,too,many
                Harris County,2026-12-01,same county and day as line 2
                Tarrant7,2026-12-01,digits
                "El Paso,2026-12-01,unclosed quote
                """);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.lines()).isEmpty();
        assertThat(parsed.problems()).extracting(MoratoriumCsv.Problem::line).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(parsed.problems().get(0).reason()).contains("county is empty");
        assertThat(parsed.problems().get(1).reason()).contains("'2026-13-01' is not a date");
        assertThat(parsed.problems().get(2).reason()).contains("4 field(s)");
        assertThat(parsed.problems().get(3).reason()).contains("repeats line 2");
        assertThat(parsed.problems().get(4).reason()).contains("'Tarrant7' is not a county name");
        assertThat(parsed.problems().get(5).reason()).contains("not closed");
    }

    @Test
    void a_file_without_the_header_is_refused_at_line_one() {
        MoratoriumCsv.Parsed parsed = parse("Harris,2026-12-01,heat advisory\n");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("header county,date,reason");
        });
    }

    @Test
    void an_empty_file_or_a_header_alone_or_bytes_that_are_not_utf8_are_refused() {
        assertThat(parse("").problems()).singleElement().extracting(MoratoriumCsv.Problem::reason).asString()
                .contains("empty");
        assertThat(parse("county,date,reason\n").problems()).singleElement()
                .extracting(MoratoriumCsv.Problem::reason).asString().contains("no moratorium");
        assertThat(MoratoriumCsv.parse(new byte[] { 'c', (byte) 0xC3, (byte) 0x28 }).problems()).singleElement()
                .extracting(MoratoriumCsv.Problem::reason).asString().contains("not UTF-8");
    }

    @Test
    void counties_are_compared_without_case_spacing_or_the_word_county() {
        assertThat(Moratorium.countyKey(" HARRIS ")).isEqualTo("harris");
        assertThat(Moratorium.countyKey("Harris County")).isEqualTo("harris");
        assertThat(Moratorium.countyKey("fort   bend")).isEqualTo(Moratorium.countyKey("Fort Bend County"));
        assertThat(Moratorium.countyName("  Fort   Bend county ")).isEqualTo("Fort Bend");
    }
}
