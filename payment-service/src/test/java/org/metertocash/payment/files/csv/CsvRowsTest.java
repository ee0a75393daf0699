package org.metertocash.payment.files.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void quoted_fields_keep_commas_doubled_quotes_and_line_breaks() {
        List<CsvRows.Row> rows = CsvRows.split("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n");

        assertThat(rows).extracting(CsvRows.Row::fields).containsExactly(
                List.of("a", "b, c", "say \"hi\""),
                List.of("two\nlines", "x"));
        assertThat(rows).extracting(CsvRows.Row::lineNumber).containsExactly(1, 2);
    }

    @Test
    void a_row_after_a_quoted_line_break_is_numbered_by_its_physical_line() {
        List<CsvRows.Row> rows = CsvRows.split("\"two\nlines\",x\nnext,y");

        assertThat(rows).extracting(CsvRows.Row::lineNumber).containsExactly(1, 3);
    }

    @Test
    void empty_fields_and_a_trailing_empty_field_are_kept_and_blank_lines_skipped() {
        List<CsvRows.Row> rows = CsvRows.split("a,,c,\r\n\r\n d ,e\r\n");

        assertThat(rows).extracting(CsvRows.Row::fields).containsExactly(List.of("a", "", "c", ""), List.of("d", "e"));
        assertThat(rows).extracting(CsvRows.Row::lineNumber).containsExactly(1, 3);
    }

    @Test
    void a_stray_quote_is_an_error_for_its_row_and_reading_goes_on() {
        List<CsvRows.Row> rows = CsvRows.split("a,b\"c,d\ne,f\n\"g\"h,i\nj,k");

        assertThat(rows).extracting(CsvRows.Row::error).containsExactly(
                "a quote inside an unquoted field (quote the whole field and double the quote)", null,
                "text after the closing quote of a field", null);
        assertThat(rows.get(3).fields()).containsExactly("j", "k");
        assertThat(rows.get(3).lineNumber()).isEqualTo(4);
    }
}
