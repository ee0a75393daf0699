package org.metertocash.edi.serviceorder;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a service order asks of the wires utility, with the Texas SET 650 purpose code (REF*5H) that says it:
 * DC001 disconnect for non-payment, RC001 reconnect after a disconnect for non-payment.
 */
public enum ServiceOrderType {
    DISCONNECT("DC001"), RECONNECT("RC001");

    private final String purposeCode;

    ServiceOrderType(String purposeCode) {
        this.purposeCode = purposeCode;
    }

    public String purposeCode() {
        return purposeCode;
    }

    public static Optional<ServiceOrderType> ofPurposeCode(String code) {
        return Arrays.stream(values()).filter(t -> t.purposeCode.equals(code)).findFirst();
    }
}
