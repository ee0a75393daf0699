package org.metertocash.billing.bill.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the wires utility invoiced (810_02) for a premise's service period: the invoices that stand for it (an
 * original, or the replacement that replaced it, and any further invoice for the same period) and their total. A
 * bill's TDU pass-through lines are compared with {@link #amount()} by the TDSP_INVOICE_MISMATCH rule.
 *
 * @param invoiceNumbers BIG02 of each standing invoice of the period
 * @param amount the sum of their totals (TDS01), in dollars
 */
public record InvoicedDelivery(List<String> invoiceNumbers, BigDecimal amount) {

    public InvoicedDelivery {
        invoiceNumbers = List.copyOf(invoiceNumbers);
        Objects.requireNonNull(amount, "amount");
        if (invoiceNumbers.isEmpty()) {
            throw new IllegalArgumentException("invoiced delivery names at least one invoice; use null for none");
        }
    }
}
