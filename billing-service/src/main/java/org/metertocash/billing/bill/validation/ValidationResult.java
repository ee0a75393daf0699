package org.metertocash.billing.bill.validation;

/**
 * The outcome of one validation rule on a bill.
 *
 * @param rule the rule's code (HIGH_USAGE, LOW_USAGE, ZERO_USAGE, ESTIMATED_READ, CONSECUTIVE_ESTIMATES,
 *        AMOUNT_ABOVE_MAXIMUM, AMOUNT_BELOW_MINIMUM, EMPTY_BILL, TDSP_INVOICE_MISMATCH)
 * @param passed whether the bill passed it
 * @param detail what was compared, for the reviewer
 */
public record ValidationResult(String rule, boolean passed, String detail) {
}
