package org.metertocash.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A posting of the receivables ledger, as other billing code and the API see it: one business fact with its
 * balanced entries and what caused it.
 *
 * @param reverses   the posting this one mirrors (REVERSAL, PAYMENT_RETURN)
 * @param reasonCode a return reason (R01) or adjustment reason, if any
 * @param actor      who made it: a user name, or {@code system}
 * @param note       why, for a manual posting
 * @param source     what caused it: an event type, a REST operation, a billing job
 * @param sourceId   the id within the source: event id, Idempotency-Key, bill id
 */
public record Posting(UUID id, String accountNumber, String esiId, PostingKind kind, String reference,
        String description, UUID reverses, String reasonCode, String actor, String note, String source,
        String sourceId, UUID correlationId, LocalDate effectiveDate, Instant postedAt, List<Entry> entries) {

    /** One entry: exactly one of debit and credit is non-zero. */
    public record Entry(LedgerAccount account, BigDecimal debit, BigDecimal credit) {
    }

    static Posting of(LedgerPosting p) {
        return new Posting(p.id, p.accountNumber, p.esiId, p.kind, p.reference, p.description, p.reverses,
                p.reasonCode, p.actor, p.note, p.source, p.sourceId, p.correlationId, p.effectiveDate, p.postedAt,
                p.entries.stream().map(e -> new Entry(e.ledgerAccount, e.debit, e.credit)).toList());
    }

    /** The posting's size: its total debits (= its total credits). */
    public BigDecimal amount() {
        return entries.stream().map(Entry::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the posting did to the balance: positive when the customer owes more, negative when less. */
    public BigDecimal balanceChange() {
        return entries.stream().filter(e -> e.account() == LedgerAccount.RECEIVABLE)
                .map(e -> e.debit().subtract(e.credit())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether debits equal credits (the database refuses any posting that does not). */
    public boolean balanced() {
        BigDecimal credits = entries.stream().map(Entry::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return amount().compareTo(credits) == 0;
    }
}
