package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deferred payment plan as collections sees it on a day: whether it is kept (ACTIVE), broken (DEFAULTED: collections
 * resumes, §25.480(j)) or paid off (COMPLETED); the part of the deferred balance not yet due (not in arrears while the
 * plan is kept); and the next installment with what is still owed on it.
 */
public record PlanStanding(UUID planId, Status status, BigDecimal deferredNotYetDue, LocalDate nextInstallmentDue,
        BigDecimal nextInstallmentAmount) {

    /** Where the plan stands. */
    public enum Status {
        ACTIVE, DEFAULTED, COMPLETED
    }
}
