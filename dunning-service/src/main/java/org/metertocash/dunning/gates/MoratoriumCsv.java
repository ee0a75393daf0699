package org.metertocash.dunning.gates;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a moratorium bulk-import file: CSV (RFC 4180 quoting) with a header line {@code county,date,reason} (the
 * reason column may be left out), then one county and day per line. Every line is checked and every problem is named
 * by its line number; a file with any problem imports nothing. Pure: no CDI, no database.
 */
public final class MoratoriumCsv {

    /** Longest county name accepted (the longest Texas county names are far shorter). */
    public static final int MAX_COUNTY = 60;
    public static final int MAX_REASON = 300;
    private static final Pattern COUNTY = Pattern.compile("[\\p{L}][\\p{L} .'\\-]*");

    /** One moratorium of the file: the county, the day, the reason (null when not given) and its line number. */
    public record Line(int number, String county, LocalDate day, String reason) {
    }

    /** Why a line (or the file: line 0) was refused. */
    public record Problem(int line, String reason) {
    }

    /** The moratoriums of a file and its problems; the file imports only when there are none. */
    public record Parsed(List<Line> lines, List<Problem> problems, int lineCount) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Whether the text (trimmed) can be a county's name: letters, spaces, . ' -, at most {@link #MAX_COUNTY}. */
    public static boolean isCountyName(String text) {
        return text != null && !text.isBlank() && text.trim().length() <= MAX_COUNTY
                && COUNTY.matcher(text.trim()).matches();
    }

    public static Parsed parse(byte[] content) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(), List.of(new Problem(0, "the file is not UTF-8 text")), 0);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rows = text.split("\r\n|\n|\r", -1);
        int header = -1;
        int reasonColumn = -1;
        Map<String, Integer> seen = new HashMap<>();
        int counted = 0;
        for (int i = 0; i < rows.length; i++) {
            int number = i + 1;
            String row = rows[i];
            if (row.isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = fields(row);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(number, e.getMessage()));
                if (header < 0) {
                    header = number;
                }
                continue;
            }
            if (header < 0) {
                header = number;
                List<String> names = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
                if (names.size() < 2 || names.size() > 3 || !names.get(0).equals("county")
                        || !names.get(1).equals("date") || (names.size() == 3 && !names.get(2).equals("reason"))) {
                    problems.add(new Problem(number, "the first line must be the header county,date,reason (or "
                            + "county,date), found: " + row.strip()));
                    return new Parsed(List.of(), problems, 0);
                }
                reasonColumn = names.size() == 3 ? 2 : -1;
                continue;
            }
            counted++;
            int expected = reasonColumn < 0 ? 2 : 3;
            if (fields.size() != expected && !(expected == 3 && fields.size() == 2)) {
                problems.add(new Problem(number, "has " + fields.size() + " field(s), the header has " + expected));
                continue;
            }
            List<String> reasons = new ArrayList<>();
            String county = fields.get(0).trim();
            if (county.isEmpty()) {
                reasons.add("county is empty");
            } else if (!isCountyName(county)) {
                reasons.add("county '" + county + "' is not a county name (letters, spaces, . ' -; at most "
                        + MAX_COUNTY + ")");
            }
            LocalDate day = null;
            String dateText = fields.get(1).trim();
            try {
                day = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                reasons.add("date '" + dateText + "' is not a date (YYYY-MM-DD)");
            }
            String reason = reasonColumn >= 0 && fields.size() > 2 ? fields.get(2).trim() : "";
            if (reason.length() > MAX_REASON) {
                reasons.add("reason is longer than " + MAX_REASON + " characters");
            }
            if (reasons.isEmpty()) {
                String key = Moratorium.countyKey(county) + "/" + day;
                Integer first = seen.putIfAbsent(key, number);
                if (first != null) {
                    reasons.add("repeats line " + first + " (" + Moratorium.countyName(county) + " on " + day + ")");
                }
            }
            if (reasons.isEmpty()) {
                lines.add(new Line(number, Moratorium.countyName(county), day, reason.isEmpty() ? null : reason));
            } else {
                problems.add(new Problem(number, String.join("; ", reasons)));
            }
        }
        if (header < 0) {
            problems.add(new Problem(0, "the file is empty: it needs the header county,date,reason and a line per "
                    + "county and day"));
        } else if (counted == 0 && problems.isEmpty()) {
            problems.add(new Problem(header, "the header is followed by no moratorium"));
        }
        return new Parsed(problems.isEmpty() ? List.copyOf(lines) : List.of(), List.copyOf(problems), counted);
    }

    /** The fields of one CSV line; a quoted field may hold commas and doubled quotes. */
    static List<String> fields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i < row.length()) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < row.length() && row.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                if (wasQuoted || !field.toString().isBlank()) {
                    throw new IllegalArgumentException("a quote in the middle of a field (quote the whole field and "
                            + "double the quotes inside it)");
                }
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted && !Character.isWhitespace(c)) {
                    throw new IllegalArgumentException("text after the closing quote of a field");
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private MoratoriumCsv() {
    }
}
