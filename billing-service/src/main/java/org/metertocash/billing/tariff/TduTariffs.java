package org.metertocash.billing.tariff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.billing.rating.TduTariff;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;

import io.quarkus.panache.common.Sort;

/** The TDU tariff versions: recording one, and finding the ones in force for a date or a service period. */
@ApplicationScoped
public class TduTariffs {

    /** TDU codes as the market configuration spells them (ONCOR, CNP, AEP_TCC, AEP_TNC, TNMP). */
    static final String TDU_CODE = "[A-Z][A-Z0-9_]{1,19}";

    @Inject
    Clock clock;

    /** Whether a version was new or replaced an existing one (a correction of the same effective date). */
    public record Recorded(TariffVersion version, boolean created) {
    }

    @Transactional
    public Recorded put(String tdu, LocalDate effectiveDate, BigDecimal customerCharge, BigDecimal deliveryCentsPerKwh,
            String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (tdu == null || !tdu.matches(TDU_CODE)) {
            errors.add(new FieldError("tdu", "must be a TDU code such as ONCOR or AEP_TCC (capitals, digits, _)"));
        }
        if (customerCharge == null || customerCharge.signum() < 0) {
            errors.add(new FieldError("customerCharge", "must be 0 or more dollars per month"));
        }
        if (deliveryCentsPerKwh == null || deliveryCentsPerKwh.signum() < 0) {
            errors.add(new FieldError("deliveryCentsPerKwh", "must be 0 or more cents per kWh"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<TariffVersion> existing = TariffVersion
                .<TariffVersion> find("tdu = ?1 and effectiveDate = ?2", tdu, effectiveDate).firstResultOptional();
        TariffVersion version = existing.orElseGet(() -> {
            TariffVersion fresh = new TariffVersion();
            fresh.id = UUID.randomUUID();
            fresh.tdu = tdu;
            fresh.effectiveDate = effectiveDate;
            return fresh;
        });
        boolean unchanged = existing.isPresent() && version.customerCharge.compareTo(customerCharge) == 0
                && version.deliveryCentsPerKwh.compareTo(deliveryCentsPerKwh) == 0;
        if (!unchanged) {
            version.customerCharge = customerCharge;
            version.deliveryCentsPerKwh = deliveryCentsPerKwh;
            version.updatedAt = clock.instant();
            version.updatedBy = actor;
            version.persist();
        }
        return new Recorded(version, existing.isEmpty());
    }

    /** Every version of a TDU's tariff, oldest first. */
    public List<TduTariff> versions(String tdu) {
        return TariffVersion.<TariffVersion> list("tdu", Sort.by("effectiveDate"), tdu).stream()
                .map(TariffVersion::toTariff).toList();
    }

    public boolean known(String tdu) {
        return TariffVersion.count("tdu", tdu) > 0;
    }

    /** The version in force on a date: the latest effective on or before it. */
    public Optional<TduTariff> inForce(String tdu, LocalDate date) {
        return TariffVersion.<TariffVersion> find("tdu = ?1 and effectiveDate <= ?2",
                Sort.descending("effectiveDate"), tdu, date).firstResultOptional().map(TariffVersion::toTariff);
    }

    /**
     * The versions a service period from {@code start} to {@code end} is rated with: the one in force on the start
     * and any taking effect before the end — what {@link org.metertocash.billing.rating.RatingRequest} takes.
     * Empty when no version was in force on the start.
     */
    public List<TduTariff> inForceDuring(String tdu, LocalDate start, LocalDate end) {
        Optional<TduTariff> first = inForce(tdu, start);
        if (first.isEmpty()) {
            return List.of();
        }
        List<TduTariff> versions = new ArrayList<>();
        versions.add(first.get());
        TariffVersion.<TariffVersion> list("tdu = ?1 and effectiveDate > ?2 and effectiveDate < ?3",
                Sort.by("effectiveDate"), tdu, start, end).forEach(v -> versions.add(v.toTariff()));
        return versions;
    }
}
