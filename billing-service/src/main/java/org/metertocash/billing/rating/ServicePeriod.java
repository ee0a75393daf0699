package org.metertocash.billing.rating;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The service period of a meter read, as the wires utility reports it: from the start read date to the end read
 * date. Consecutive periods share their boundary date, so a period has {@code end − start} days (a read from
 * 1 May to 1 June covers 31 days) and a day {@code d} belongs to it when {@code start ≤ d < end}.
 */
public record ServicePeriod(LocalDate start, LocalDate end) {

    public ServicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a service period ends after it starts: " + start + " – " + end);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }
}
