package org.metertocash.billing.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.metertocash.billing.account.AccountNumber;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.events.PoisonRecordException;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Payments from payment-service onto the receivables ledger. A posted payment is applied to the account the payer
 * named — by account number, else by ESI ID — exactly once per payment id, however often it is delivered or
 * announced. A payment that matches no account (or cannot be posted) is kept as UNAPPLIED with an
 * {@value #UNAPPLIED_PAYMENT} work item and nothing on the ledger; announced again with better details, or retried
 * from the work queue once its account exists, it is applied then. A returned payment is reversed on the ledger
 * and, when {@code billing.ledger.returned-payment-fee} is set, a returned-payment fee is charged.
 */
@ApplicationScoped
public class PaymentApplications {

    /** A payment billing could not apply: reference = payment id, {@code details.reasonCode} = why. */
    public static final String UNAPPLIED_PAYMENT = "UNAPPLIED_PAYMENT";
    /** A return of a payment billing never heard of: nothing was reversed. */
    public static final String UNMATCHED_PAYMENT_RETURN = "UNMATCHED_PAYMENT_RETURN";
    /** A return whose amount differs from the payment's: the payment was reversed in full, someone should look. */
    public static final String PAYMENT_RETURN_MISMATCH = "PAYMENT_RETURN_MISMATCH";

    private static final Logger LOG = Logger.getLogger(PaymentApplications.class);

    @Inject
    Ledger ledger;

    @Inject
    WorkQueue workQueue;

    @Inject
    LedgerConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void posted(PaymentPosted payment, ConsumedEvent envelope) {
        if (payment.paymentId() == null) {
            throw new PoisonRecordException("a payment without a paymentId cannot be applied exactly once");
        }
        PaymentApplication record = PaymentApplication.findById(payment.paymentId(), LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.status != PaymentApplication.Status.UNAPPLIED) {
            if (record.status == PaymentApplication.Status.RETURNED && record.postingId == null) {
                workQueue.closeByReference(UNMATCHED_PAYMENT_RETURN, record.paymentId.toString(), WorkQueue.SYSTEM,
                        "the payment was announced after its return: not applied");
            }
            LOG.debugf("Payment %s already %s", payment.paymentId(), record.status);
            return;
        }
        if (record == null) {
            record = new PaymentApplication();
            record.paymentId = payment.paymentId();
            record.recordedAt = clock.instant();
        }
        // a payment still unapplied takes the details of its latest announcement (an analyst may have named the account)
        record.namedAccountNumber = trimmed(payment.accountNumber());
        record.namedEsiId = trimmed(payment.esiId());
        record.amount = payment.amount();
        record.channel = payment.channel();
        record.externalReference = payment.externalReference();
        record.receivedAt = payment.receivedAt();
        record.paymentPostedAt = payment.postedAt();
        record.eventId = envelope.id();
        apply(record, Origin.of(envelope), true);
    }

    /**
     * A run of payments announced one after another (a poll of {@code payment.events}), with exactly the effect of
     * {@link #posted} called for each in order, in far fewer statements: the payment ids billing already has are read
     * with one query, the accounts named with one, and the payments that are new and match one account are applied
     * together ({@link Ledger#applyPayments}: one statement per ledger table) and recorded with one statement.
     * Everything else — a payment billing has seen before (unapplied, applied or returned), one matching no account
     * or several, an invalid amount — goes through {@link #posted} itself, in its place in the run. A payment
     * announced twice in the run is applied by the first announcement and the later ones find it applied, as they
     * would one by one.
     * <p>
     * A new payment cannot have an open {@value #UNAPPLIED_PAYMENT} work item (one is raised only together with its
     * payment's row), so applying it here closes none, as {@link #posted} would find none to close.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postedAll(List<EventRoutes.Delivery<PaymentPosted>> run) {
        for (EventRoutes.Delivery<PaymentPosted> each : run) {
            if (each.event().paymentId() == null) {
                throw new PoisonRecordException("a payment without a paymentId cannot be applied exactly once");
            }
        }
        Set<UUID> known = knownPayments(run.stream().map(d -> d.event().paymentId()).distinct().toList());
        Accounts accounts = accountsNamed(run);
        Instant now = clock.instant();
        Set<UUID> appliedHere = new HashSet<>();
        Set<UUID> oneByOne = new HashSet<>();
        List<PaymentApplication> applied = new ArrayList<>();
        List<Ledger.PaymentToApply> toApply = new ArrayList<>();
        for (EventRoutes.Delivery<PaymentPosted> each : run) {
            PaymentPosted payment = each.event();
            UUID id = payment.paymentId();
            if (appliedHere.contains(id)) {
                LOG.debugf("Payment %s already %s", id, PaymentApplication.Status.APPLIED);
                continue;
            }
            String account = oneByOne.contains(id) || known.contains(id) || !validAmount(payment.amount()) ? null
                    : accounts.only(trimmed(payment.accountNumber()), trimmed(payment.esiId()));
            if (account == null) {
                // seen before, or not simply applicable: exactly as on its own, in its place in the run
                oneByOne.add(id);
                posted(payment, each.envelope());
                continue;
            }
            PaymentApplication record = new PaymentApplication();
            record.paymentId = id;
            record.recordedAt = now;
            record.updatedAt = now;
            record.namedAccountNumber = trimmed(payment.accountNumber());
            record.namedEsiId = trimmed(payment.esiId());
            record.amount = payment.amount();
            record.channel = payment.channel();
            record.externalReference = payment.externalReference();
            record.receivedAt = payment.receivedAt();
            record.paymentPostedAt = payment.postedAt();
            record.eventId = each.envelope().id();
            record.status = PaymentApplication.Status.APPLIED;
            record.accountNumber = account;
            toApply.add(new Ledger.PaymentToApply(account, id, record.amount, receivedOn(record), description(record),
                    Origin.of(each.envelope())));
            applied.add(record);
            appliedHere.add(id);
        }
        List<Posting> postings = ledger.applyPayments(toApply);
        for (int i = 0; i < applied.size(); i++) {
            applied.get(i).postingId = postings.get(i).id();
        }
        insertApplied(applied);
    }

    /** Whether {@link #apply} would take the amount: present, positive, in whole cents. */
    private static boolean validAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    /** Which of these payments billing already has a row for (in any status). */
    private Set<UUID> knownPayments(List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select payment_id from payment_application where payment_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /** The billing accounts a run of payments names, by account number or by ESI ID, read with one query. */
    private Accounts accountsNamed(List<EventRoutes.Delivery<PaymentPosted>> run) {
        Set<String> numbers = new HashSet<>();
        Set<String> esiIds = new HashSet<>();
        for (EventRoutes.Delivery<PaymentPosted> each : run) {
            String number = trimmed(each.event().accountNumber());
            if (number != null && AccountNumber.isValid(number)) {
                numbers.add(number);
            }
            String esiId = trimmed(each.event().esiId());
            if (esiId != null) {
                esiIds.add(esiId);
            }
        }
        Accounts accounts = new Accounts();
        if (numbers.isEmpty() && esiIds.isEmpty()) {
            return accounts;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select account_number, esi_id from billing_account
                    where account_number = any(?) or esi_id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
                select.setArray(2, connection.createArrayOf("varchar", esiIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        accounts.add(rows.getString(1), rows.getString(2));
                    }
                }
            }
        });
        return accounts;
    }

    /** Billing accounts by number and by ESI ID: what {@link #match} would find, for a whole run. */
    private static final class Accounts {
        private final Set<String> numbers = new HashSet<>();
        private final Map<String, List<String>> byEsiId = new HashMap<>();

        void add(String accountNumber, String esiId) {
            numbers.add(accountNumber);
            byEsiId.computeIfAbsent(esiId, k -> new ArrayList<>()).add(accountNumber);
        }

        /** The one account {@link #match} would find, or null when it would find none or several. */
        String only(String accountNumber, String esiId) {
            if (accountNumber != null && AccountNumber.isValid(accountNumber) && numbers.contains(accountNumber)) {
                return accountNumber;
            }
            List<String> onPremise = esiId == null ? List.of() : byEsiId.getOrDefault(esiId, List.of());
            return onPremise.size() == 1 ? onPremise.get(0) : null;
        }
    }

    /** Records new APPLIED payments with one statement (what persist() would write for each; version 0). */
    private void insertApplied(List<PaymentApplication> records) {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        Object[][] columns = new Object[13][n];
        for (int i = 0; i < n; i++) {
            PaymentApplication r = records.get(i);
            columns[0][i] = r.paymentId;
            columns[1][i] = r.status.name();
            columns[2][i] = r.namedAccountNumber;
            columns[3][i] = r.namedEsiId;
            columns[4][i] = r.accountNumber;
            columns[5][i] = r.amount.toPlainString();
            columns[6][i] = r.channel;
            columns[7][i] = r.externalReference;
            columns[8][i] = r.receivedAt == null ? null : r.receivedAt.toString();
            columns[9][i] = r.paymentPostedAt == null ? null : r.paymentPostedAt.toString();
            columns[10][i] = r.postingId;
            columns[11][i] = r.eventId;
            columns[12][i] = r.recordedAt.toString();
        }
        String[] types = { "uuid", "varchar", "varchar", "varchar", "varchar", "text", "varchar", "varchar", "text",
                "text", "uuid", "uuid", "text" };
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into payment_application (payment_id, status, named_account_number, named_esi_id,
                        account_number, amount, channel, external_reference, received_at, payment_posted_at, posting_id,
                        event_id, recorded_at, updated_at, version)
                    select payment_id, status, named_account_number, named_esi_id, account_number, amount::numeric,
                        channel, external_reference, received_at::timestamptz, payment_posted_at::timestamptz,
                        posting_id, event_id, recorded_at::timestamptz, recorded_at::timestamptz, 0
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                        ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[])
                      as t(payment_id, status, named_account_number, named_esi_id, account_number, amount, channel,
                        external_reference, received_at, payment_posted_at, posting_id, event_id, recorded_at)""")) {
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                insert.executeUpdate();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void returned(PaymentReturned returned, ConsumedEvent envelope) {
        if (returned.paymentId() == null) {
            throw new PoisonRecordException("a payment return without a paymentId cannot be matched to its payment");
        }
        PaymentApplication record = PaymentApplication.findById(returned.paymentId(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            // a return of a payment never announced: remember it, so that the payment is not applied if it comes later
            record = new PaymentApplication();
            record.paymentId = returned.paymentId();
            record.status = PaymentApplication.Status.RETURNED;
            record.namedAccountNumber = trimmed(returned.accountNumber());
            record.namedEsiId = trimmed(returned.esiId());
            record.amount = returned.amount();
            record.eventId = envelope.id();
            record.recordedAt = clock.instant();
            noteReturn(record, returned);
            record.persist();
            workQueue.raise(UNMATCHED_PAYMENT_RETURN, record.namedEsiId, record.paymentId.toString(),
                    "Payment " + record.paymentId + " came back (" + returned.reasonCode() + ") but billing never "
                            + "received it: nothing reversed",
                    details(record, Map.of("reasonCode", String.valueOf(returned.reasonCode()))));
            return;
        }
        switch (record.status) {
            case RETURNED -> LOG.debugf("Payment %s already returned", record.paymentId);
            case UNAPPLIED -> {
                noteReturn(record, returned);
                record.status = PaymentApplication.Status.RETURNED;
                workQueue.closeByReference(UNAPPLIED_PAYMENT, record.paymentId.toString(), WorkQueue.SYSTEM,
                        "payment returned (" + returned.reasonCode() + ") before it was applied: nothing to apply");
            }
            case APPLIED -> {
                Origin origin = Origin.of(envelope);
                Posting reversal = ledger.reversePayment(record.paymentId, returned.reasonCode(),
                        returned.reasonDescription(), origin)
                        .orElseThrow(() -> new IllegalStateException("payment " + returned.paymentId()
                                + " is APPLIED but has no ledger posting"));
                noteReturn(record, returned);
                record.status = PaymentApplication.Status.RETURNED;
                record.returnPostingId = reversal.id();
                if (returned.amount() == null || returned.amount().compareTo(record.amount) != 0) {
                    workQueue.raise(PAYMENT_RETURN_MISMATCH, record.namedEsiId, record.paymentId.toString(),
                            "Payment " + record.paymentId + " of " + record.amount + " came back as "
                                    + returned.amount() + ": reversed in full, check the return",
                            details(record, Map.of("returnedAmount", String.valueOf(returned.amount()))));
                }
                chargeReturnedPaymentFee(record, origin);
            }
        }
    }

    /**
     * Tries an UNAPPLIED payment again (its account may exist now). Returns whether it is applied; a payment no
     * longer unapplied counts as done.
     */
    @Transactional
    public RetryResult retry(UUID paymentId, Origin origin) {
        PaymentApplication record = PaymentApplication.findById(paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            return new RetryResult(false, "billing has no payment " + paymentId);
        }
        if (record.status != PaymentApplication.Status.UNAPPLIED) {
            return new RetryResult(true, "payment is already " + record.status);
        }
        apply(record, origin, false);
        return record.status == PaymentApplication.Status.APPLIED
                ? new RetryResult(true, "applied to account " + record.accountNumber)
                : new RetryResult(false, "still unapplied: " + record.unappliedDetail);
    }

    /** The outcome of {@link #retry}. */
    public record RetryResult(boolean applied, String description) {
    }

    private void apply(PaymentApplication record, Origin origin, boolean raiseWhenUnapplied) {
        String problem = null;
        PaymentApplication.UnappliedReason reason = null;
        BillingAccount account = null;
        if (record.amount == null || record.amount.signum() <= 0 || record.amount.stripTrailingZeros().scale() > 2) {
            reason = PaymentApplication.UnappliedReason.INVALID_AMOUNT;
            problem = "amount " + (record.amount == null ? "missing" : record.amount.toPlainString())
                    + " is not a positive amount in whole cents";
        } else {
            List<BillingAccount> matches = match(record.namedAccountNumber, record.namedEsiId);
            if (matches.size() == 1) {
                account = matches.get(0);
            } else if (matches.isEmpty()) {
                reason = PaymentApplication.UnappliedReason.NO_ACCOUNT;
                problem = "no billing account has account number " + record.namedAccountNumber + " or ESI ID "
                        + record.namedEsiId;
            } else {
                reason = PaymentApplication.UnappliedReason.SEVERAL_ACCOUNTS;
                problem = "account number " + record.namedAccountNumber + " matches no account and ESI ID "
                        + record.namedEsiId + " has " + matches.size() + " billing accounts ("
                        + String.join(", ", matches.stream().map(a -> a.accountNumber).toList()) + ")";
            }
        }
        record.updatedAt = clock.instant();
        if (account != null) {
            Posting posting = ledger.applyPayment(account.accountNumber, record.paymentId, record.amount,
                    receivedOn(record), description(record), origin);
            record.status = PaymentApplication.Status.APPLIED;
            record.accountNumber = account.accountNumber;
            record.postingId = posting.id();
            record.unappliedReason = null;
            record.unappliedDetail = null;
            persistIfNew(record);
            workQueue.closeByReference(UNAPPLIED_PAYMENT, record.paymentId.toString(), origin.actor(),
                    "applied to account " + account.accountNumber);
            return;
        }
        record.status = PaymentApplication.Status.UNAPPLIED;
        record.unappliedReason = reason;
        record.unappliedDetail = problem;
        persistIfNew(record);
        if (raiseWhenUnapplied) {
            workQueue.raise(UNAPPLIED_PAYMENT, record.namedEsiId, record.paymentId.toString(),
                    "Payment " + record.paymentId + " of " + amountText(record) + " (" + record.channel + ") not "
                            + "applied: " + problem,
                    details(record, Map.of("reasonCode", reason.name())));
        }
    }

    /** By account number (checked digit first), else by ESI ID; several accounts on one premise match none. */
    private static List<BillingAccount> match(String accountNumber, String esiId) {
        if (accountNumber != null && AccountNumber.isValid(accountNumber)) {
            BillingAccount account = BillingAccount.findById(accountNumber);
            if (account != null) {
                return List.of(account);
            }
        }
        if (esiId != null) {
            return BillingAccount.list("esiId", esiId);
        }
        return List.of();
    }

    private void chargeReturnedPaymentFee(PaymentApplication record, Origin origin) {
        BigDecimal fee = config.returnedPaymentFee();
        if (fee == null || fee.signum() <= 0) {
            return;
        }
        ledger.fee(record.accountNumber, fee, "RETURNED-PAYMENT:" + record.paymentId,
                "Returned payment fee (" + record.returnReasonCode + ")", origin);
    }

    private void noteReturn(PaymentApplication record, PaymentReturned returned) {
        record.returnId = returned.returnId();
        record.returnReasonCode = returned.reasonCode();
        record.updatedAt = clock.instant();
    }

    private LocalDate receivedOn(PaymentApplication record) {
        return record.receivedAt == null ? LocalDate.now(clock) : LocalDate.ofInstant(record.receivedAt, clock.getZone());
    }

    private static String description(PaymentApplication record) {
        return "Payment" + (record.channel == null ? "" : " by " + record.channel)
                + (record.externalReference == null ? "" : ", reference " + record.externalReference);
    }

    private static String amountText(PaymentApplication record) {
        return record.amount == null ? "(no amount)" : "$" + record.amount.toPlainString();
    }

    private static void persistIfNew(PaymentApplication record) {
        if (!record.isPersistent()) {
            record.persist();
        }
    }

    private static Map<String, String> details(PaymentApplication record, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("paymentId", record.paymentId.toString());
        details.put("accountNumber", record.namedAccountNumber);
        details.put("esiId", record.namedEsiId);
        details.put("amount", record.amount == null ? null : record.amount.toPlainString());
        details.put("channel", record.channel);
        details.put("externalReference", record.externalReference);
        details.putAll(extra);
        return details;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
