package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a wires utility's (TDU's) residential delivery tariff: in force from {@code effectiveDate} until
 * the next version's effective date. The charges are passed through to the customer's bill.
 *
 * @param tdu the TDU code as the market configuration spells it (ONCOR, CNP, AEP_TCC, AEP_TNC, TNMP)
 * @param customerCharge dollars per month
 * @param deliveryCentsPerKwh cents per kWh
 */
public record TduTariff(String tdu, LocalDate effectiveDate, BigDecimal customerCharge,
        BigDecimal deliveryCentsPerKwh) {

    public TduTariff {
        Objects.requireNonNull(tdu, "tdu");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(customerCharge, "customerCharge");
        Objects.requireNonNull(deliveryCentsPerKwh, "deliveryCentsPerKwh");
    }
}
