package org.metertocash.billing.tariff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.billing.rating.TduTariff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a TDU's residential delivery tariff, in force from its effective date until the next version's. */
@Entity
@Table(name = "tdu_tariff")
public class TariffVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tdu;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** Dollars per month. */
    @Column(name = "customer_charge", nullable = false)
    public BigDecimal customerCharge;

    /** Cents per kWh. */
    @Column(name = "delivery_cents_per_kwh", nullable = false)
    public BigDecimal deliveryCentsPerKwh;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public TduTariff toTariff() {
        return new TduTariff(tdu, effectiveDate, customerCharge, deliveryCentsPerKwh);
    }
}
