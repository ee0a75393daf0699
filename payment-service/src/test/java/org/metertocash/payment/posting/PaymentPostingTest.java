package org.metertocash.payment.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metertocash.payment.PaymentFixtures.newAccountNumber;
import static org.metertocash.payment.PaymentFixtures.openAccount;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.platform.events.Cause;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The posting service as payment files and auto-draft will use it: batches, once per file line. */
@QuarkusTest
class PaymentPostingTest {

    @Inject
    PaymentPosting posting;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static List<PaymentInstruction> lines(UUID fileId, Account account, int count) {
        List<PaymentInstruction> lines = new ArrayList<>();
        for (int line = 1; line <= count; line++) {
            // every third line names an account nobody has: it goes to suspense
            String accountNumber = line % 3 == 0 ? "9999999999" : account.accountNumber();
            lines.add(PaymentInstruction.fileLine(fileId, line, accountNumber, null,
                    new BigDecimal(line + ".01"), PaymentChannel.CHECK, "ITEM-" + line,
                    Instant.parse("2024-03-04T16:00:00Z"), "lockbox"));
        }
        return lines;
    }

    @Test
    void given_a_batch_of_file_lines_each_posts_once_and_a_second_reading_posts_nothing() {
        Account account = openAccount();
        UUID fileId = UUID.randomUUID();
        List<PaymentInstruction> batch = lines(fileId, account, 30);

        List<PaymentPosting.Result> first = posting.postAll(batch, Cause.newFlow());
        assertThat(first).extracting(PaymentPosting.Result::outcome).containsOnly(PaymentPosting.Outcome.POSTED,
                PaymentPosting.Outcome.UNAPPLIED);
        assertThat(first.stream().filter(r -> r.outcome() == PaymentPosting.Outcome.UNAPPLIED)).hasSize(10);
        assertThat(outboxRows(fileId)).isEqualTo(20);

        List<PaymentPosting.Result> again = posting.postAll(batch, Cause.newFlow());
        assertThat(again).extracting(PaymentPosting.Result::outcome).containsOnly(PaymentPosting.Outcome.REPEATED);
        assertThat(again).extracting(r -> r.payment().id)
                .containsExactlyElementsOf(first.stream().map(r -> r.payment().id).toList());
        assertThat(outboxRows(fileId)).isEqualTo(20);
        assertThat(payments(fileId)).isEqualTo(30);
    }

