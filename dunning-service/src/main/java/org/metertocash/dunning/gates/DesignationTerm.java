package org.metertocash.dunning.gates;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How long a designation lasts once it is in force (16 TAC §25.497): a critical-care designation 2 years, a
 * chronic-condition designation 90 days; a low-income designation until it is ended or the expiry given with it.
 * The expiry is the first day the designation is no longer in force.
 */
public final class DesignationTerm {

    /** §25.497: critical care lasts two years. */
    public static final int CRITICAL_CARE_YEARS = 2;
    /** §25.497: chronic condition lasts 90 days. */
    public static final int CHRONIC_CONDITION_DAYS = 90;

    /** The computed expiry of a designation in force from {@code effectiveFrom}; empty for one without a term. */
    public static Optional<LocalDate> expiresOn(Designation type, LocalDate effectiveFrom) {
        return switch (type) {
            case CRITICAL_CARE -> Optional.of(effectiveFrom.plusYears(CRITICAL_CARE_YEARS));
            case CHRONIC_CONDITION -> Optional.of(effectiveFrom.plusDays(CHRONIC_CONDITION_DAYS));
            case LOW_INCOME -> Optional.empty();
        };
    }

    /** Whether a designation with these dates is in force on {@code day}. */
    public static boolean inForce(LocalDate effectiveFrom, LocalDate expiresOn, LocalDate endedOn, LocalDate day) {
        return !day.isBefore(effectiveFrom) && (expiresOn == null || day.isBefore(expiresOn))
                && (endedOn == null || day.isBefore(endedOn));
    }

    private DesignationTerm() {
    }
}
