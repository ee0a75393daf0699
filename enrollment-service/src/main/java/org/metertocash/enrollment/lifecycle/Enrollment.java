package org.metertocash.enrollment.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Column(nullable = false)
    public String tdsp;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    public RequestType requestType;

    @Column(name = "requested_start_date", nullable = false)
    public LocalDate requestedStartDate;

    @Column(name = "scheduled_start_date")
    public LocalDate scheduledStartDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrollmentState state;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "address_line1", nullable = false)
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(nullable = false)
    public String city;

    @Column(name = "state_code", nullable = false)
    public String stateCode;

    @Column(nullable = false)
    public String zip;

    @Column(nullable = false)
    public String county;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_type", nullable = false)
    public BillingType billingType;

    /** BGN02 of the 814 the gateway sent for this enrollment. */
    @Column(name = "market_reference")
    public String marketReference;

    @Column(name = "reject_reason_code")
    public String rejectReasonCode;

    @Column(name = "reject_reason_text")
    public String rejectReasonText;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public Customer customer() {
        return new Customer(customerName, customerEmail, customerPhone);
    }

    public ServiceAddress serviceAddress() {
        return new ServiceAddress(addressLine1, addressLine2, city, stateCode, zip, county);
    }
}
