package org.metertocash.payment.files.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows and fields by RFC 4180: fields separated by commas, rows by CRLF, LF or CR; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one). Unquoted fields are trimmed,
 * quoted ones kept as written. Never throws: a row it cannot split comes back with the reason, and reading goes on
 * at the next line. Blank lines give no row.
 */
final class CsvRows {

    /** A row as read: the physical line it starts on, its fields, or why it could not be split. */
    record Row(int lineNumber, List<String> fields, String error) {
    }

    private CsvRows() {
    }

    static List<Row> split(String text) {
        List<Row> rows = new ArrayList<>();
        int length = text.length();
        int i = 0;
        int line = 1;
        while (i < length) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            String error = null;
            StringBuilder field = new StringBuilder();
            boolean rowEnded = false;
            boolean blank = true;
            while (!rowEnded) {
                if (i >= length) {
                    fields.add(field.toString().strip());
                    break;
                }
                char c = text.charAt(i);
                if (c == '"' && field.toString().isBlank()) {
                    blank = false;
                    // quoted field: up to the closing quote, doubled quotes are one quote
                    i++;
                    StringBuilder quoted = new StringBuilder();
                    boolean closed = false;
                    while (i < length) {
                        char q = text.charAt(i);
                        if (q == '"') {
                            if (i + 1 < length && text.charAt(i + 1) == '"') {
                                quoted.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (q == '\n' || (q == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        quoted.append(q);
                        i++;
                    }
                    if (!closed) {
                        error = "a quoted field is not closed before the end of the file";
                        fields.add(quoted.toString());
                        break;
                    }
                    fields.add(quoted.toString());
                    field.setLength(0);
                    // after the closing quote: a separator, the end of the row, or blanks before either
                    while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i >= length) {
                        break;
                    }
                    char next = text.charAt(i);
                    if (next == ',') {
                        i++;
                        if (i >= length || isLineEnd(text.charAt(i))) {
                            fields.add("");
                            if (i < length) {
                                i = skipLineEnd(text, i);
                                line++;
                            }
                            break;
                        }
                        continue;
                    }
                    if (isLineEnd(next)) {
                        i = skipLineEnd(text, i);
                        line++;
                        break;
                    }
                    error = "text after the closing quote of a field";
                    i = skipRestOfLine(text, i);
                    line++;
                    break;
                }
                if (c == ',') {
                    blank = false;
                    fields.add(field.toString().strip());
                    field.setLength(0);
                    i++;
                    if (i >= length || isLineEnd(text.charAt(i))) {
                        fields.add("");
                        if (i < length) {
                            i = skipLineEnd(text, i);
                            line++;
                        }
                        rowEnded = true;
                    }
                    continue;
                }
                if (isLineEnd(c)) {
                    fields.add(field.toString().strip());
                    i = skipLineEnd(text, i);
                    line++;
                    rowEnded = true;
                    continue;
                }
                if (c == '"') {
                    error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                    i = skipRestOfLine(text, i);
                    line++;
                    break;
                }
                if (!Character.isWhitespace(c)) {
                    blank = false;
                }
                field.append(c);
                i++;
            }
            if (error != null) {
                rows.add(new Row(rowLine, List.of(), error));
            } else if (!(blank && fields.size() <= 1)) {
                rows.add(new Row(rowLine, List.copyOf(fields), null));
            }
        }
        return rows;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static int skipLineEnd(String text, int i) {
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return i + 1;
    }

    private static int skipRestOfLine(String text, int i) {
        while (i < text.length() && !isLineEnd(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? skipLineEnd(text, i) : i;
    }
}
