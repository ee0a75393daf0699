package org.metertocash.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metertocash.billing.ledger.LedgerFixtures.newEsiId;
import static org.metertocash.billing.ledger.LedgerFixtures.openAccount;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.metertocash.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerTest {

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** The account's RECEIVABLE entries summed straight from the table, independently of the Ledger. */
    private BigDecimal receivableSum(String accountNumber) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery("""
                select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) from ledger_entry
                where account_number = ?1 and ledger_account = 'RECEIVABLE'""")
                .setParameter(1, accountNumber).getSingleResult());
    }

    private long unbalancedPostings() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from (select p.id from ledger_posting p left join ledger_entry e on e.posting_id = p.id
                group by p.id having count(e.posting_id) < 2 or coalesce(sum(e.debit), 0) <> coalesce(sum(e.credit), 0)) u""")
                .getSingleResult()).longValue());
    }

    @Test
    void after_a_mixed_sequence_the_balance_is_the_sum_of_the_receivable_entries_and_every_posting_balances() {
        String account = openAccount(newEsiId()).accountNumber;
        BigDecimal expected = BigDecimal.ZERO;

        Posting bill = ledger.charge(account, money("120.45"), "bill-1", "Bill for May");
        expected = expected.add(money("120.45"));
        ledger.fee(account, money("5.00"), "late-fee-1", "Late payment fee");
        expected = expected.add(money("5.00"));
        UUID paymentId = UUID.randomUUID();
        ledger.applyPayment(account, paymentId, money("100.00"), null, "Payment by CARD", Origin.system("test", "1"));
        expected = expected.subtract(money("100.00"));
        ledger.adjust(account, money("-10.25"), "goodwill-1", "Outage credit", Origin.user("ops", "test", "a1"));
        expected = expected.subtract(money("10.25"));
        ledger.adjust(account, money("3.10"), "rebill-diff", "Meter fee missed on May bill", Origin.user("ops", "test", "a2"));
        expected = expected.add(money("3.10"));
        Map<LedgerAccount, BigDecimal> lines = new LinkedHashMap<>();
        lines.put(LedgerAccount.REVENUE, money("64.00")); // energy 99.00 less a usage credit of 35.00
        lines.put(LedgerAccount.TDU_CHARGES, money("54.57"));
        lines.put(LedgerAccount.TAXES, money("2.37"));
        Posting june = ledger.charge(account, "bill-2", "Bill for June", lines, Origin.system("bill-run", "2026-07-01"));
        expected = expected.add(money("64.00")).add(money("54.57")).add(money("2.37"));
        ledger.reverse(bill.id(), "cancelled for rebill");
        expected = expected.subtract(money("120.45"));
        UUID bounced = UUID.randomUUID();
        ledger.applyPayment(account, bounced, money("40.00"), null, "Payment by ACH", Origin.system("test", "2"));
        ledger.reversePayment(bounced, "R01", "Insufficient funds", Origin.system("test", "3")).orElseThrow();
        // the bounced payment and its return cancel out

        assertThat(ledger.balance(account)).isEqualByComparingTo(expected);
        assertThat(receivableSum(account)).isEqualByComparingTo(expected);
        List<Posting> postings = ledger.postings(account);
        assertThat(postings).hasSize(9);
        assertThat(postings.stream().map(Posting::balanceChange).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expected);
        assertThat(postings).allSatisfy(p -> {
            assertThat(p.entries()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(p.balanced()).as("%s %s balances", p.kind(), p.reference()).isTrue();
            assertThat(p.entries()).allSatisfy(e -> assertThat(e.debit().signum() == 0)
                    .as("one side per entry").isNotEqualTo(e.credit().signum() == 0));
        });
        assertThat(unbalancedPostings()).isZero();

        assertThat(june.entries()).containsExactlyInAnyOrder(
                new Posting.Entry(LedgerAccount.RECEIVABLE, money("120.94"), money("0.00")),
                new Posting.Entry(LedgerAccount.REVENUE, money("0.00"), money("64.00")),
                new Posting.Entry(LedgerAccount.TDU_CHARGES, money("0.00"), money("54.57")),
                new Posting.Entry(LedgerAccount.TAXES, money("0.00"), money("2.37")));
        Posting reversal = postings.stream().filter(p -> bill.id().equals(p.reverses())).findFirst().orElseThrow();
        assertThat(reversal.kind()).isEqualTo(PostingKind.REVERSAL);
        assertThat(reversal.entries()).containsExactlyInAnyOrder(
                new Posting.Entry(LedgerAccount.RECEIVABLE, money("0.00"), money("120.45")),
                new Posting.Entry(LedgerAccount.REVENUE, money("120.45"), money("0.00")));
        Posting returned = postings.stream().filter(p -> p.kind() == PostingKind.PAYMENT_RETURN).findFirst()
                .orElseThrow();
        assertThat(returned.reasonCode()).isEqualTo("R01");
        assertThat(returned.reverses()).isEqualTo(ledger.paymentPosting(bounced).orElseThrow().id());
    }

    @Test
    void a_posting_asked_for_again_is_the_same_posting_and_a_different_one_under_its_reference_is_refused() {
        String account = openAccount(newEsiId()).accountNumber;
        Posting charge = ledger.charge(account, money("80.00"), "bill-9", "Bill");
        assertThat(ledger.charge(account, money("80"), "bill-9", "Bill").id()).isEqualTo(charge.id());
        assertThatThrownBy(() -> ledger.charge(account, money("81.00"), "bill-9", "Bill"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));

        UUID paymentId = UUID.randomUUID();
        Posting payment = ledger.applyPayment(account, paymentId, money("30.00"), null, "Payment", Origin.system("t", "1"));
        assertThat(ledger.applyPayment(account, paymentId, money("30.00"), null, "Payment", Origin.system("t", "2")).id())
                .isEqualTo(payment.id());

        Posting reversal = ledger.reverse(charge.id(), "cancelled");
        assertThat(ledger.reverse(charge.id(), "cancelled again").id()).isEqualTo(reversal.id());
        assertThatThrownBy(() -> ledger.reverse(reversal.id(), "undo the undo"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(ledger.reversePayment(UUID.randomUUID(), "R01", null, Origin.system("t", "3"))).isEmpty();

        assertThat(ledger.postings(account)).hasSize(3);
        assertThat(ledger.balance(account)).isEqualByComparingTo(money("-30.00"));
    }

    @Test
    void money_is_whole_cents_charges_are_positive_and_an_adjustment_says_why() {
        String account = openAccount(newEsiId()).accountNumber;
        assertThatThrownBy(() -> ledger.charge(account, money("10.005"), "c1", "Bill"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole cents");
        assertThatThrownBy(() -> ledger.charge(account, money("-10.00"), "c2", "Bill"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.fee(account, money("0"), "f1", "Fee")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.adjust(account, money("0.00"), "a1", "nothing", Origin.user("ops", "t", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.adjust(account, money("5.00"), "a2", " ", Origin.user("ops", "t", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note");
        assertThatThrownBy(() -> ledger.charge("0000000000", money("5.00"), "c3", "Bill"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
        assertThat(ledger.postings(account)).isEmpty();
        assertThat(ledger.balance(account)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void the_database_itself_refuses_an_unbalanced_posting_and_any_edit_of_the_ledger() {
        String account = openAccount(newEsiId()).accountNumber;
        Posting charge = ledger.charge(account, money("50.00"), "bill-7", "Bill");

        UUID rogue = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into ledger_posting (id, account_number, esi_id, kind, posting_key, reference, description,
                        actor, source, effective_date, posted_at)
                    select ?1, account_number, esi_id, 'CHARGE', ?2, 'rogue', 'one-sided', 'someone', 'sql',
                        current_date, now() from billing_account where account_number = ?3""")
                    .setParameter(1, rogue).setParameter(2, "rogue:" + rogue).setParameter(3, account).executeUpdate();
            em.createNativeQuery("""
                    insert into ledger_entry (posting_id, line, account_number, ledger_account, debit, credit)
                    values (?1, 0, ?2, 'RECEIVABLE', 99.00, 0)""")
                    .setParameter(1, rogue).setParameter(2, account).executeUpdate();
        })).hasStackTraceContaining("does not balance");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ledger_entry set debit = 1.00 where posting_id = ?1 and debit > 0")
                .setParameter(1, charge.id()).executeUpdate())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from ledger_posting where id = ?1").setParameter(1, charge.id()).executeUpdate()))
                .hasStackTraceContaining("append-only");

        assertThat(ledger.postings(account)).extracting(Posting::id).containsExactly(charge.id());
        assertThat(ledger.balance(account)).isEqualByComparingTo(money("50.00"));
    }
}
