package org.metertocash.contracts;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds a sample instance of any event record, filling every component with a non-null value. */
final class Samples {

    static Object of(Class<?> type) throws Exception {
        if (type == String.class) {
            return "sample";
        }
        if (type == UUID.class) {
            return UUID.fromString("00000000-0000-0000-0000-000000000001");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 15);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-15T12:00:00Z");
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.34");
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = of(types[i]);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private Samples() {
    }
}
