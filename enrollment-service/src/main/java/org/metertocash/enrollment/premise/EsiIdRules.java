package org.metertocash.enrollment.premise;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * ESI ID rules: "10" + TDSP code + premise number, 17 digits for Oncor, AEP and TNMP, 22 for CenterPoint
 * (domain primer, "ESI ID"). Returns the reason an ESI ID is refused, or the utility it belongs to.
 */
@ApplicationScoped
public class EsiIdRules {

    private static final Pattern SHAPE = Pattern.compile("10\\d{15}|10\\d{20}");

    public sealed interface Verdict permits Valid, Invalid {
    }

    public record Valid(TdspDirectory.Tdsp tdsp) implements Verdict {
    }

    public record Invalid(String reason) implements Verdict {
    }

    private final TdspDirectory tdsps;

    public EsiIdRules(TdspDirectory tdsps) {
        this.tdsps = tdsps;
    }

    public Verdict check(String esiId) {
        if (esiId == null || esiId.isBlank()) {
            return new Invalid("is required");
        }
        if (!SHAPE.matcher(esiId).matches()) {
            return new Invalid("must be 17 or 22 digits starting with 10");
        }
        Optional<TdspDirectory.Tdsp> tdsp = tdsps.forEsiId(esiId);
        if (tdsp.isEmpty()) {
            return new Invalid("prefix " + esiId.substring(0, 7) + " belongs to no configured TDSP");
        }
        if (tdsp.get().esiIdLength() != esiId.length()) {
            return new Invalid(tdsp.get().name() + " ESI IDs have " + tdsp.get().esiIdLength() + " digits, not "
                    + esiId.length());
        }
        return new Valid(tdsp.get());
    }
}
