package org.metertocash.dunning.contacts;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;

/** Keeps each accepted enrollment's customer and finds the one an account was opened for. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Contacts {

    @Inject
    Clock clock;

    /** Records the enrollment's customer once (a redelivery changes nothing); returns the contact. */
    public CustomerContact enrollmentAccepted(EnrollmentAccepted event) {
        CustomerContact contact = CustomerContact.findById(event.enrollmentId());
        if (contact != null) {
            return contact;
        }
        contact = new CustomerContact();
        contact.enrollmentId = event.enrollmentId();
        contact.esiId = event.esiId();
        Customer customer = event.customer();
        if (customer != null) {
            contact.name = customer.name();
            contact.email = blankToNull(customer.email());
            contact.phone = blankToNull(customer.phone());
        }
        ServiceAddress address = event.serviceAddress();
        if (address != null) {
            contact.line1 = address.line1();
            contact.line2 = address.line2();
            contact.city = address.city();
            contact.state = address.state();
            contact.zip = address.zip();
            contact.county = blankToNull(address.county());
        }
        contact.tdsp = event.tdsp();
        contact.acceptedAt = clock.instant();
        contact.persist();
        return contact;
    }

    /** The contact of the enrollment the account was opened for, else the premise's latest. */
    public Optional<CustomerContact> forAccount(UUID enrollmentId, String esiId) {
        if (enrollmentId != null) {
            Optional<CustomerContact> exact = CustomerContact.findByIdOptional(enrollmentId);
            if (exact.isPresent()) {
                return exact;
            }
        }
        return CustomerContact.<CustomerContact> find("esiId = ?1 order by acceptedAt desc", esiId)
                .firstResultOptional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
