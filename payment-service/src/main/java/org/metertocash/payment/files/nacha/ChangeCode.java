package org.metertocash.payment.files.nacha;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Notification-of-change codes (addenda type 98, positions 04–06): what the receiving bank says is wrong with the
 * entry as we sent it, the right value being in the corrected data. NACHA rules oblige the originator to make the
 * change before the next entry (within six banking days), so a NOC updates the auto-draft mandate.
 */
public enum ChangeCode {

    C01("Incorrect DFI account number"),
    C02("Incorrect routing number"),
    C03("Incorrect routing number and incorrect DFI account number"),
    C04("Incorrect individual name / receiving company name"),
    C05("Incorrect transaction code"),
    C06("Incorrect DFI account number and incorrect transaction code"),
    C07("Incorrect routing number, incorrect DFI account number and incorrect transaction code"),
    C08("Incorrect receiving DFI identification (IAT only)"),
    C09("Incorrect individual identification number / incorrect receiver identification number"),
    C10("Incorrect company name"),
    C11("Incorrect company identification"),
    C12("Incorrect company name and company identification"),
    C13("Addenda format error");

    private static final Map<String, ChangeCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ChangeCode::name, Function.identity()));

    private final String description;

    ChangeCode(String description) {
        this.description = description;
    }

    public String code() {
        return name();
    }

    public String description() {
        return description;
    }

    public static Optional<ChangeCode> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.strip()));
    }
}
