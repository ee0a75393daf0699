package org.metertocash.payment.files;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A count and a sum, as a control record declares them or as the reader computed them from what the file holds.
 * What is counted is the format's own rule: CSV counts payment rows, BAI2 counts physical records (03 … 49, 88
 * included), NACHA counts entry and addenda records. The amount always has two decimals, so two totals compare
 * with {@link #equals(Object)}.
 */
public record ControlTotals(long count, BigDecimal amount) {

    public static final ControlTotals NONE = new ControlTotals(0, Cents.zero());

    public ControlTotals {
        Objects.requireNonNull(amount, "amount");
        amount = Cents.money(amount);
    }

    public ControlTotals plus(long moreCount, BigDecimal moreAmount) {
        return new ControlTotals(count + moreCount, amount.add(moreAmount));
    }

    public ControlTotals plus(ControlTotals other) {
        return plus(other.count, other.amount);
    }

    @Override
    public String toString() {
        return count + " / " + amount.toPlainString();
    }
}
