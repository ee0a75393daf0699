package org.metertocash.billing.collections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Origin;
import org.metertocash.billing.product.Product;
import org.metertocash.billing.product.ProductCatalog;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Moves a pre-pay account to post-pay when collections asks ({@code PrepayConversionRequested}): 16 TAC §25.498
 * requires a prepaid customer designated critical care or chronic condition to be moved to a postpaid product without
 * a fee, and never disconnected as pre-pay. In one transaction:
 * <ul>
 * <li>the account's billing type becomes POSTPAY and its product the configured postpaid product
 * ({@code billing.prepay.conversion-product}), so the pre-pay job no longer charges it and the bill run bills it;
 * the first post-pay day is tomorrow ({@link BillingTypeChange#postpaidFrom});</li>
 * <li>its pre-pay balance watch is ended, so no low-balance or below-disconnection event follows for it;</li>
 * <li>nothing is posted to the ledger: no fee for the move (§25.498);</li>
 * <li>the change is recorded with who, why and when ({@link BillingTypeChange}), shown on
 * {@code GET /billing-accounts/{esiId}/billing-type-changes}.</li>
 * </ul>
 * Idempotent: an account already moved, or any account that is not pre-pay, is left as it is. A request for an
 * account billing does not have (or whose premise is another) changes nothing and raises a {@value #NOT_CONVERTED}
 * work item. When the configured product cannot bill the premise (missing, not postpaid, another wires utility's),
 * the account still moves to post-pay on its current prices and a {@value #NO_PRODUCT} work item asks for the right
 * product: the rule does not wait for the catalogue.
 */
@ApplicationScoped
public class PrepayConversions {

    /** A conversion billing could not make: reference = the account number named, {@code details.reasonCode}. */
    public static final String NOT_CONVERTED = "PREPAY_CONVERSION_NOT_APPLIED";
    /** An account moved to post-pay without the configured postpaid product: reference = account number. */
    public static final String NO_PRODUCT = "PREPAY_CONVERSION_NO_PRODUCT";

    private static final Logger LOG = Logger.getLogger(PrepayConversions.class);

    @Inject
    PrepayConversionConfig config;

    @Inject
    ProductCatalog catalog;

    @Inject
    Ledger ledger;

    @Inject
    WorkQueue workQueue;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(PrepayConversionRequested request, ConsumedEvent envelope) {
        String accountNumber = trimmed(request.accountNumber());
        BillingAccount account = accountNumber == null ? null
                : BillingAccount.findById(accountNumber, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            notConverted(request, envelope, "UNKNOWN_ACCOUNT", "billing has no account " + accountNumber);
            return;
        }
        if (request.esiId() != null && !request.esiId().equals(account.esiId)) {
            notConverted(request, envelope, "OTHER_PREMISE", "account " + account.accountNumber
                    + " is the account of " + account.esiId + ", not of " + request.esiId());
            return;
        }
        if (account.billingType != BillingType.PREPAY) {
            LOG.infof("Account %s is %s, not pre-pay: nothing to convert (%s)", account.accountNumber,
                    account.billingType, BillingTypeChange.conversionOf(account.accountNumber).isPresent()
                            ? "moved to post-pay already" : "never pre-pay");
            return;
        }
        convert(account, request, Origin.of(envelope));
    }

    private void convert(BillingAccount account, PrepayConversionRequested request, Origin origin) {
        String target = config.conversionProduct();
        Optional<String> unusable = unusable(target, account);
        LocalDate today = LocalDate.now(clock);

        BillingTypeChange change = new BillingTypeChange();
        change.id = UUID.randomUUID();
        change.accountNumber = account.accountNumber;
        change.esiId = account.esiId;
        change.fromBillingType = account.billingType;
        change.toBillingType = BillingType.POSTPAY;
        change.fromProduct = account.productCode;
        change.toProduct = unusable.isEmpty() ? target : account.productCode;
        change.postpaidFrom = today.plusDays(1);
        change.prepaidBalance = ledger.balance(account.accountNumber).negate();
        change.designation = request.designation();
        change.requestedOn = request.requestedOn();
        change.reason = "16 TAC §25.498: a pre-pay customer designated "
                + (request.designation() == null ? "critical care or chronic condition" : request.designation())
                + " is moved to a postpaid product without a fee and is not disconnected as pre-pay";
        change.actor = origin.actor();
        change.source = origin.source();
        change.sourceId = origin.sourceId();
        change.correlationId = origin.correlationId();
        change.changedAt = clock.instant();
        change.persist();

        account.billingType = BillingType.POSTPAY;
        account.productCode = change.toProduct;
        // the pre-pay job re-reads only the balances it watches: no more low-balance or disconnection events
        em.createNativeQuery("delete from prepay_balance_state where account_number = ?1")
                .setParameter(1, account.accountNumber).executeUpdate();
        LOG.infof("Account %s moved from pre-pay (%s) to post-pay (%s) from %s: %s", account.accountNumber,
                change.fromProduct, change.toProduct, change.postpaidFrom, change.reason);

        if (unusable.isPresent()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("accountNumber", account.accountNumber);
            details.put("configuredProduct", target);
            details.put("productCode", account.productCode);
            details.put("tdsp", account.tdsp);
            details.put("reason", unusable.get());
            workQueue.raise(NO_PRODUCT, account.esiId, account.accountNumber, "Account " + account.accountNumber
                    + " moved to post-pay (16 TAC §25.498) but stays on product " + account.productCode + ": the "
                    + "conversion product " + target + " " + unusable.get(), details);
        }
    }

    /** Why the configured product cannot bill the account, if it cannot. */
    private Optional<String> unusable(String code, BillingAccount account) {
        Optional<Product> product = catalog.find(code);
        if (product.isEmpty()) {
            return Optional.of("is not in the product catalogue");
        }
        if (product.get().billingType != BillingType.POSTPAY) {
            return Optional.of("is not a postpaid product");
        }
        if (product.get().tdu == null || !product.get().tdu.equalsIgnoreCase(account.tdsp)) {
            return Optional.of("is priced for " + product.get().tdu + ", the premise is served by " + account.tdsp);
        }
        return Optional.empty();
    }

    private void notConverted(PrepayConversionRequested request, ConsumedEvent envelope, String code,
            String reason) {
        String reference = request.accountNumber() != null && !request.accountNumber().isBlank()
                ? request.accountNumber().trim() : envelope.id().toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reasonCode", code);
        details.put("accountNumber", String.valueOf(request.accountNumber()));
        details.put("esiId", String.valueOf(request.esiId()));
        details.put("designation", String.valueOf(request.designation()));
        details.put("requestedOn", String.valueOf(request.requestedOn()));
        details.put("eventId", envelope.id().toString());
        workQueue.raise(NOT_CONVERTED, request.esiId(), reference, "Pre-pay account " + request.accountNumber()
                + " was not moved to post-pay (16 TAC §25.498): " + reason, details);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
