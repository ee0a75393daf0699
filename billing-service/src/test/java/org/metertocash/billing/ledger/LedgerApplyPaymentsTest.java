package org.metertocash.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metertocash.billing.ledger.LedgerFixtures.newEsiId;
import static org.metertocash.billing.ledger.LedgerFixtures.openAccount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Ledger#applyPayments}: many payments with the promises of {@link Ledger#applyPayment} — once per payment id,
 * the same posting back when asked again with the same effect, a conflict with another.
 */
@QuarkusTest
class LedgerApplyPaymentsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);

    @Inject
    Ledger ledger;

    private static Ledger.PaymentToApply payment(BillingAccount account, UUID paymentId, String amount) {
        return new Ledger.PaymentToApply(account.accountNumber, paymentId, new BigDecimal(amount), RECEIVED,
                "Payment by CARD", Origin.system("test", paymentId.toString()));
    }

    @Test
    void given_payments_of_several_accounts_each_is_posted_once_as_apply_payment_would_post_it() {
        BillingAccount first = openAccount(newEsiId());
        BillingAccount second = openAccount(newEsiId());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        List<Posting> postings = QuarkusTransaction.requiringNew().call(() -> ledger.applyPayments(List.of(
                payment(first, a, "10.00"), payment(second, b, "2.50"), payment(first, a, "10.00"))));

        assertThat(postings).hasSize(3);
        assertThat(postings.get(2).id()).isEqualTo(postings.get(0).id());
        Posting stored = ledger.paymentPosting(a).orElseThrow();
        assertThat(stored.id()).isEqualTo(postings.get(0).id());
        assertThat(stored.esiId()).isEqualTo(first.esiId);
        assertThat(stored.effectiveDate()).isEqualTo(RECEIVED);
        assertThat(stored.description()).isEqualTo("Payment by CARD");
        assertThat(stored.balanced()).isTrue();
        assertThat(ledger.balance(first.accountNumber)).isEqualByComparingTo("-10.00");
        assertThat(ledger.balance(second.accountNumber)).isEqualByComparingTo("-2.50");

        // asked again, one by one or in bulk: the postings already made, nothing new
        Posting again = ledger.applyPayment(first.accountNumber, a, new BigDecimal("10.00"), RECEIVED, "again",
                Origin.system("test", "again"));
        assertThat(again.id()).isEqualTo(stored.id());
        List<Posting> bulkAgain = QuarkusTransaction.requiringNew()
                .call(() -> ledger.applyPayments(List.of(payment(second, b, "2.50"))));
        assertThat(bulkAgain.get(0).id()).isEqualTo(postings.get(1).id());
        assertThat(ledger.postings(second.accountNumber)).hasSize(1);
    }

    @Test
    void given_a_payment_already_posted_with_another_amount_the_whole_call_is_a_conflict_and_writes_nothing() {
        BillingAccount account = openAccount(newEsiId());
        UUID posted = UUID.randomUUID();
        ledger.applyPayment(account.accountNumber, posted, new BigDecimal("5.00"), RECEIVED, "first",
                Origin.system("test", "first"));
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ledger.applyPayments(List.of(
                payment(account, other, "1.00"), payment(account, posted, "6.00")))))
                .isInstanceOf(ProblemException.class);

        assertThat(ledger.paymentPosting(other)).isEmpty();
        assertThat(ledger.balance(account.accountNumber)).isEqualByComparingTo("-5.00");
    }

    @Test
    void given_an_account_that_does_not_exist_nothing_is_posted() {
        BillingAccount account = openAccount(newEsiId());
        UUID paymentId = UUID.randomUUID();
        Ledger.PaymentToApply nowhere = new Ledger.PaymentToApply("9999999999", UUID.randomUUID(),
                new BigDecimal("1.00"), RECEIVED, "nowhere", Origin.system("test", "nowhere"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ledger.applyPayments(List.of(
                payment(account, paymentId, "3.00"), nowhere)))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("9999999999");

        assertThat(ledger.paymentPosting(paymentId)).isEmpty();
    }
}
