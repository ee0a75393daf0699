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

/** A customer's enrollment at a premise, from the upstream request to the end of our service there. */
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

    /** The business flow the enrollment started; later events of the enrollment continue it. */
    @Column(name = "correlation_id")
    public UUID correlationId;

    /** When the enrollment entered its current state: the age the unprocessed-enrollment check measures. */
    @Column(name = "state_changed_at", nullable = false)
    public Instant stateChangedAt;

    /** On a corrected resubmission, the rejected enrollment this one replaces. */
    @Column(name = "previous_enrollment_id")
    public UUID previousEnrollmentId;

    /** On a rejected enrollment, the corrected one that replaced it. */
    @Column(name = "replaced_by_enrollment_id")
    public UUID replacedByEnrollmentId;

    /** What was corrected, as entered, on a resubmission. */
    public String corrections;

    /** First day of our service (ACTIVE). */
    @Column(name = "service_start_date")
    public LocalDate serviceStartDate;

    /** MARKET_COMPLETION or START_DATE_REACHED. */
    @Column(name = "activation_confirmed_by")
    public String activationConfirmedBy;

    /** Last day of our service (DROPPED, MOVED_OUT). */
    @Column(name = "service_end_date")
    public LocalDate serviceEndDate;

    /** The move-out date asked for while a move-out is pending; cleared when the market rejects it. */
    @Column(name = "move_out_date")
    public LocalDate moveOutDate;

    /** BGN02 of our 814_24. */
    @Column(name = "move_out_reference")
    public String moveOutReference;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** The state in which the unprocessed-enrollment check last raised a work item (raised once per state). */
    @Column(name = "unprocessed_flagged_state")
    public String unprocessedFlaggedState;

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

    /** The start date as it stands: the market's scheduled date once accepted, else the one asked for. */
    public LocalDate startDate() {
        return scheduledStartDate != null ? scheduledStartDate : requestedStartDate;
    }
}
