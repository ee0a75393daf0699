package org.metertocash.billing.account;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.outbox.Outbox;

/**
 * Opens the billing account of an accepted enrollment: one account per enrollment, whatever the number of times
 * the acceptance arrives (the inbox stops redeliveries; the unique enrollment id stops the same acceptance
 * announced again under another event id).
 */
@ApplicationScoped
public class AccountOpening {

    private static final Logger LOG = Logger.getLogger(AccountOpening.class);

    @Inject
    Outbox outbox;

    @Inject
    BillingConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(EnrollmentAccepted accepted, ConsumedEvent envelope) {
        if (BillingAccount.count("enrollmentId", accepted.enrollmentId()) > 0) {
            LOG.debugf("Enrollment %s already has its account", accepted.enrollmentId());
            return;
        }
        long sequence = ((Number) BillingAccount.getEntityManager()
                .createNativeQuery("select nextval('billing_account_number_seq')").getSingleResult()).longValue();
        BillingAccount account = new BillingAccount();
        account.accountNumber = AccountNumber.of(sequence);
        account.esiId = accepted.esiId();
        account.enrollmentId = accepted.enrollmentId();
        account.customerName = accepted.customer().name();
        account.customerEmail = accepted.customer().email();
        account.customerPhone = accepted.customer().phone();
        account.addressLine1 = accepted.serviceAddress().line1();
        account.addressLine2 = accepted.serviceAddress().line2();
        account.city = accepted.serviceAddress().city();
        account.stateCode = accepted.serviceAddress().state();
        account.zip = accepted.serviceAddress().zip();
        account.county = accepted.serviceAddress().county();
        account.productCode = accepted.productCode();
        account.billingType = accepted.billingType();
        account.tdsp = accepted.tdsp();
        account.billCycle = BillCycle.forEsiId(accepted.esiId(), config.cycles().count());
        account.startDate = accepted.scheduledStartDate();
        account.openedAt = clock.instant();
        account.persist();
        outbox.publish(new BillingAccountOpened(account.accountNumber, account.esiId, account.enrollmentId,
                account.customerName, account.productCode, account.billingType, account.tdsp, account.billCycle,
                account.startDate), Cause.of(envelope));
    }
}