    @Test
    void given_a_batch_its_events_are_written_in_the_order_of_its_lines_each_as_one_publish_would_write_it()
            throws Exception {
        Account account = openAccount();
        UUID fileId = UUID.randomUUID();
        UUID causedBy = UUID.randomUUID();
        Cause cause = new Cause(UUID.randomUUID(), causedBy);

        List<PaymentPosting.Result> results = QuarkusTransaction.requiringNew()
                .call(() -> posting.postAll(lines(fileId, account, 12), cause));

        List<Payment> posted = results.stream().filter(r -> r.outcome() == PaymentPosting.Outcome.POSTED)
                .map(PaymentPosting.Result::payment).toList();
        assertThat(posted).hasSize(8);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select o.topic, o.event_key, o.subject, o.event_type, o.source, o.correlation_id, o.causation_id,
                       convert_from(o.payload, 'UTF8'), o.event_id, o.occurred_at
                from outbox_event o join payment p on position(p.id::text in convert_from(o.payload, 'UTF8')) > 0
                where p.source_file_id = ?1 order by o.seq""").setParameter(1, fileId).getResultList());
        assertThat(rows).hasSize(posted.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Payment payment = posted.get(i);
            assertThat(row[0]).isEqualTo("payment.events");
            assertThat(row[1]).isEqualTo(account.esiId());
            assertThat(row[2]).isEqualTo(account.esiId());
            assertThat(row[3]).isEqualTo(PaymentPosted.TYPE);
            assertThat(row[4]).isEqualTo("payment-service");
            assertThat(row[5]).isEqualTo(cause.correlationId());
            assertThat(row[6]).isEqualTo(causedBy);
            assertThat(row[8]).isNotNull();
            assertThat(row[9]).isNotNull();
            PaymentPosted event = json.readValue((String) row[7], PaymentPosted.class);
            assertThat(event.paymentId()).isEqualTo(payment.id);
            assertThat(event.accountNumber()).isEqualTo(account.accountNumber());
            assertThat(event.esiId()).isEqualTo(account.esiId());
            assertThat(event.amount()).isEqualByComparingTo(payment.amount);
            assertThat(event.externalReference()).isEqualTo(payment.externalReference);
            assertThat(event.receivedAt()).isEqualTo(payment.receivedAt);
        }
    }

    @Test
    void every_column_of_a_batch_written_with_jdbc_reads_back_through_the_entity_as_it_was_posted() {
        Account account = openAccount();
        Account onPremise = openAccount();
        UUID fileId = UUID.randomUUID();
        Instant received = Instant.parse("2024-03-04T16:00:00.123456Z");
        List<PaymentInstruction> batch = List.of(
                // by account number
                PaymentInstruction.fileLine(fileId, 1, account.accountNumber(), account.esiId(), new BigDecimal("12.34"),
                        PaymentChannel.CHECK, "ITEM-1", received, "lockbox"),
                // an account number nobody has, and an ESI ID with exactly one account: matched by the premise
                PaymentInstruction.fileLine(fileId, 2, "9999999999", onPremise.esiId(), new BigDecimal("5"),
                        PaymentChannel.PAY_AGENT, null, received, "lockbox"),
                // nothing matches: suspense, with its reason
                PaymentInstruction.fileLine(fileId, 3, newAccountNumber(), null, new BigDecimal("7.50"),
                        PaymentChannel.CHECK, "ITEM-3", received, "lockbox"),
                // the same line again in the same batch: the payment just written, not a second one
                PaymentInstruction.fileLine(fileId, 1, account.accountNumber(), account.esiId(), new BigDecimal("12.34"),
                        PaymentChannel.CHECK, "ITEM-1", received, "lockbox"),
                // an API payment with a masked card, in a batch of its own kind
                PaymentInstruction.api("upstream", "round-trip-" + fileId, account.accountNumber(), null,
                        new BigDecimal("20.00"), "USD", PaymentChannel.CARD, "AUTH-1", received,
                        new Instrument(Instrument.Type.CARD, "4242")));

        List<PaymentPosting.Result> results = QuarkusTransaction.requiringNew()
                .call(() -> posting.postAll(batch, Cause.newFlow()));

        assertThat(results).extracting(PaymentPosting.Result::outcome).containsExactly(PaymentPosting.Outcome.POSTED,
                PaymentPosting.Outcome.POSTED, PaymentPosting.Outcome.UNAPPLIED, PaymentPosting.Outcome.REPEATED,
                PaymentPosting.Outcome.POSTED);
        assertThat(results.get(3).payment().id).isEqualTo(results.get(0).payment().id);
        assertThat(results.get(1).payment().appliedAccountNumber).isEqualTo(onPremise.accountNumber());
        assertThat(results.get(2).payment().unappliedReason).isEqualTo(UnappliedReason.NO_ACCOUNT);
        for (int i : new int[] { 0, 1, 2, 4 }) {
            Payment written = results.get(i).payment();
            Payment read = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment> findById(written.id));
            // the database keeps microseconds: an instant may come back rounded to them
            assertThat(read).as("line %d", i + 1).usingRecursiveComparison()
                    .comparingOnlyFields("id", "idempotencyKey", "source", "sourceFileId", "sourceLine", "accountNumber",
                            "esiId", "amount", "currency", "channel", "externalReference", "instrumentType",
                            "instrumentLast4", "receivedAt", "receivedOn", "recordedAt", "submittedBy", "status",
                            "statusChangedAt", "appliedAccountNumber", "appliedEsiId", "postedAt", "unappliedReason",
                            "unappliedDetail")
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .withComparatorForType((a, b) -> Math.abs(Duration.between(a, b).toNanos()) < 1_000 ? 0
                            : a.compareTo(b), Instant.class)
                    .isEqualTo(written);
            assertThat(read.instrument()).isEqualTo(written.instrument());
        }
        assertThat(payments(fileId)).isEqualTo(3);
    }

    @Test
    void given_a_line_read_again_with_other_details_it_is_a_key_conflict_and_nothing_changes() {
        Account account = openAccount();
        UUID fileId = UUID.randomUUID();
        PaymentInstruction line = PaymentInstruction.fileLine(fileId, 7, account.accountNumber(), null,
                new BigDecimal("10.00"), PaymentChannel.CHECK, "ITEM-7", Instant.parse("2024-03-04T16:00:00Z"), "lockbox");
        PaymentInstruction altered = PaymentInstruction.fileLine(fileId, 7, account.accountNumber(), null,
                new BigDecimal("100.00"), PaymentChannel.CHECK, "ITEM-7", Instant.parse("2024-03-04T16:00:00Z"), "lockbox");
        PaymentPosting.Result posted = posting.post(line, Cause.newFlow());
        PaymentPosting.Result conflict = posting.post(altered, Cause.newFlow());
        assertThat(conflict.outcome()).isEqualTo(PaymentPosting.Outcome.KEY_CONFLICT);
        assertThat(conflict.payment().id).isEqualTo(posted.payment().id);
        assertThat(conflict.payment().amount).isEqualByComparingTo("10.00");
    }

    @Test
    void a_batch_breaking_the_rules_posts_nothing() {
        Account account = openAccount();
        UUID fileId = UUID.randomUUID();
        List<PaymentInstruction> batch = new ArrayList<>(lines(fileId, account, 3));
        batch.add(PaymentInstruction.fileLine(fileId, 4, newAccountNumber(), null, new BigDecimal("-1.00"),
                PaymentChannel.CHECK, null, Instant.parse("2024-03-04T16:00:00Z"), "lockbox"));
        assertThatThrownBy(() -> posting.postAll(batch, Cause.newFlow()))
                .hasMessageContaining("amount").hasMessageContaining("must be greater than zero");
        assertThat(payments(fileId)).isZero();
        assertThat(outboxRows(fileId)).isZero();
    }

    private long outboxRows(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox_event o join payment p
                  on position(p.id::text in convert_from(o.payload, 'UTF8')) > 0
                where o.event_type = ?1 and p.source_file_id = ?2""")
                .setParameter(1, PaymentPosted.TYPE).setParameter(2, fileId).getSingleResult()).longValue());
    }

    private long payments(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.count("sourceFileId", fileId));
    }
}
