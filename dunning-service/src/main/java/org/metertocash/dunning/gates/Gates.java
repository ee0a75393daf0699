package org.metertocash.dunning.gates;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What collections asks before it disconnects: is the premise's county under an extreme-weather moratorium that day
 * (16 TAC §25.483(j)), and which designations of the premise are in force (§25.497 critical care and chronic
 * condition, §25.480(c) low income). Reads only; joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class Gates {

    /** An extreme-weather moratorium covers the county that day (§25.483(j)). County compared case-insensitively. */
    @Transactional
    public boolean moratoriumOn(String county, LocalDate day) {
        if (county == null || county.isBlank() || day == null) {
            return false;
        }
        return Moratorium.count("countyKey = ?1 and day = ?2", Moratorium.countyKey(county), day) > 0;
    }

    /** The counties under a moratorium that day (for /status). */
    @Transactional
    public List<String> moratoriumCountiesOn(LocalDate day) {
        return Moratorium.<Moratorium> list("day = ?1 order by countyKey", day).stream().map(m -> m.county).toList();
    }

    /** The premise's designations in force that day (not expired). */
    @Transactional
    public Set<Designation> designationsOn(String esiId, LocalDate day) {
        Set<Designation> inForce = EnumSet.noneOf(Designation.class);
        PremiseDesignation.<PremiseDesignation> list("esiId = ?1 and effectiveFrom <= ?2", esiId, day).stream()
                .filter(d -> d.inForceOn(day)).forEach(d -> inForce.add(d.type));
        return inForce;
    }
}
