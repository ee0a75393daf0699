/**
 * Service orders for non-payment (Texas SET 650): dunning's {@code DisconnectRequested} and
 * {@code ReconnectRequested} become a 650_01 to the premise's wires utility ({@link
 * org.metertocash.edi.serviceorder.ServiceOrderSender}), each request once; the utility's 650_02 completes or
 * rejects it ({@link org.metertocash.edi.serviceorder.ServiceOrderResponses}), matched by the BGN06 that quotes our
 * BGN02. dunning's {@code DisconnectCancelRequested} withdraws a disconnect ({@link
 * org.metertocash.edi.serviceorder.ServiceOrderCancels}): a 650_01 cancel when the order went out, the order never
 * sent when the cancel came first, a work item when the disconnect was already done. {@link
 * org.metertocash.edi.serviceorder.ServiceOrder650} is the transaction's layout and codes.
 */
package org.metertocash.edi.serviceorder;
