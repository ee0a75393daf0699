package org.metertocash.platform.problem;

/** One invalid field of a request: its JSON path (e.g. {@code serviceAddress.zip}) and why it was refused. */
public record FieldError(String field, String reason) {
}
