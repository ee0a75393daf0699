package org.metertocash.dunning.gates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.dunning.collections.AccountChanged;
import org.metertocash.dunning.gates.GateChange.Action;
import org.metertocash.dunning.gates.GateChange.Subject;

/**
 * Records and ends the designations of a premise. Each change is audited with the caller and fires
 * {@link AccountChanged} in the same transaction, so collections re-evaluates the premise's account at once (a
 * critical-care customer's disconnect is held, a pre-pay one is moved to postpaid: §25.497, §25.498).
 */
@ApplicationScoped
public class Designations {

    /** What a PUT did: the designation, whether it is new, and whether anything changed. */
    public record Recorded(PremiseDesignation designation, boolean created, boolean changed) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<AccountChanged> accountChanged;

    /**
     * Records a designation in force from {@code effectiveFrom}; its expiry is computed (critical care 2 years, chronic
     * condition 90 days: §25.497), or for low income the one given (none by default). The open designation of the
     * same type, if any, is renewed with these dates; the same call again changes nothing.
     */
    @Transactional
    public Recorded record(String esiId, Designation type, LocalDate effectiveFrom, LocalDate lowIncomeExpiresOn,
            String note, String actor) {
        Instant now = clock.instant();
        LocalDate expiresOn = DesignationTerm.expiresOn(type, effectiveFrom).orElse(lowIncomeExpiresOn);
        Optional<PremiseDesignation> open = open(esiId, type);
        if (open.isPresent()) {
            PremiseDesignation designation = open.get();
            if (designation.effectiveFrom.equals(effectiveFrom) && Objects.equals(designation.expiresOn, expiresOn)
                    && Objects.equals(designation.note, note)) {
                return new Recorded(designation, false, false);
            }
            String detail = "from " + designation.effectiveFrom + " until " + designation.expiresOn + " -> from "
                    + effectiveFrom + " until " + expiresOn + (note == null ? "" : "; note: " + note);
            designation.effectiveFrom = effectiveFrom;
            designation.expiresOn = expiresOn;
            designation.note = note;
            designation.updatedBy = actor;
            designation.updatedAt = now;
            GateChange.record(Subject.DESIGNATION, designation.id.toString(), esiId, Action.CHANGED, actor, now,
                    detail);
            accountChanged.fire(new AccountChanged(esiId, words(type) + " designation changed: " + term(designation)));
            return new Recorded(designation, false, true);
        }
        PremiseDesignation designation = new PremiseDesignation();
        designation.id = UUID.randomUUID();
        designation.esiId = esiId;
        designation.type = type;
        designation.effectiveFrom = effectiveFrom;
        designation.expiresOn = expiresOn;
        designation.note = note;
        designation.recordedBy = actor;
        designation.recordedAt = now;
        designation.updatedBy = actor;
        designation.updatedAt = now;
        designation.persist();
        GateChange.record(Subject.DESIGNATION, designation.id.toString(), esiId, Action.RECORDED, actor, now,
                type + " " + term(designation) + (note == null ? "" : "; note: " + note));
        accountChanged.fire(new AccountChanged(esiId, words(type) + " designation recorded: " + term(designation)));
        return new Recorded(designation, true, true);
    }

    /** Ends the open designation of the type: no longer in force from today. Empty when there was none. */
    @Transactional
    public Optional<PremiseDesignation> end(String esiId, Designation type, String actor) {
        Optional<PremiseDesignation> open = open(esiId, type);
        open.ifPresent(designation -> {
            Instant now = clock.instant();
            designation.endedOn = LocalDate.now(clock);
            designation.endedBy = actor;
            designation.updatedBy = actor;
            designation.updatedAt = now;
            GateChange.record(Subject.DESIGNATION, designation.id.toString(), esiId, Action.ENDED, actor, now,
                    "ended on " + designation.endedOn);
            accountChanged.fire(new AccountChanged(esiId, words(type) + " designation ended on "
                    + designation.endedOn));
        });
        return open;
    }

    /** Every designation of the premise, open and ended, oldest first. */
    @Transactional
    public List<PremiseDesignation> of(String esiId) {
        return PremiseDesignation.list("esiId = ?1 order by recordedAt, id", esiId);
    }

    @Transactional
    public List<GateChange> changes(UUID designationId) {
        return GateChange.list("subject = ?1 and subjectKey = ?2 order by id", Subject.DESIGNATION,
                designationId.toString());
    }

    private static Optional<PremiseDesignation> open(String esiId, Designation type) {
        return PremiseDesignation.<PremiseDesignation> find("esiId = ?1 and type = ?2 and endedOn is null", esiId, type)
                .firstResultOptional();
    }

    private static String term(PremiseDesignation designation) {
        return "in force from " + designation.effectiveFrom
                + (designation.expiresOn == null ? "" : " until " + designation.expiresOn.minusDays(1));
    }

    private static String words(Designation type) {
        return type.name().toLowerCase().replace('_', ' ');
    }
}
