package org.metertocash.billing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The receivables ledger of billing accounts: the one place money owed is recorded. Every posting is double entry
 * (its debits equal its credits, checked by the database at commit), is written in the caller's transaction
 * together with what caused it, and is never edited — a correction is a new posting ({@link #reverse},
 * {@link #adjust}). An account's balance is the sum of its RECEIVABLE entries, computed, never stored.
 * <p>
 * Every posting happens once: charges, fees and adjustments by (account, kind, reference), payments by payment id,
 * reversals by the posting reversed. Asking again with the same effect returns the posting already made; asking
 * again with a different effect is a conflict (409 problem).
 * <p>
 * Amounts are dollars in whole cents ({@code BigDecimal} with at most two decimals; rounding is the caller's, at
 * the bill line or total). Charge, fee and payment amounts are positive; an adjustment's sign says which way it
 * moves the balance.
 */
@ApplicationScoped
public class Ledger {

    /** One page of an account's postings, newest first. */
    public record PostingPage(List<Posting> postings, long total, int page, int size) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    // ------------------------------------------------------------------------------------------------ charges

    /** Charges the customer: debits RECEIVABLE, credits REVENUE. {@code reference} identifies it (a bill id). */
    @Transactional
    public Posting charge(String accountNumber, BigDecimal amount, String reference, String description) {
        return charge(accountNumber, reference, description, Map.of(LedgerAccount.REVENUE, positive(amount, "charge")),
                Origin.system("charge", reference));
    }

    /**
     * Charges the customer a bill's lines at once: each line credits its ledger account (REVENUE, TDU_CHARGES,
     * TAXES …; a negative line, such as a usage credit, debits it) and RECEIVABLE is debited with the total — or
     * credited, when the total is negative. A total of zero posts nothing and is refused.
     */
    @Transactional
    public Posting charge(String accountNumber, String reference, String description,
            Map<LedgerAccount, BigDecimal> lines, Origin origin) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a charge needs at least one line");
        }
        if (lines.containsKey(LedgerAccount.RECEIVABLE)) {
            throw new IllegalArgumentException("a charge line cannot be on RECEIVABLE: it is the other side");
        }
        BillingAccount account = account(accountNumber);
        return post(account, PostingKind.CHARGE, key(PostingKind.CHARGE, account, reference), reference, description,
                null, null, null, today(), origin, chargeEntries(account, lines));
    }

    /** One charge of {@link #chargeAll}: what {@link #charge(String, String, String, Map, Origin)} takes. */
    public record Charge(String accountNumber, String reference, String description,
            Map<LedgerAccount, BigDecimal> lines, Origin origin) {
    }

    /**
     * Charges many customers at once, in the caller's transaction, with the same rules and the same once-only
     * promise as {@link #charge(String, String, String, Map, Origin)} each: the postings already made are found with
     * one query for all of them instead of one each (what a bill run of thousands of bills needs), and the new ones
     * are written together. Returns the postings in the order of the charges.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Posting> chargeAll(List<Charge> charges) {
        LocalDate today = today();
        List<LedgerPosting> prepared = new ArrayList<>(charges.size());
        for (Charge charge : charges) {
            if (charge.lines() == null || charge.lines().isEmpty()) {
                throw new IllegalArgumentException("a charge needs at least one line");
            }
            if (charge.lines().containsKey(LedgerAccount.RECEIVABLE)) {
                throw new IllegalArgumentException("a charge line cannot be on RECEIVABLE: it is the other side");
            }
            BillingAccount account = account(charge.accountNumber());
            prepared.add(prepare(account, PostingKind.CHARGE, key(PostingKind.CHARGE, account, charge.reference()),
                    charge.reference(), charge.description(), null, null, null, today, charge.origin(),
                    chargeEntries(account, charge.lines())));
        }
        Map<String, LedgerPosting> existing = prepared.isEmpty() ? Map.of()
                : em.createQuery("select p from LedgerPosting p where p.postingKey in :keys", LedgerPosting.class)
                        .setParameter("keys", prepared.stream().map(p -> p.postingKey).toList()).getResultList()
                        .stream().collect(Collectors.toMap(p -> p.postingKey, Function.identity()));
        List<Posting> postings = new ArrayList<>(prepared.size());
        Map<String, LedgerPosting> written = new HashMap<>();
        for (LedgerPosting posting : prepared) {
            LedgerPosting already = existing.containsKey(posting.postingKey) ? existing.get(posting.postingKey)
                    : written.get(posting.postingKey);
            if (already != null) {
                postings.add(sameOrConflict(already, posting.accountNumber, posting.entries, posting.postingKey));
                continue;
            }
            posting.persist();
            written.put(posting.postingKey, posting);
            postings.add(Posting.of(posting));
        }
        return postings;
    }

    /** A charge's entries: each line credits its ledger account, RECEIVABLE is debited with the total. */
    private static List<LedgerEntry> chargeEntries(BillingAccount account, Map<LedgerAccount, BigDecimal> lines) {
        List<LedgerEntry> entries = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LedgerAccount, BigDecimal> line : new java.util.TreeMap<>(lines).entrySet()) {
            BigDecimal amount = cents(line.getValue(), "charge line " + line.getKey());
            if (amount.signum() != 0) {
                entries.add(signed(account.accountNumber, line.getKey(), amount.negate()));
                total = total.add(amount);
            }
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("a charge of " + total + " posts nothing");
        }
        entries.add(0, signed(account.accountNumber, LedgerAccount.RECEIVABLE, total));
        return entries;
    }

    /** Charges a fee: debits RECEIVABLE, credits FEE_INCOME. */
    @Transactional
    public Posting fee(String accountNumber, BigDecimal amount, String reference, String description) {
        return fee(accountNumber, amount, reference, description, Origin.system("fee", reference));
    }

    @Transactional
    public Posting fee(String accountNumber, BigDecimal amount, String reference, String description, Origin origin) {
        BillingAccount account = account(accountNumber);
        BigDecimal fee = positive(amount, "fee");
        return post(account, PostingKind.FEE, key(PostingKind.FEE, account, reference), reference, description, null,
                null, null, today(), origin,
                List.of(debit(account.accountNumber, LedgerAccount.RECEIVABLE, fee),
                        credit(account.accountNumber, LedgerAccount.FEE_INCOME, fee)));
    }

    /**
     * A manual correction against ADJUSTMENTS. {@code amount} is the change to what the customer owes: positive
     * raises the balance (debits RECEIVABLE), negative lowers it (credits RECEIVABLE). {@code note} says why; the
     * origin says who.
     */
    @Transactional
    public Posting adjust(String accountNumber, BigDecimal amount, String reference, String note, Origin origin) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a note saying why");
        }
        BillingAccount account = account(accountNumber);
        BigDecimal change = cents(amount, "adjustment");
        if (change.signum() == 0) {
            throw new IllegalArgumentException("an adjustment of zero posts nothing");
        }
        String description = (change.signum() > 0 ? "Debit adjustment " : "Credit adjustment ") + change.abs();
        return post(account, PostingKind.ADJUSTMENT, key(PostingKind.ADJUSTMENT, account, reference), reference,
                description, null, null, note, today(), origin,
                List.of(signed(account.accountNumber, LedgerAccount.RECEIVABLE, change),
                        signed(account.accountNumber, LedgerAccount.ADJUSTMENTS, change.negate())));
    }

    // ------------------------------------------------------------------------------------------------ payments

    /**
     * Applies a payment: debits CASH_CLEARING, credits RECEIVABLE, once per payment id whatever the number of
     * calls. {@code effectiveDate} is the day the money was received.
     */
    @Transactional
    public Posting applyPayment(String accountNumber, UUID paymentId, BigDecimal amount, LocalDate effectiveDate,
            String description, Origin origin) {
        BillingAccount account = account(accountNumber);
        BigDecimal paid = positive(amount, "payment");
        return post(account, PostingKind.PAYMENT, paymentKey(paymentId), paymentId.toString(), description, null,
                null, null, effectiveDate == null ? today() : effectiveDate, origin,
                List.of(debit(account.accountNumber, LedgerAccount.CASH_CLEARING, paid),
                        credit(account.accountNumber, LedgerAccount.RECEIVABLE, paid)));
    }

    /** One payment of {@link #applyPayments}: what {@link #applyPayment} takes. */
    public record PaymentToApply(String accountNumber, UUID paymentId, BigDecimal amount, LocalDate effectiveDate,
            String description, Origin origin) {
    }

    /**
     * Applies many payments at once, in the caller's transaction, with the same rules and the same once-per-payment
     * promise as {@link #applyPayment} each: their accounts and the postings already made are read with one query
     * each for all of them, and the new postings and their entries are written with one statement per table (what a
     * poll of hundreds of payments needs). A payment id given twice is posted once. Returns the postings in the order
     * of the payments.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Posting> applyPayments(List<PaymentToApply> payments) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<String, BillingAccount> accounts = accounts(payments.stream().map(PaymentToApply::accountNumber)
                .filter(Objects::nonNull).distinct().toList());
        LocalDate today = today();
        List<LedgerPosting> prepared = new ArrayList<>(payments.size());
        for (PaymentToApply payment : payments) {
            BillingAccount account = payment.accountNumber() == null ? null : accounts.get(payment.accountNumber());
            if (account == null) {
                throw ProblemException.notFound("No billing account " + payment.accountNumber());
            }
            BigDecimal paid = positive(payment.amount(), "payment");
            prepared.add(prepare(account, PostingKind.PAYMENT, paymentKey(payment.paymentId()),
                    payment.paymentId().toString(), payment.description(), null, null, null,
                    payment.effectiveDate() == null ? today : payment.effectiveDate(), payment.origin(),
                    List.of(debit(account.accountNumber, LedgerAccount.CASH_CLEARING, paid),
                            credit(account.accountNumber, LedgerAccount.RECEIVABLE, paid))));
        }
        Map<String, LedgerPosting> existing = existingByKey(prepared.stream().map(p -> p.postingKey).toList());
        List<Posting> postings = new ArrayList<>(prepared.size());
        Map<String, LedgerPosting> written = new HashMap<>();
        List<LedgerPosting> fresh = new ArrayList<>();
        for (LedgerPosting posting : prepared) {
            LedgerPosting already = existing.containsKey(posting.postingKey) ? existing.get(posting.postingKey)
                    : written.get(posting.postingKey);
            if (already != null) {
                postings.add(sameOrConflict(already, posting.accountNumber, posting.entries, posting.postingKey));
                continue;
            }
            written.put(posting.postingKey, posting);
            fresh.add(posting);
            postings.add(Posting.of(posting));
        }
        insert(fresh);
        return postings;
    }

    /**
     * The accounts of these numbers that exist, in one query: only what a posting takes from its account (number and
     * ESI ID), not loaded into the persistence context — nothing here changes an account.
     */
    private Map<String, BillingAccount> accounts(List<String> accountNumbers) {
        if (accountNumbers.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, BillingAccount> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select account_number, esi_id from billing_account where account_number = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", accountNumbers.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        BillingAccount account = new BillingAccount();
                        account.accountNumber = rows.getString(1);
                        account.esiId = rows.getString(2);
                        found.put(account.accountNumber, account);
                    }
                }
            }
            return found;
        });
    }

    /** The postings already made under these keys, with their entries: one query, a second only when some exist. */
    private Map<String, LedgerPosting> existingByKey(List<String> keys) {
        List<String> known = em.unwrap(Session.class).doReturningWork(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select posting_key from ledger_posting where posting_key = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            return found;
        });
        if (known.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select distinct p from LedgerPosting p left join fetch p.entries where p.postingKey in :keys",
                LedgerPosting.class).setParameter("keys", known).getResultList().stream()
                .collect(Collectors.toMap(p -> p.postingKey, Function.identity()));
    }

    /**
     * Writes new postings and their entries with one statement per table (rows from arrays), in the caller's
     * transaction; the database checks each posting's balance at commit as it does for every posting. What
     * Hibernate would write for {@link LedgerPosting#persist()}, without one statement per row; the postings are
     * not put into the persistence context (they are never changed).
     */
    private void insert(List<LedgerPosting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        em.flush(); // whatever is pending goes first, as it would have with persist()
        int count = postings.size();
        int entryCount = postings.stream().mapToInt(p -> p.entries.size()).sum();
        Object[] ids = new Object[count];
        Object[] accountNumbers = new Object[count];
        Object[] esiIds = new Object[count];
        Object[] kinds = new Object[count];
        Object[] keys = new Object[count];
        Object[] references = new Object[count];
        Object[] descriptions = new Object[count];
        Object[] reverses = new Object[count];
        Object[] reasonCodes = new Object[count];
        Object[] actors = new Object[count];
        Object[] notes = new Object[count];
        Object[] sources = new Object[count];
        Object[] sourceIds = new Object[count];
        Object[] correlationIds = new Object[count];
        Object[] effectiveDates = new Object[count];
        Object[] postedAt = new Object[count];
        Object[] entryPostings = new Object[entryCount];
        Object[] entryLines = new Object[entryCount];
        Object[] entryAccounts = new Object[entryCount];
        Object[] entryLedgerAccounts = new Object[entryCount];
        Object[] entryDebits = new Object[entryCount];
        Object[] entryCredits = new Object[entryCount];
        int e = 0;
        for (int i = 0; i < count; i++) {
            LedgerPosting p = postings.get(i);
            ids[i] = p.id;
            accountNumbers[i] = p.accountNumber;
            esiIds[i] = p.esiId;
            kinds[i] = p.kind.name();
            keys[i] = p.postingKey;
            references[i] = p.reference;
            descriptions[i] = p.description;
            reverses[i] = p.reverses;
            reasonCodes[i] = p.reasonCode;
            actors[i] = p.actor;
            notes[i] = p.note;
            sources[i] = p.source;
            sourceIds[i] = p.sourceId;
            correlationIds[i] = p.correlationId;
            effectiveDates[i] = p.effectiveDate.toString();
            postedAt[i] = p.postedAt.toString();
            for (int line = 0; line < p.entries.size(); line++, e++) {
                LedgerEntry entry = p.entries.get(line);
                entryPostings[e] = p.id;
                entryLines[e] = line; // @OrderColumn(name = "line") counts from 0
                entryAccounts[e] = entry.accountNumber;
                entryLedgerAccounts[e] = entry.ledgerAccount.name();
                entryDebits[e] = entry.debit.toPlainString();
                entryCredits[e] = entry.credit.toPlainString();
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ledger_posting (id, account_number, esi_id, kind, posting_key, reference, description,
                        reverses, reason_code, actor, note, source, source_id, correlation_id, effective_date, posted_at)
                    select id, account_number, esi_id, kind, posting_key, reference, description, reverses, reason_code,
                        actor, note, source, source_id, correlation_id, effective_date::date, posted_at::timestamptz
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::text[], ?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[],
                        ?::uuid[], ?::text[], ?::text[])
                      as t(id, account_number, esi_id, kind, posting_key, reference, description, reverses, reason_code,
                        actor, note, source, source_id, correlation_id, effective_date, posted_at)""")) {
                Object[][] columns = { ids, accountNumbers, esiIds, kinds, keys, references, descriptions, reverses,
                        reasonCodes, actors, notes, sources, sourceIds, correlationIds, effectiveDates, postedAt };
                String[] types = { "uuid", "varchar", "varchar", "varchar", "varchar", "varchar", "text", "uuid",
                        "varchar", "varchar", "text", "varchar", "varchar", "uuid", "text", "text" };
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ledger_entry (posting_id, line, account_number, ledger_account, debit, credit)
                    select posting_id, line, account_number, ledger_account, debit::numeric, credit::numeric
                    from unnest(?::uuid[], ?::int4[], ?::varchar[], ?::varchar[], ?::text[], ?::text[])
                      as t(posting_id, line, account_number, ledger_account, debit, credit)""")) {
                insert.setArray(1, connection.createArrayOf("uuid", entryPostings));
                insert.setArray(2, connection.createArrayOf("int4", entryLines));
                insert.setArray(3, connection.createArrayOf("varchar", entryAccounts));
                insert.setArray(4, connection.createArrayOf("varchar", entryLedgerAccounts));
                insert.setArray(5, connection.createArrayOf("text", entryDebits));
                insert.setArray(6, connection.createArrayOf("text", entryCredits));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Reverses the payment's posting because the payment came back (a PAYMENT_RETURN with the return reason code,
     * R01 say). Empty when the payment was never applied. Returned once: asking again returns the same posting.
     */
    @Transactional
    public Optional<Posting> reversePayment(UUID paymentId, String reasonCode, String reason, Origin origin) {
        LedgerPosting payment = LedgerPosting.find("postingKey", paymentKey(paymentId)).firstResult();
        if (payment == null) {
            return Optional.empty();
        }
        return Optional.of(mirror(payment, PostingKind.PAYMENT_RETURN, reasonCode,
                "Payment returned" + (reasonCode == null ? "" : " (" + reasonCode + ")")
                        + (reason == null || reason.isBlank() ? "" : ": " + reason),
                null, origin));
    }

    // ------------------------------------------------------------------------------------------------ reversals

    /** Reverses a posting (a cancelled bill, a waived fee): its mirror image, once. */
    @Transactional
    public Posting reverse(UUID postingId, String reason) {
        return reverse(postingId, reason, Origin.system("reversal", postingId.toString()));
    }

    @Transactional
    public Posting reverse(UUID postingId, String reason, Origin origin) {
        LedgerPosting original = LedgerPosting.findById(postingId);
        if (original == null) {
            throw ProblemException.notFound("No ledger posting " + postingId);
        }
        return mirror(original, PostingKind.REVERSAL, null,
                "Reversal of " + original.kind + " " + original.reference
                        + (reason == null || reason.isBlank() ? "" : ": " + reason),
                reason, origin);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** What the customer owes: the account's RECEIVABLE debits minus credits (negative: in credit). */
    @Transactional
    public BigDecimal balance(String accountNumber) {
        em.flush();
        Object sum = em.createNativeQuery("""
                select coalesce(sum(debit - credit), 0) from ledger_entry
                where account_number = ?1 and ledger_account = 'RECEIVABLE'""")
                .setParameter(1, accountNumber).getSingleResult();
        return ((BigDecimal) sum).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The balances of several accounts in one query; accounts without postings owe 0.00. */
    @Transactional
    public Map<String, BigDecimal> balances(Collection<String> accountNumbers) {
        Map<String, BigDecimal> balances = new HashMap<>();
        if (accountNumbers.isEmpty()) {
            return balances;
        }
        em.flush();
        accountNumbers.forEach(n -> balances.put(n, BigDecimal.ZERO.setScale(2)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select account_number, sum(debit - credit) from ledger_entry
                where account_number in (?1) and ledger_account = 'RECEIVABLE' group by account_number""")
                .setParameter(1, accountNumbers).getResultList();
        rows.forEach(row -> balances.put((String) row[0], ((BigDecimal) row[1]).setScale(2, RoundingMode.UNNECESSARY)));
        return balances;
    }

    /** Every posting of the account, newest first. */
    @Transactional
    public List<Posting> postings(String accountNumber) {
        return withEntries(LedgerPosting.<LedgerPosting> list("accountNumber", newestFirst(), accountNumber));
    }

    /** One page (from 0) of the account's postings, newest first, with the total count. */
    @Transactional
    public PostingPage postings(String accountNumber, int page, int size) {
        PanacheQuery<LedgerPosting> query = LedgerPosting.find("accountNumber", newestFirst(), accountNumber);
        long total = query.count();
        return new PostingPage(withEntries(query.page(Page.of(page, size)).list()), total, page, size);
    }

    @Transactional
    public Optional<Posting> posting(UUID postingId) {
        LedgerPosting posting = LedgerPosting.findById(postingId);
        return posting == null ? Optional.empty() : Optional.of(Posting.of(posting));
    }

    /** The posting that applied a payment, if it was applied. */
    @Transactional
    public Optional<Posting> paymentPosting(UUID paymentId) {
        return LedgerPosting.<LedgerPosting> find("postingKey", paymentKey(paymentId)).firstResultOptional()
                .map(Posting::of);
    }

    /** For each of the postings that has been reversed, the posting that reversed it. */
    @Transactional
    public Map<UUID, UUID> reversalsOf(Collection<UUID> postingIds) {
        if (postingIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p.reverses, p.id from LedgerPosting p where p.reverses in :ids", Object[].class)
                .setParameter("ids", postingIds).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1]));
    }

    // ------------------------------------------------------------------------------------------------ posting

    private Posting mirror(LedgerPosting original, PostingKind kind, String reasonCode, String description,
            String note, Origin origin) {
        if (original.kind == PostingKind.REVERSAL || original.kind == PostingKind.PAYMENT_RETURN) {
            throw ProblemException.conflict("ledger-reversal-of-reversal", "Posting " + original.id + " is itself a "
                    + original.kind + "; post a new charge or adjustment instead of reversing it");
        }
        BillingAccount account = account(original.accountNumber);
        List<LedgerEntry> mirrored = original.entries.stream()
                .map(e -> new LedgerEntry(e.accountNumber, e.ledgerAccount, e.credit, e.debit)).toList();
        return post(account, kind, "REVERSAL:" + original.id, original.reference, description, original.id,
                reasonCode, note, today(), origin, mirrored);
    }

    private Posting post(BillingAccount account, PostingKind kind, String postingKey, String reference,
            String description, UUID reverses, String reasonCode, String note, LocalDate effectiveDate, Origin origin,
            List<LedgerEntry> entries) {
        LedgerPosting posting = prepare(account, kind, postingKey, reference, description, reverses, reasonCode, note,
                effectiveDate, origin, entries);
        LedgerPosting existing = LedgerPosting.find("postingKey", postingKey).firstResult();
        if (existing != null) {
            return sameOrConflict(existing, account.accountNumber, entries, postingKey);
        }
        posting.persist();
        return Posting.of(posting);
    }

    /** The posting already made under a key: returned when it had the same effect, a conflict (409) otherwise. */
    private static Posting sameOrConflict(LedgerPosting existing, String accountNumber, List<LedgerEntry> entries,
            String postingKey) {
        if (sameEffect(existing, accountNumber, entries)) {
            return Posting.of(existing);
        }
        throw ProblemException.conflict("ledger-posting-exists", "Ledger posting " + postingKey
                + " was already made with a different amount or account (posting " + existing.id + ")");
    }

    /** A new posting, checked and filled in, not yet written. */
    private LedgerPosting prepare(BillingAccount account, PostingKind kind, String postingKey, String reference,
            String description, UUID reverses, String reasonCode, String note, LocalDate effectiveDate, Origin origin,
            List<LedgerEntry> entries) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a posting needs a reference");
        }
        if (origin == null) {
            throw new IllegalArgumentException("a posting needs an origin");
        }
        LedgerPosting posting = new LedgerPosting();
        posting.id = UUID.randomUUID();
        posting.accountNumber = account.accountNumber;
        posting.esiId = account.esiId;
        posting.kind = kind;
        posting.postingKey = postingKey;
        posting.reference = reference;
        posting.description = description == null || description.isBlank() ? kind + " " + reference : description;
        posting.reverses = reverses;
        posting.reasonCode = reasonCode;
        posting.actor = origin.actor();
        posting.note = note;
        posting.source = origin.source();
        posting.sourceId = origin.sourceId();
        posting.correlationId = origin.correlationId();
        posting.effectiveDate = effectiveDate;
        posting.postedAt = clock.instant();
        posting.entries = new ArrayList<>(entries);
        return posting;
    }

    private static boolean sameEffect(LedgerPosting existing, String accountNumber, List<LedgerEntry> entries) {
        if (!existing.accountNumber.equals(accountNumber) || existing.entries.size() != entries.size()) {
            return false;
        }
        Comparator<LedgerEntry> order = Comparator.comparing((LedgerEntry e) -> e.ledgerAccount)
                .thenComparing(e -> e.debit).thenComparing(e -> e.credit);
        List<LedgerEntry> a = existing.entries.stream().sorted(order).toList();
        List<LedgerEntry> b = entries.stream().sorted(order).toList();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).ledgerAccount != b.get(i).ledgerAccount || a.get(i).debit.compareTo(b.get(i).debit) != 0
                    || a.get(i).credit.compareTo(b.get(i).credit) != 0) {
                return false;
            }
        }
        return true;
    }

    private List<Posting> withEntries(List<LedgerPosting> postings) {
        if (postings.isEmpty()) {
            return List.of();
        }
        // one query for the page's entries instead of one per posting
        Map<UUID, LedgerPosting> loaded = em.createQuery(
                "select distinct p from LedgerPosting p left join fetch p.entries where p.id in :ids",
                LedgerPosting.class)
                .setParameter("ids", postings.stream().map(p -> p.id).toList()).getResultList().stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, Posting> byId = new LinkedHashMap<>();
        postings.forEach(p -> byId.put(p.id, Posting.of(loaded.getOrDefault(p.id, p))));
        return new ArrayList<>(byId.values());
    }

    private static Sort newestFirst() {
        return Sort.descending("postedAt").and("id", Sort.Direction.Descending);
    }

    private BillingAccount account(String accountNumber) {
        BillingAccount account = accountNumber == null ? null : BillingAccount.findById(accountNumber);
        if (account == null) {
            throw ProblemException.notFound("No billing account " + accountNumber);
        }
        return account;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String key(PostingKind kind, BillingAccount account, String reference) {
        return kind + ":" + account.accountNumber + ":" + reference;
    }

    static String paymentKey(UUID paymentId) {
        if (paymentId == null) {
            throw new IllegalArgumentException("a payment needs its payment id");
        }
        return "PAYMENT:" + paymentId;
    }

    static BigDecimal cents(BigDecimal amount, String what) {
        if (amount == null) {
            throw new IllegalArgumentException(what + " amount is required");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " amount must be in whole cents: " + amount.toPlainString(), e);
        }
    }

    private static BigDecimal positive(BigDecimal amount, String what) {
        BigDecimal value = cents(amount, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " amount must be positive: " + value.toPlainString());
        }
        return value;
    }

    private static LedgerEntry debit(String accountNumber, LedgerAccount account, BigDecimal amount) {
        return new LedgerEntry(accountNumber, account, amount, BigDecimal.ZERO.setScale(2));
    }

    private static LedgerEntry credit(String accountNumber, LedgerAccount account, BigDecimal amount) {
        return new LedgerEntry(accountNumber, account, BigDecimal.ZERO.setScale(2), amount);
    }

    /** Positive: a debit; negative: a credit of the absolute amount. */
    private static LedgerEntry signed(String accountNumber, LedgerAccount account, BigDecimal amount) {
        return amount.signum() >= 0 ? debit(accountNumber, account, amount)
                : credit(accountNumber, account, amount.negate());
    }
}
