package org.metertocash.payment.posting;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.payment.accounts.PayableAccount;

/**
 * Finds the payable account a payment belongs to, by the rule billing applies it by (so both sides agree): the
 * account number when it passes its check digit and names an account; otherwise the ESI ID when exactly one account
 * is on that premise. Several accounts on one premise match none: the money waits for an analyst rather than
 * landing on a closed or someone else's account. Accounts are read in bulk for a batch of payments.
 */
@ApplicationScoped
public class AccountMatching {

    @Inject
    EntityManager em;

    /** The outcome for one payment: an account, or why there is none. */
    public record Match(PayableAccount account, UnappliedReason reason, String detail) {

        public boolean matched() {
            return account != null;
        }
    }

    /** The accounts the given payers could mean, read at once. */
    public Accounts forPayments(Collection<PaymentInstruction> payments) {
        List<String[]> payers = new ArrayList<>(payments.size());
        for (PaymentInstruction payment : payments) {
            payers.add(new String[] { payment.accountNumber(), payment.esiId() });
        }
        return lookUp(payers);
    }

    /** Matches one payer's identifiers. */
    public Match match(String accountNumber, String esiId) {
        List<String[]> payers = new ArrayList<>(1);
        payers.add(new String[] { accountNumber, esiId });
        return lookUp(payers).match(accountNumber, esiId);
    }

    /**
     * The accounts named by number, then the accounts on the premises of the payers whose number named none: the ESI
     * ID decides only then ({@link Accounts#match}), so a payment whose account number matches costs one lookup. Each
     * lookup is one JDBC statement ({@code = any(array)}) on the transaction's connection, whatever the number of
     * payers; the accounts are plain objects, not entities of the persistence context (nothing changes them here).
     */
    private Accounts lookUp(List<String[]> payers) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String[] payer : payers) {
            if (Luhn.validAccountNumber(payer[0])) {
                numbers.add(payer[0]);
            }
        }
        Map<String, PayableAccount> byNumber = new HashMap<>();
        if (!numbers.isEmpty()) {
            accounts("account_number", numbers).forEach(account -> byNumber.put(account.accountNumber, account));
        }
        Set<String> esiIds = new LinkedHashSet<>();
        for (String[] payer : payers) {
            if (payer[1] != null && (payer[0] == null || !byNumber.containsKey(payer[0]))) {
                esiIds.add(payer[1]);
            }
        }
        Map<String, List<PayableAccount>> byEsiId = new HashMap<>();
        if (!esiIds.isEmpty()) {
            accounts("esi_id", esiIds)
                    .forEach(account -> byEsiId.computeIfAbsent(account.esiId, k -> new ArrayList<>()).add(account));
        }
        return new Accounts(byNumber, byEsiId);
    }

    /** The payable accounts whose {@code column} (account_number or esi_id) is one of the values, by account number. */
    private List<PayableAccount> accounts(String column, Set<String> values) {
        List<PayableAccount> found = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select account_number, esi_id, customer_name, "
                    + "billing_type, opened_at, source_event_id from payable_account where " + column + " = any(?) "
                    + "order by account_number")) {
                select.setArray(1, connection.createArrayOf("varchar", values.toArray(String[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        PayableAccount account = new PayableAccount();
                        account.accountNumber = rs.getString(1);
                        account.esiId = rs.getString(2);
                        account.customerName = rs.getString(3);
                        account.billingType = BillingType.valueOf(rs.getString(4));
                        account.openedAt = rs.getObject(5, OffsetDateTime.class).toInstant();
                        account.sourceEventId = rs.getObject(6, UUID.class);
                        found.add(account);
                    }
                }
            }
        });
        return found;
    }

    /** The accounts of a batch, and the matching rule over them. */
    public static final class Accounts {

        private final Map<String, PayableAccount> byNumber;
        private final Map<String, List<PayableAccount>> byEsiId;

        Accounts(Map<String, PayableAccount> byNumber, Map<String, List<PayableAccount>> byEsiId) {
            this.byNumber = byNumber;
            this.byEsiId = byEsiId;
        }

        public Match match(String accountNumber, String esiId) {
            if (accountNumber == null && esiId == null) {
                return new Match(null, UnappliedReason.NO_IDENTIFIER, "the payer named no account number or ESI ID");
            }
            PayableAccount named = accountNumber == null ? null : byNumber.get(accountNumber);
            if (named != null) {
                return new Match(named, null, null);
            }
            List<PayableAccount> onPremise = esiId == null ? List.of() : byEsiId.getOrDefault(esiId, List.of());
            if (onPremise.size() == 1) {
                return new Match(onPremise.get(0), null, null);
            }
            String numberText = accountNumber == null ? "no account number"
                    : "account number " + accountNumber + (Luhn.validAccountNumber(accountNumber)
                            ? " is not a payable account" : " fails its check digit");
            if (onPremise.isEmpty()) {
                return new Match(null, UnappliedReason.NO_ACCOUNT, numberText
                        + (esiId == null ? "" : " and ESI ID " + esiId + " has no payable account"));
            }
            return new Match(null, UnappliedReason.SEVERAL_ACCOUNTS, numberText + " and ESI ID " + esiId + " has "
                    + onPremise.size() + " accounts ("
                    + String.join(", ", onPremise.stream().map(a -> a.accountNumber).toList()) + ")");
        }
    }
}
