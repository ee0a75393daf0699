package org.metertocash.payment.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentChannel;
import org.metertocash.payment.posting.PaymentSource;
import org.metertocash.payment.posting.PaymentStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A day's payments, reconciled: everything received on the business day (by the payer's money date, so a file or
 * return that arrives later joins the day it belongs to) split into where it stands — posted to an account,
 * unapplied in suspense, refunded — with the posted money that came back (returned) shown separately. Received must
 * equal posted + unapplied + refunded to the cent; {@code received} is summed independently of the statuses, so a
 * payment in a state none of the columns accounts for shows as a difference. Totals by channel and by source (the
 * API, each payment file, auto-draft), all read from the payment table.
 */
@ApplicationScoped
public class Reconciliation {

    /** A count and a sum of dollars. */
    public record Money(long count, BigDecimal amount) {

        static final Money NONE = new Money(0, BigDecimal.ZERO.setScale(2));

        Money plus(long n, BigDecimal sum) {
            return new Money(count + n, amount.add(sum));
        }

        Money minus(Money other) {
            return new Money(count - other.count, amount.subtract(other.amount));
        }
    }

    /** One line of the reconciliation: the money received and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(PaymentChannel channel, PaymentSource source, UUID fileId, Money received, Money posted,
            Money unapplied, Money refunded, Money returned, Money difference, boolean balanced) {
    }

    /** The day: the overall totals, by channel, by source. */
    public record Day(LocalDate date, Totals total, List<Totals> byChannel, List<Totals> bySource) {
    }

    private static final class Accumulator {
        Money received = Money.NONE;
        Money posted = Money.NONE;
        Money unapplied = Money.NONE;
        Money refunded = Money.NONE;
        Money returned = Money.NONE;
        Money other = Money.NONE;

        void add(PaymentStatus status, long count, BigDecimal amount) {
            received = received.plus(count, amount);
            if (status.wasPosted()) {
                posted = posted.plus(count, amount);
            }
            switch (status) {
                case UNAPPLIED -> unapplied = unapplied.plus(count, amount);
                case REFUNDED -> refunded = refunded.plus(count, amount);
                case RETURNED -> returned = returned.plus(count, amount);
                default -> {
                    // posted above
                }
            }
        }

        Totals totals(PaymentChannel channel, PaymentSource source, UUID fileId) {
            Money difference = received.minus(posted).minus(unapplied).minus(refunded);
            boolean balanced = difference.count() == 0 && difference.amount().signum() == 0;
            return new Totals(channel, source, fileId, received, posted, unapplied, refunded, returned, difference,
                    balanced);
        }
    }

    @Transactional
    public Day of(LocalDate date) {
        List<Object[]> rows = Payment.getEntityManager().createQuery("""
                select p.channel, p.source, p.sourceFileId, p.status, count(p), sum(p.amount)
                from Payment p where p.receivedOn = ?1
                group by p.channel, p.source, p.sourceFileId, p.status""", Object[].class)
                .setParameter(1, date).getResultList();
        Accumulator total = new Accumulator();
        Map<PaymentChannel, Accumulator> byChannel = new TreeMap<>();
        Map<String, Accumulator> bySource = new TreeMap<>();
        Map<String, Object[]> sourceKeys = new TreeMap<>();
        for (Object[] row : rows) {
            PaymentChannel channel = (PaymentChannel) row[0];
            PaymentSource source = (PaymentSource) row[1];
            UUID fileId = (UUID) row[2];
            PaymentStatus status = (PaymentStatus) row[3];
            long count = (Long) row[4];
            BigDecimal amount = (BigDecimal) row[5];
            total.add(status, count, amount);
            byChannel.computeIfAbsent(channel, c -> new Accumulator()).add(status, count, amount);
            String sourceKey = source.name() + (fileId == null ? "" : ":" + fileId);
            sourceKeys.putIfAbsent(sourceKey, new Object[] { source, fileId });
            bySource.computeIfAbsent(sourceKey, k -> new Accumulator()).add(status, count, amount);
        }
        List<Totals> channels = new ArrayList<>();
        byChannel.forEach((channel, acc) -> channels.add(acc.totals(channel, null, null)));
        List<Totals> sources = new ArrayList<>();
        bySource.forEach((key, acc) -> sources.add(acc.totals(null, (PaymentSource) sourceKeys.get(key)[0],
                (UUID) sourceKeys.get(key)[1])));
        return new Day(date, total.totals(null, null, null), channels, sources);
    }
}
