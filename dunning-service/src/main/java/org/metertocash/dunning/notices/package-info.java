/**
 * Notices to customers: {@link org.metertocash.dunning.notices.Notices#issue} records one and publishes NoticeIssued;
 * e-mail and text messages count as sent then (a downstream sender delivers them), printed ones when the day's print
 * batch — one PDF per notice from a template, and a manifest — is written to the outbound folder for the print vendor.
 * A disconnect notice states what 16 TAC §25.483(m) requires. A notice not sent in time raises a NOTICE_NOT_SENT work
 * item, once.
 */
package org.metertocash.dunning.notices;
