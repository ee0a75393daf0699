package org.metertocash.payment.posting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.payment.accounts.PayableAccount;

/**
 * Finds the payable account a payment belongs to, by the rule billing applies it by (so both sides agree): the
 * account number when it passes its check digit and names an account; otherwise the ESI ID when exactly one account
 * is on that premise. Several accounts on one premise match none: the money waits for an analyst rather than
 * landing on a closed or someone else's account. Accounts are read in bulk for a batch of payments.
 */
@ApplicationScoped
public class AccountMatching {

    private static final int CHUNK = 1000;

    /** The outcome for one payment: an account, or why there is none. */
    public record Match(PayableAccount account, UnappliedReason reason, String detail) {

        public boolean matched() {
            return account != null;
        }
    }

    /** The accounts the given payers could mean, read at once. */
    public Accounts forPayments(Collection<PaymentInstruction> payments) {
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> esiIds = new LinkedHashSet<>();
        for (PaymentInstruction payment : payments) {
            numbers.add(payment.accountNumber());
            esiIds.add(payment.esiId());
        }
        return lookUp(numbers, esiIds);
    }

    /** Matches one payer's identifiers. */
    public Match match(String accountNumber, String esiId) {
        Set<String> numbers = new LinkedHashSet<>();
        numbers.add(accountNumber);
        Set<String> esiIds = new LinkedHashSet<>();
        esiIds.add(esiId);
        return lookUp(numbers, esiIds).match(accountNumber, esiId);
    }

    private Accounts lookUp(Set<String> accountNumbers, Set<String> esiIds) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String number : accountNumbers) {
            if (Luhn.validAccountNumber(number)) {
                numbers.add(number);
            }
        }
        esiIds.remove(null);
        Map<String, PayableAccount> byNumber = new HashMap<>();
        Map<String, List<PayableAccount>> byEsiId = new HashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            PayableAccount.<PayableAccount> list("accountNumber in ?1", chunk)
                    .forEach(account -> byNumber.put(account.accountNumber, account));
        }
        for (List<String> chunk : chunks(esiIds)) {
            PayableAccount.<PayableAccount> list("esiId in ?1 order by accountNumber", chunk)
                    .forEach(account -> byEsiId.computeIfAbsent(account.esiId, k -> new ArrayList<>()).add(account));
        }
        return new Accounts(byNumber, byEsiId);
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

    private static List<List<String>> chunks(Set<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String value : values) {
            current.add(value);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
