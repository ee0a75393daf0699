/**
 * The wires utility's invoices for delivery charges (810_02, {@code edi.tdsp-invoice-received.v1}): stored once per
 * utility and invoice number, cancels and replacements marking the invoice they restate, and reconciled with the TDU
 * pass-through lines of the bill of the same premise and service period. An invoice already here when the bill is
 * drafted is checked by the bill validation rule TDSP_INVOICE_MISMATCH; one arriving later is compared on arrival (a
 * disagreement raises a TDSP_INVOICE_MISMATCH work item, and a held bill gets the failed rule); one arriving before
 * any bill is stored and checked when the bill is drafted. {@code GET /tdsp-invoices?esiId=} lists a premise's
 * invoices with their check.
 */
package org.metertocash.billing.invoice;
