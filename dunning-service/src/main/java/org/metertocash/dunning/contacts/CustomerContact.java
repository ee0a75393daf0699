package org.metertocash.dunning.contacts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.contracts.common.ServiceAddress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The customer and service address of one accepted enrollment. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    public String name;
    public String email;
    public String phone;
    public String line1;
    public String line2;
    public String city;
    public String state;
    public String zip;
    public String county;
    public String tdsp;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    public ServiceAddress serviceAddress() {
        return new ServiceAddress(line1, line2, city, state, zip, county);
    }
}
