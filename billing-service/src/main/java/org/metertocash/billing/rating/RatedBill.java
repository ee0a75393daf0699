package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of rating: the lines in bill order (energy, base, daily, fees, credits, TDU charges, taxes) and the
 * totals, each the sum of its rounded lines.
 *
 * @param days the days of the service period
 * @param totalKwh the period's usage
 * @param chargesTotal every line but taxes: the taxable base
 * @param taxTotal the tax and assessment lines
 * @param total {@code chargesTotal + taxTotal}, the amount of the bill
 */
public record RatedBill(ServicePeriod period, long days, BigDecimal totalKwh, List<BillLine> lines,
        BigDecimal chargesTotal, BigDecimal taxTotal, BigDecimal total) {

    public RatedBill {
        lines = List.copyOf(lines);
    }

    /** The lines of one kind, in bill order. */
    public List<BillLine> lines(LineKind kind) {
        return lines.stream().filter(line -> line.kind() == kind).toList();
    }

    /** The sum of the lines of one kind (e.g. TDU_DELIVERY_CHARGE, to compare with the TDSP's invoice). */
    public BigDecimal amount(LineKind kind) {
        return lines.stream().filter(line -> line.kind() == kind).map(BillLine::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
