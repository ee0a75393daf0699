package org.metertocash.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters read by hand rather than by JAX-RS (which answers an unconvertible one with 404): each bad one
 * adds a {@link FieldError}, so a request names all of them at once — every service's list endpoints read their
 * paging, numbers and dates through here.
 */
public final class QueryParameters {

    /** A page of a list: {@code page} from 0, {@code size} 1 to 1000. */
    public record Page(int index, int size) {
    }

    public static Page page(String pageText, String sizeText, List<FieldError> errors) {
        return new Page(number("page", pageText, 0, Integer.MAX_VALUE, errors),
                number("size", sizeText, 1, 1000, errors));
    }

    public static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    public static int number(String field, String text, int min, int max, List<FieldError> errors) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max)));
        return min;
    }

    private QueryParameters() {
    }
}
