package org.metertocash.dunning.gates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An extreme-weather moratorium: no disconnection in the county that day (16 TAC §25.483(j) — a freeze, or a heat
 * advisory that day or on either of the two days before). One per county per day.
 */
@Entity
@Table(name = "moratorium")
public class Moratorium extends PanacheEntityBase {

    /** How the moratorium was recorded. */
    public enum Source {
        API, IMPORT
    }

    @Id
    public UUID id;

    /** The county as it was first given (e.g. "Fort Bend"). */
    @Column(nullable = false)
    public String county;

    /** The county as compared: see {@link #countyKey(String)}. */
    @Column(name = "county_key", nullable = false)
    public String countyKey;

    @Column(nullable = false)
    public LocalDate day;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    /** The bulk import that recorded it, when it came from one. */
    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * The county as moratoriums are compared: trimmed, inner spaces collapsed, lower case, without a trailing
     * "county" — so "Harris", " HARRIS " and "Harris County" are the same county.
     */
    public static String countyKey(String county) {
        if (county == null) {
            return null;
        }
        String key = county.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (key.endsWith(" county")) {
            key = key.substring(0, key.length() - " county".length()).trim();
        }
        return key;
    }

    /** The county's display name: trimmed, inner spaces collapsed, without a trailing "County". */
    public static String countyName(String county) {
        String name = county.trim().replaceAll("\\s+", " ");
        if (name.toLowerCase(Locale.ROOT).endsWith(" county")) {
            name = name.substring(0, name.length() - " county".length()).trim();
        }
        return name;
    }
}
