package org.metertocash.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. Validation failures carry
 * {@code errors}, one per field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:metertocash:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + "validation", "Request is not valid", 400, detail, null, errors, null);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, errorId);
    }

    public Problem withErrorId(String errorId) {
        return new Problem(type, title, status, detail, instance, errors, errorId);
    }
}
