/**
 * Single payments by API: {@code POST /payments} (read field by field so every bad field is named at once; a refused
 * request is kept, masked, with a PAYMENT_REQUEST_REJECTED work item), {@code GET /payments} and
 * {@code GET /rejected-payments}.
 */
package org.metertocash.payment.single;
